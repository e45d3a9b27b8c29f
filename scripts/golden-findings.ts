/**
 * Golden findings: every corpus draft (tests/corpus/*.jsonl, tests/corpus/tuning/*.jsonl,
 * tests/corpus/independent/*.jsonl) and, with SP_ABUSE_DATA set, every tweet of the data set's
 * train.csv, checked the way the sidebar checks them (rules + model + the regex prefilter built from
 * the background's literal table) and the way `check` does
 * (rules + model + colloquial dictionary + batch prefilter + word pass). Writes one line per text and
 * way, so a change to the engine can be shown to leave findings byte-identical:
 *
 *   npx tsx scripts/golden-findings.ts --library /tmp/lib.json --max-batch 88 --out /tmp/before.jsonl
 *   (change the engine)
 *   npx tsx scripts/golden-findings.ts --library /tmp/lib.json --max-batch 88 --compare /tmp/before.jsonl
 *
 * `--library` defaults to public/library/kalbar.json; pin a copy so that a library rebuilt in the
 * meantime does not count as a difference. Results are matched by source, id and the text's hash:
 * drafts added or edited since the first run are counted apart, not as differences.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileForCheck } from '../lib/cli/batch';
import { checkText, compileRules } from '../lib/guidelines/engine';
import { modelCheckers } from '../lib/guidelines/model/checker';
import { parseTrainingCsv } from '../lib/guidelines/model/dataset';
import { known, literalsTable, prefilterFrom } from '../lib/guidelines/prefilter';
import type { CheckContext } from '../lib/guidelines/types';
import type { PlatformId } from '../lib/platforms/types';

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

interface Text {
  source: string;
  id: string;
  text: string;
  platform: PlatformId;
}

/**
 * `--max-batch N` leaves out tuning batches above N: batches kept unread for an honest
 * generalisation figure are only ever checked by their own evaluation, not here.
 */
const maxBatch = Number(arg('max-batch') ?? Number.POSITIVE_INFINITY);
const batchNumber = (name: string) => Number(/^batch-(\d+)\.jsonl$/.exec(name)?.[1] ?? 0);

function corpusTexts(): Text[] {
  const texts: Text[] = [];
  for (const dir of ['tests/corpus', 'tests/corpus/tuning', 'tests/corpus/independent']) {
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith('.jsonl') && batchNumber(n) <= maxBatch)
      .sort()) {
      const lines = readFileSync(join(dir, name), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (!line.trim()) return;
        const row = JSON.parse(line) as { id?: string; text: string; platform?: PlatformId };
        texts.push({
          source: `${dir}/${name}`,
          id: row.id ?? String(i + 1),
          text: row.text,
          platform: row.platform ?? 'facebook',
        });
      });
    }
  }
  const data = process.env.SP_ABUSE_DATA;
  if (data) {
    parseTrainingCsv(readFileSync(join(data, 'train.csv'), 'utf8')).forEach((row, i) => {
      texts.push({ source: 'train.csv', id: String(i + 1), text: row.text, platform: 'facebook' });
    });
  }
  return texts;
}

const library = JSON.parse(readFileSync(arg('library') ?? 'public/library/kalbar.json', 'utf8'));
// As the sidebar compiles (its regex prefilter from the background's literal table) and as `check`
// does. No time budget: on a loaded machine a rule disabled for overrunning it would count as a
// difference the engine did not make.
const unbounded = { budgetMs: Number.POSITIVE_INFINITY };
const table = literalsTable(library.guidelines);
const page = compileRules(library.guidelines, {
  ...unbounded,
  checkers: modelCheckers(library.models),
  prefilter: (compiled) => prefilterFrom(compiled, known(table)),
  lazyRegexes: true,
});
const batch = compileForCheck({ rules: library.guidelines, models: library.models }, unbounded);
const base = { lang: 'id' as const, agencies: library.agencies, allowlists: library.allowlists };

const out: string[] = [];
for (const t of corpusTexts()) {
  const ctx: CheckContext = {
    ...base,
    platform: t.platform,
    field: t.platform === 'youtube' ? 'description' : 'caption',
  };
  for (const [way, compiled] of [
    ['page', page],
    ['batch', batch],
  ] as const) {
    const hash = createHash('sha256').update(t.text).digest('hex').slice(0, 16);
    out.push(JSON.stringify({ source: t.source, id: t.id, hash, way, ...checkText(compiled, t.text, ctx) }));
  }
}

const compare = arg('compare');
if (compare) {
  const keyOf = (line: string) => {
    const { source, id, hash, way } = JSON.parse(line) as Record<string, string>;
    return `${source}\u0000${id}\u0000${hash}\u0000${way}`;
  };
  const before = new Map(
    readFileSync(compare, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [keyOf(line), line] as const),
  );
  let same = 0;
  let unmatched = 0;
  const differ: string[] = [];
  for (const line of out) {
    const old = before.get(keyOf(line));
    if (old === undefined) unmatched++;
    else if (old === line) same++;
    else differ.push(line.slice(0, 200));
  }
  console.log(
    `${same} of ${same + differ.length} results identical (page and batch, ${(same + differ.length) / 2} texts); ` +
      `${unmatched} results for texts added or edited since the first run not compared`,
  );
  for (const line of differ.slice(0, 10)) console.log(`  differs: ${line}`);
  process.exitCode = differ.length === 0 ? 0 : 1;
} else {
  const path = arg('out') ?? 'golden-findings.jsonl';
  writeFileSync(path, `${out.join('\n')}\n`);
  console.log(`${out.length} results (${out.length / 2} texts × page and batch) written to ${path}`);
}
