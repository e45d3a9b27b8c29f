/**
 * Experiment: a span head (lib/guidelines/model/drafts-spans*.ts) for one category, measured leave one
 * writer out exactly as scripts/train-drafts.ts measures the draft and window heads, its ship-rule row
 * on the newest writers printed beside theirs (from a `--dump` of train-drafts.ts on the same corpus):
 *
 *   npx tsx scripts/train-drafts-spans.ts --corpus DIR --rules DIR --rules-cache FILE \
 *     --heads-dump FILE [--category personal-data] [--k 6,12,20] [--context 2] [--reach 8] \
 *     [--unplaced 0] [--neg-rate 0.3] [--span-pos 4] [--epochs 4] [--old-folds K] [--fresh-from 164]
 *
 * Each writer's words are scored by a tagger trained on the others' (features extracted once), each
 * draft scored as its best run of k words, each writer judged at a threshold chosen on the others'
 * out-of-fold draft scores (`--threshold`, default alone).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chooseThreshold, shipRow, type ThresholdPolicy } from '../lib/guidelines/model/drafts-lowo';
import { DRAFT_FEATURE_TABLES } from '../lib/guidelines/model/drafts-model';
import { decideShipping, type ShipDecision } from '../lib/guidelines/model/drafts-ship';
import { bestSpan, type SpanFeatureSpec } from '../lib/guidelines/model/drafts-spans';
import { tokenSet, trainTagger, wordScores } from '../lib/guidelines/model/drafts-spans-train';
import { DRAFT_HEAD_CATEGORIES, type DraftHeadCategory } from '../lib/guidelines/model/drafts-types';
import { normaliseText } from '../lib/guidelines/model/features';
import { quantise } from '../lib/guidelines/model/train';
import { CORPUS_DIR } from '../tests/corpus/evaluate-corpus';
import { loadWriterDrafts, todaysVerdicts } from './train-drafts-corpus';
import { arg, isFresh, MIN_PRECISION, MIN_WORDS, ROOT, SHIP_LIMITS, SHIP_RULE } from './train-drafts-options';

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
const spec: SpanFeatureSpec = {
  hashBits: Number(arg('bits', '16')),
  charMin: Number(arg('char-min', '3')),
  charMax: Number(arg('char-max', '4')),
  context: Number(arg('context', '2')),
  personReach: Number(arg('reach', '8')),
};
const training = {
  epochs: Number(arg('epochs', '4')),
  learningRate: Number(arg('lr', '0.1')),
  l2: Number(arg('l2', '0.000001')),
  seed: Number(arg('seed', '20261130')),
  positiveWeight: Number(arg('span-pos', '4')),
};
const unplaced = Number(arg('unplaced', '0'));
const negativeRate = Number(arg('neg-rate', '0.3'));
const keep = Number(arg('keep', '12000'));
const ks = arg('k', '6,12,20').split(',').map(Number);
const set = tokenSet(
  drafts.map((d, i) => ({
    text: d.text,
    labelled: labels[i] as boolean,
    excerpts: d.excerpts.filter((e) => e.category === category).map((e) => e.excerpt),
  })),
  spec,
  { unplaced, negativeRate, seed: training.seed },
);
process.stderr.write(
  `${set.label.length} words, ${set.feats.length} features, ${set.label.reduce((a, b) => a + b, 0)} inside excerpts; ${seconds()} s\n`,
);
/** `--seeds N`: the tagger the average of N runs over different shuffles (bagging). */
const SEEDS = Number(arg('seeds', '1'));
/** `--score logit`: a span's score the sigmoid of its words' mean logit rather than their mean probability. */
const LOGIT = arg('score', 'prob') === 'logit';
const bagged = (keepDraft: (d: number) => boolean) => {
  const runs = Array.from({ length: SEEDS }, (_, k) =>
    trainTagger(set, keepDraft, 2 ** spec.hashBits, { ...training, seed: training.seed + k }),
  );
  const weights = new Float64Array(2 ** spec.hashBits);
  for (const run of runs)
    for (let j = 0; j < weights.length; j += 1)
      weights[j] = (weights[j] as number) + (run.weights[j] as number) / SEEDS;
  return { bias: runs.reduce((a, r) => a + r.bias / SEEDS, 0), weights };
};
const OLD_FOLDS = Number(arg('old-folds', '0'));
const older = writers.filter((w) => !isFresh(w));
const foldOf = (writer: string): string =>
  OLD_FOLDS > 0 && !isFresh(writer) ? `older group ${older.indexOf(writer) % OLD_FOLDS}` : writer;
const short = drafts.map((d) => normaliseText(d.text, DRAFT_FEATURE_TABLES).length < MIN_WORDS);
const oof = ks.map(() => new Array<number>(drafts.length).fill(0));
for (const fold of [...new Set(writers.map(foldOf))]) {
  const model = quantise(
    bagged((d) => foldOf((drafts[d] as (typeof drafts)[number]).writer) !== fold),
    keep,
  );
  drafts.forEach((d, i) => {
    if (foldOf(d.writer) !== fold || short[i]) return;
    const scores = wordScores(set, i, model);
    if (LOGIT)
      for (let t = 0; t < scores.length; t += 1)
        scores[t] = Math.log((scores[t] as number) / (1 - (scores[t] as number)));
    ks.forEach((k, s) => {
      const best = bestSpan(scores, k).score;
      (oof[s] as number[])[i] = LOGIT ? 1 / (1 + Math.exp(-best)) : best;
    });
  });
  process.stderr.write(`left out ${fold}: ${seconds()} s\n`);
}
const dumpOut = arg('dump', '');
if (dumpOut) writeFileSync(dumpOut, JSON.stringify({ category, ks, oof }));

const THRESHOLD = arg('threshold', 'alone') as ThresholdPolicy;
const limits = { minPrecision: MIN_PRECISION, maxClean: SHIP_LIMITS.maxClean };
/** Each newest writer's verdicts at a threshold chosen on the others' out-of-fold scores. */
function freshRow(scores: readonly number[]) {
  const says = new Array<boolean>(drafts.length).fill(false);
  const pick = (among: (i: number) => boolean) => {
    const idx = drafts.flatMap((_, i) => (among(i) ? [i] : []));
    return Math.min(
      0.999,
      chooseThreshold(
        THRESHOLD,
        {
          scores: idx.map((i) => scores[i] as number),
          labels: idx.map((i) => labels[i] as boolean),
          rules: idx.map((i) => ruleFound[i] as boolean),
          clean: idx.map((i) => clean[i] as boolean),
        },
        limits,
      ),
    );
  };
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
  `${category}, newest writers, threshold ${THRESHOLD}: spec ${JSON.stringify(spec)}, ${JSON.stringify(training)}, unplaced ${unplaced}, negatives ${negativeRate}, keep ${keep}, old folds ${OLD_FOLDS || 'none'}, seeds ${SEEDS}, score ${LOGIT ? 'logit' : 'prob'}`,
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
