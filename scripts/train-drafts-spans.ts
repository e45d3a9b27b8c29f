/**
 * Experiment: a span head (lib/guidelines/model/drafts-spans*.ts) for one category, measured leave one
 * writer out exactly as scripts/train-drafts.ts measures the draft and window heads, its ship-rule row
 * on the newest writers printed beside theirs (from a `--dump` of train-drafts.ts on the same corpus):
 *
 *   npx tsx scripts/train-drafts-spans.ts --corpus DIR --rules DIR --rules-cache FILE \
 *     --heads-dump FILE [--category personal-data] [--k 6,12,20] [--context 2] [--reach 8] [--bits 16] \
 *     [--unplaced 0] [--neg-rate 0.3] [--pos 2] [--epochs 8] [--seeds 3] [--seed N] [--keep 12000] \
 *     [--old-folds K] [--fresh-from 164] [--dump FILE]
 *
 * Each writer's words are scored by a tagger trained on the others' (features extracted once), each
 * draft scored as its best run of k words, each writer judged at a threshold chosen on the others'
 * out-of-fold draft scores (`--threshold`, default alone).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { shipRow, type ThresholdPolicy } from '../lib/guidelines/model/drafts-lowo';
import { DRAFT_FEATURE_TABLES } from '../lib/guidelines/model/drafts-model';
import { decideShipping, type ShipDecision } from '../lib/guidelines/model/drafts-ship';
import { DRAFT_HEAD_CATEGORIES, type DraftHeadCategory } from '../lib/guidelines/model/drafts-types';
import { normaliseText } from '../lib/guidelines/model/features';
import { CORPUS_DIR } from '../tests/corpus/evaluate-corpus';
import { loadWriterDrafts, todaysVerdicts } from './train-drafts-corpus';
import {
  arg,
  isFresh,
  MIN_PRECISION,
  MIN_WORDS,
  ROOT,
  SHIP_LIMITS,
  SHIP_RULE,
  SPAN_TRAIN,
} from './train-drafts-options';
import { type SpanTraining, spanOof, spanTokens } from './train-drafts-spans-lowo';
import { thresholdAmong } from './train-drafts-verdicts';

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(0);
const category = arg('category', 'personal-data') as DraftHeadCategory;
const categories = DRAFT_HEAD_CATEGORIES;
const h = categories.indexOf(category);
if (h < 0) throw new Error(`--category: one of ${categories.join(', ')}`);
const drafts = loadWriterDrafts(resolve(arg('corpus', CORPUS_DIR)));
const writers = [...new Set(drafts.map((d) => d.writer))];
const labels = drafts.map((d) => d.expected_categories.includes(category));
const clean = drafts.map((d) => d.expected_categories.length === 0);
const ruleFound = todaysVerdicts(drafts, categories, {
  abuseFile: join(ROOT, 'library/src/models/abuse.json'),
  rulesDir: resolve(arg('rules', join(ROOT, 'library/src/guidelines'))),
  cache: arg('rules-cache', ''),
}).map((r) => r[h] as boolean);
// Defaults: the settings the trainer's --spans uses (train-drafts-options.ts, SPAN_TRAIN).
const training: SpanTraining = {
  ...SPAN_TRAIN,
  spec: {
    ...SPAN_TRAIN.spec,
    hashBits: Number(arg('bits', String(SPAN_TRAIN.spec.hashBits))),
    context: Number(arg('context', String(SPAN_TRAIN.spec.context))),
    personReach: Number(arg('reach', String(SPAN_TRAIN.spec.personReach))),
  },
  epochs: Number(arg('epochs', String(SPAN_TRAIN.epochs))),
  l2: Number(arg('l2', String(SPAN_TRAIN.l2))),
  seed: Number(arg('seed', String(SPAN_TRAIN.seed))),
  positiveWeight: Number(arg('pos', String(SPAN_TRAIN.positiveWeight))),
  seeds: Number(arg('seeds', String(SPAN_TRAIN.seeds))),
  keep: Number(arg('keep', String(SPAN_TRAIN.keep))),
  unplaced: Number(arg('unplaced', String(SPAN_TRAIN.unplaced))),
  negativeRate: Number(arg('neg-rate', String(SPAN_TRAIN.negativeRate))),
};
const ks = arg('k', '6,12,20').split(',').map(Number);
const set = spanTokens(drafts, category, labels, training);
process.stderr.write(
  `${set.label.length} words, ${set.feats.length} features, ${set.label.reduce((a, b) => a + b, 0)} inside excerpts; ${seconds()} s\n`,
);
const OLD_FOLDS = Number(arg('old-folds', '0'));
const older = writers.filter((w) => !isFresh(w));
const foldOf = (writer: string): string =>
  OLD_FOLDS > 0 && !isFresh(writer) ? `older group ${older.indexOf(writer) % OLD_FOLDS}` : writer;
const oof = spanOof(set, drafts, foldOf, ks, training, category);
drafts.forEach((d, i) => {
  if (normaliseText(d.text, DRAFT_FEATURE_TABLES).length >= MIN_WORDS) return;
  for (const column of oof) column[i] = 0;
});
const dumpOut = arg('dump', '');
if (dumpOut) writeFileSync(dumpOut, JSON.stringify({ category, ks, oof }));

const THRESHOLD = arg('threshold', 'alone') as ThresholdPolicy;
const limits = { minPrecision: MIN_PRECISION, maxClean: SHIP_LIMITS.maxClean };
const columns = {
  writers: drafts.map((d) => d.writer),
  labels: labels.map((y) => [y]),
  ruleFound: ruleFound.map((r) => [r]),
  clean,
};
/** Each newest writer's verdicts at a threshold chosen on the others' out-of-fold scores. */
function freshRow(scores: readonly number[]) {
  const says = new Array<boolean>(drafts.length).fill(false);
  const pick = (among: (i: number) => boolean) =>
    Math.min(0.999, thresholdAmong(scores, 0, among, columns, THRESHOLD, limits));
  for (const writer of writers.filter(isFresh)) {
    const t = pick((i) => drafts[i]?.writer !== writer);
    drafts.forEach((d, i) => {
      if (d.writer === writer) says[i] = (scores[i] as number) >= t;
    });
  }
  const idx = drafts.flatMap((d, i) => (isFresh(d.writer) ? [i] : []));
  const threshold = pick(() => true);
  const row = shipRow(category, idx, { labels, rules: ruleFound, head: says, clean }, threshold < 0.999);
  const cleanTotal = idx.filter((i) => clean[i]).length;
  const decision = decideShipping([row], SHIP_RULE, { ...SHIP_LIMITS, cleanTotal })
    .decisions[0] as ShipDecision;
  return { row, decision, threshold, cleanTotal };
}
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
const line = (name: string, scores: readonly number[]) => {
  const { row, decision: d, threshold, cleanTotal } = freshRow(scores);
  const tp = row.rulesTp + row.addedTp;
  return `  ${name.padEnd(10)}${pct(d.gain)}   ${pct(d.addedPrecision)} (${row.addedTp}/${row.addedTp + row.addedFp})   ${String(d.cleanFlagged).padStart(4)} ${pct(d.cleanFlagged / cleanTotal)}   R ${pct(tp / Math.max(1, row.positives))}   t ${threshold.toFixed(3)}   ${d.ship ? 'passes' : `fails ${d.failed.join(',')}`}`;
};
console.log(
  `${category}, newest writers, threshold ${THRESHOLD}: ${JSON.stringify(training)}, old folds ${OLD_FOLDS || 'none'}`,
);
console.log('  head        gain   added P (tp/all)    clean flagged   rules+head R   threshold');
const headsDump = arg('heads-dump', '');
if (headsDump) {
  const dump = JSON.parse(readFileSync(headsDump, 'utf8')) as {
    writers: string[];
    labels: boolean[][];
    ruleFound: boolean[][];
    oof: number[][];
    windowOof?: number[][];
  };
  const same =
    dump.writers.length === drafts.length &&
    dump.writers.every((w, i) => w === drafts[i]?.writer && dump.labels[i]?.[h] === labels[i]) &&
    dump.ruleFound.every((r, i) => r[h] === ruleFound[i]);
  if (!same) throw new Error(`--heads-dump ${headsDump}: another corpus or other rules`);
  console.log(line('draft', dump.oof[h] as number[]));
  if (dump.windowOof) console.log(line('window', dump.windowOof[h] as number[]));
}
ks.forEach((k, s) => {
  console.log(line(`span ${k}`, oof[s] as number[]));
});
console.log(`${seconds()} s`);
