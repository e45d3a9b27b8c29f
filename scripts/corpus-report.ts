/**
 * `npm run corpus [-- --verbose] [--part held-in,tuning,held-out] [--rules-only] [--batches 1-73,80]`: precision and
 * recall per category of the default rule set (library/src/guidelines/*.yaml) together with the abuse
 * model and the draft classifier (library/src/models/*.json), as admins get them, on three parts:
 * - held-in (tests/corpus/*.jsonl): written with the rules in view;
 * - tuning (tests/corpus/tuning/*.jsonl): written apart from the rules; rule authors may read it and
 *   tune on it, so it shows what tuning buys;
 * - held-out (tests/corpus/independent/*.jsonl): written apart from the rules and never read while
 *   tuning, so it measures generalisation. Its draft ids are never printed.
 * Scoring is per draft: a category counts as found when any finding of that category is reported.
 * Targets: recall >= 95% per category, no error on a clean draft. `--rules-only` leaves the model out;
 * `--batches` reads only those tuning batches (tests/corpus/tuning/batch-N.jsonl), so that a rule author
 * can leave the newest writer's batches unread and measure on them later.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findRepoRoot, loadRuleSources } from '@/lib/cli/rule-sources';
import type { ExtraChecker } from '@/lib/guidelines';
import { modelCheckers } from '@/lib/guidelines/model/checker';
import type { DraftsModelFile } from '@/lib/guidelines/model/drafts-types';
import type { AbuseModelFile } from '@/lib/guidelines/model/types';
import {
  CORPUS_DIR,
  type CorpusDraft,
  evaluateCorpus,
  loadCorpus,
  loadIndependentCorpus,
} from '@/tests/corpus/evaluate-corpus';

const USAGE =
  'usage: npm run corpus [-- --verbose] [--part held-in,tuning,held-out] [--rules-only] [--batches 1-73,80]';
// Strict: an unknown option (or a misspelt one) must not fall through to the default parts, which
// would read the held-out corpus for someone who only asked how to use the script.
let args: ReturnType<typeof readArgs>;
function readArgs() {
  return parseArgs({
    options: {
      verbose: { type: 'boolean' },
      part: { type: 'string' },
      'rules-only': { type: 'boolean' },
      batches: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }).values;
}
try {
  args = readArgs();
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.error(USAGE);
  process.exit(0);
}
const verbose = args.verbose === true;
const parts = new Set(args.part ? args.part.split(',') : ['held-in', 'tuning', 'held-out']);
const batchesArg = args.batches;
/** "1-73,80" → a test on tuning file names; without --batches every batch is read. */
function batchFilter(spec: string | undefined): (name: string) => boolean {
  if (spec === undefined) return () => true;
  const ranges = spec.split(',').map((part) => {
    const [from, to = from] = part.split('-').map(Number);
    if (!Number.isInteger(from) || !Number.isInteger(to))
      throw new Error(`--batches: cannot read "${part}" (e.g. 1-73,80)`);
    return [from, to] as const;
  });
  return (name) => {
    const n = Number(/^batch-(\d+)\.jsonl$/.exec(name)?.[1]);
    return ranges.some(([from, to]) => n >= from! && n <= to!);
  };
}
const rules = loadRuleSources();
const modelFile = (name: string): unknown => {
  const path = join(findRepoRoot(), 'library', 'src', 'models', name);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
};
const checkers: readonly ExtraChecker[] = args['rules-only']
  ? []
  : modelCheckers({
      abuse: modelFile('abuse.json') as AbuseModelFile | undefined,
      drafts: modelFile('drafts.json') as DraftsModelFile | undefined,
    });
if (checkers.length > 0 && modelFile('drafts.json') !== undefined)
  console.log(
    'The draft classifier was trained on the held-in and tuning parts: its share of those figures is in-sample (`npm run train:drafts` prints it leave-one-writer-out).',
  );
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function print(title: string, drafts: CorpusDraft[], showIds: boolean): boolean {
  const report = evaluateCorpus(rules, drafts, checkers);
  console.log(`\n== ${title}: ${report.drafts} drafts (${report.clean} clean)\n`);
  console.log('category            expected  found  recall  false+  precision');
  let below = 0;
  let tp = 0;
  let fn = 0;
  let fp = 0;
  for (const r of report.recall) {
    if (r.expected === 0 && r.falsePositives === 0) continue;
    const flag = r.expected > 0 && r.recall < 0.95 ? '  < 95%' : '';
    if (flag) below += 1;
    tp += r.found;
    fn += r.expected - r.found;
    fp += r.falsePositives;
    console.log(
      `${r.category.padEnd(20)}${String(r.expected).padStart(8)}${String(r.found).padStart(7)}  ${(r.expected ? pct(r.recall) : '-').padStart(6)}${String(r.falsePositives).padStart(8)}  ${pct(r.precision).padStart(9)}${flag}`,
    );
    if (showIds && r.missed.length > 0) console.log(`    missed: ${r.missed.join(', ')}`);
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  console.log(`\nOverall (draft × category): recall ${pct(recall)}, precision ${pct(precision)}`);
  console.log(`Clean drafts with an error finding:  ${report.cleanWithError}/${report.clean}`);
  console.log(`Clean drafts with a warning finding: ${report.cleanWithWarning}/${report.clean}`);
  if (showIds) for (const line of report.cleanFindings) console.log(`  clean: ${line}`);
  const met = below === 0 && report.cleanWithError === 0;
  console.log(`Targets (recall >= 95% per category, no error on clean drafts): ${met ? 'met' : 'NOT met'}`);
  return met;
}

const heldIn = parts.has('held-in')
  ? print('Held-in corpus (tests/corpus/*.jsonl)', loadCorpus(), verbose)
  : true;
const tuning = loadIndependentCorpus(join(CORPUS_DIR, 'tuning'), batchFilter(batchesArg));
if (parts.has('tuning') && tuning.files.length > 0) {
  print(`Tuning corpus (tests/corpus/tuning/: ${tuning.files.join(', ')})`, tuning.drafts, verbose);
}
// Read only when asked for: a run for tuning never opens the held-out files.
const independent = parts.has('held-out')
  ? loadIndependentCorpus(join(CORPUS_DIR, 'independent'))
  : { files: [], drafts: [] };
if (!parts.has('held-out')) {
  // Left out on request: rule authors tuning rules do not look at the held-out figures.
} else if (independent.files.length === 0) {
  console.log('\n(no held-out corpus in tests/corpus/independent/: skipped)');
} else {
  // Draft ids of the held-out corpus are not printed: reading its misses would be tuning on it.
  print(
    `Held-out corpus (tests/corpus/independent/: ${independent.files.join(', ')})`,
    independent.drafts,
    false,
  );
}
process.exitCode = heldIn ? 0 : 1;
