import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './source-files';

// Habits that keep the repo readable for the next maintainer (docs/design.md, "Conventions").

const SOURCE_FOLDERS = ['lib', 'components', 'entrypoints', 'desk', 'scripts'];
const CODE = /\.(tsx?|mts|mjs)$/;
const MAX_LINES = 400;
/** String tables are long by nature: one line a message. */
const STRING_TABLES = /^lib\/i18n\/messages\/|\/i18n\/messages\//;

const existing = (folders: string[]) => folders.filter((folder) => existsSync(join(ROOT, folder)));

describe('source hygiene', () => {
  const files = sourceFiles(existing(SOURCE_FOLDERS), CODE);

  it('keeps every source file under 400 lines (string tables aside)', () => {
    const long = files
      .filter((file) => !STRING_TABLES.test(file.path))
      .map((file) => ({ path: file.path, lines: file.text.split('\n').length }))
      .filter((file) => file.lines > MAX_LINES)
      .map((file) => `${file.path}: ${file.lines} lines`);
    expect(long).toEqual([]);
  });

  it('cites only files inside the repo', () => {
    const outside = /ARCHITECTURE\.md|STYLE\.md|composers\.md|shared\/reference/;
    const all = [...files, ...sourceFiles(['tests'], CODE)].filter(
      (file) => file.path !== 'tests/unit/conventions/source-hygiene.test.ts',
    );
    const citing = all.filter((file) => outside.test(file.text)).map((file) => file.path);
    expect(citing).toEqual([]);
  });

  it('never swallows a failure silently', () => {
    const silent = /\.catch\(\s*\(\)\s*=>\s*(undefined|\{\s*\}|null)\s*\)/;
    const swallowing = files.filter((file) => silent.test(file.text)).map((file) => file.path);
    expect(swallowing).toEqual([]);
  });
});
