import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDraftsModel } from '@/lib/guidelines/model/drafts-schema';
import { BuildError, buildBundleFromSources, readSourceDir } from '@/lib/library/build-bundle';
import { LibraryBundleSchema } from '@/lib/library/schema';
import { makeBundle } from '../library/fixtures';
import { tamperedDraftsFile, tinyDraftsFile } from './model-drafts-fixtures';

/** Builds and loads the whole library: sized for a loaded 2-core machine. */
const SLOW = { timeout: 60_000 };
const ROOT = join(import.meta.dirname, '../../..');

describe('the draft classifier in the library bundle', () => {
  it('is optional, and checked with the bundle when present', () => {
    const bundle = makeBundle();
    expect(LibraryBundleSchema.safeParse({ ...bundle, models: { drafts: tinyDraftsFile() } }).success).toBe(
      true,
    );
    const broken = LibraryBundleSchema.safeParse({ ...bundle, models: { drafts: tamperedDraftsFile() } });
    expect(broken.success).toBe(false);
    expect(broken.error?.issues[0]?.path).toEqual(['models', 'drafts', 'checksum']);
    expect(broken.error?.issues[0]?.message).toMatch(/checksum mismatch/);
  });

  it('library build reads SRC/models/drafts.json and refuses a damaged one by its path', SLOW, async () => {
    // The library's sources without its rules: the rules' audit is not what is tested here.
    const all = await readSourceDir(join(ROOT, 'library/src'));
    const files = Object.fromEntries(Object.entries(all).filter(([path]) => !path.startsWith('guidelines/')));
    const now = new Date('2026-11-30T00:00:00Z');
    const withTiny = { ...files, 'models/drafts.json': JSON.stringify(tinyDraftsFile()) };
    expect(buildBundleFromSources(withTiny, { now }).bundle.models?.drafts?.id).toBe('tiny-drafts');
    expect(() =>
      buildBundleFromSources(
        { ...files, 'models/drafts.json': JSON.stringify(tamperedDraftsFile()) },
        { now },
      ),
    ).toThrow(/^models\.drafts\.checksum: checksum mismatch/);
    expect(() => buildBundleFromSources({ ...files, 'models/drafts.json': '{' }, { now })).toThrow(
      BuildError,
    );
    if (existsSync(join(ROOT, 'library/src/models/drafts.json'))) {
      const shipped = buildBundleFromSources(files, { now }).bundle.models;
      expect(() => loadDraftsModel(shipped?.drafts)).not.toThrow();
      expect(shipped?.abuse?.id).toBe('abuse-id-twitter-ibrohim-budi-2019');
    }
  });
});
