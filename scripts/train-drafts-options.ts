/**
 * The options of scripts/train-drafts.ts (`npm run train:drafts -- --name value`), read once from the
 * command line: features, training, thresholds, the ship rule and which writers are the newest.
 */
import { join, resolve } from 'node:path';
import { findRepoRoot } from '../lib/cli/rule-sources';
import { DEFAULT_SHIP_LIMITS, SHIP_RULES, type ShipRule } from '../lib/guidelines/model/drafts-ship';
import type { DraftsTrainOptions } from '../lib/guidelines/model/drafts-train';
import { DRAFT_HEAD_CATEGORIES, type DraftsFeatureSpec } from '../lib/guidelines/model/drafts-types';
import { STRUCTURE_NAMES } from '../lib/guidelines/model/structure';
import { firstBatch } from './train-drafts-corpus';
import { parseSpans, type SpanTraining } from './train-drafts-spans-lowo';
import { parseWindowSpec } from './train-drafts-windows';

export const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
};
export const ROOT = findRepoRoot();
export const OUT = resolve(arg('out', join(ROOT, 'library/src/models/drafts.json')));
export const SEED = 20_261_130;
// `--structure all` adds every extractor, `--structure a@1,b@1` those; none is what LOWO preferred.
export const structureArg = arg('structure', 'none');
export const STRUCTURE =
  structureArg === 'none' ? [] : structureArg === 'all' ? [...STRUCTURE_NAMES] : structureArg.split(',');
const STEMS = process.argv.includes('--stems');
// Window sums are differences of running totals over words, which stems and structural features
// (read over the whole draft) have no part in: with either, draft heads only.
export const WINDOWS = arg('windows', STEMS || STRUCTURE.length > 0 ? 'none' : 'sentence:3');
if (WINDOWS !== 'none' && (STEMS || STRUCTURE.length > 0))
  throw new Error('--windows: window heads take neither --stems nor --structure (use --windows none)');
export const FEATURES: DraftsFeatureSpec = {
  hash: 'fnv1a-32',
  hashBits: Number(arg('bits', '15')),
  charMin: Number(arg('char-min', '3')),
  // 3–4: as much recall on the newest writers as 3–5, fewer clean drafts warned (docs/guidelines.md).
  charMax: Number(arg('char-max', '4')),
  ...(STRUCTURE.length > 0 ? { structure: STRUCTURE } : {}),
  // `--stems`: each word's stem (the engine's stemmer) as one more feature.
  ...(STEMS ? { stems: true } : {}),
  // `--windows CUT:SPAN` (train-drafts-windows.ts): window heads too, each category taking the better;
  // `--windows none`: draft heads only. Three sentences, chosen on the writers of batches 139-163
  // (docs/guidelines.md): the most recall there of 1-4 sentences and of lines, within every limit.
  ...(WINDOWS === 'none' ? {} : { window: parseWindowSpec(WINDOWS) }),
};
/**
 * Weight of a window of a draft labelled c that overlaps none of c's excerpts: 0 (left out) rather
 * than 0.3, which gave less recall on the writers of batches 139-163.
 */
export const UNPLACED = Number(arg('window-unplaced', '0'));
export const TRAIN: DraftsTrainOptions = {
  epochs: Number(arg('epochs', '20')),
  learningRate: Number(arg('lr', '0.1')),
  l2: Number(arg('l2', '0.0001')),
  seed: SEED,
  positiveWeight: Number(arg('pos', '4')), // 4 rather than 2: more recall on the newest writers
  nbAlpha: Number(arg('nb-alpha', '0')),
};
/** Non-zero weights kept per head (library size: ≤ 150 KB gzipped for the file). */
export const KEEP = Number(arg('keep', '6000'));
export const MIN_PRECISION = Number(arg('min-precision', '0.7'));
/** `--seeds N`: each head the average of N heads trained with seeds SEED … SEED+N−1 (bagging). */
export const SEEDS = Number(arg('seeds', '1'));
/** `--stack`: the categories the rules report on a draft as extra features (judged on fresh writers only). */
export const STACK = process.argv.includes('--stack');
export const SHIP_RULE = arg('ship-rule', 'recall') as ShipRule;
if (!SHIP_RULES.includes(SHIP_RULE)) throw new Error(`--ship-rule: one of ${SHIP_RULES.join(', ')}`);
export const SHIP_LIMITS = {
  maxClean: Number(arg('max-clean', String(DEFAULT_SHIP_LIMITS.maxClean))),
  minGain: Number(arg('min-gain', String(DEFAULT_SHIP_LIMITS.minGain))),
  minAddedPrecision: Number(arg('min-added-precision', String(DEFAULT_SHIP_LIMITS.minAddedPrecision))),
  maxCleanAll: Number(arg('max-clean-all', String(DEFAULT_SHIP_LIMITS.maxCleanAll))),
};
/** Shorter texts are not scored (drafts-types.ts, minWords): their score rests on the bias. */
export const MIN_WORDS = Number(arg('min-words', '12'));

/**
 * The newer writers: honest for the rules only while their authors have not read those batches. From 264:
 * the twenty writers of batches 264-363, whom no rule author has read, on whom the shipped heads were chosen
 * (the settings of the span head were fixed on the writers of 164-263 before).
 */
export const FRESH_FROM = Number(arg('fresh-from', '264'));
export const isFresh = (writer: string): boolean => firstBatch(writer) >= FRESH_FROM;
/**
 * Window heads: trained as the draft heads, positives weighted `--window-pos` (default `--pos`, 4: with
 * three-sentence windows 2 and 8 left no window head passing on the writers of batches 139-163).
 */
export const WINDOW_TRAIN: DraftsTrainOptions = {
  ...TRAIN,
  positiveWeight: Number(arg('window-pos', String(TRAIN.positiveWeight))),
};
/**
 * Span heads (train-drafts-spans-lowo.ts): `--spans CATEGORY:K[,…]` or `none`. Personal data by its
 * best run of six words, chosen on the writers of batches 164-263 (docs/guidelines.md): its added
 * findings there were right 38-43 % of the time across shuffles at k = 6, less at 4, 8, 12 and 20.
 */
export const SPANS = parseSpans(arg('spans', 'personal-data:6'), DRAFT_HEAD_CATEGORIES);
/**
 * How span heads are trained, chosen on the same writers: 2^16 buckets, neighbours ±2, person and
 * child cues within 8 words, 8 epochs, positives weighted 2 (4 and 1 gave less), the average of 3
 * shuffles, 12,000 weights kept, a third of the negative words (all of them gave no better).
 */
export const SPAN_TRAIN: SpanTraining = {
  spec: {
    hashBits: Number(arg('span-bits', '16')),
    charMin: FEATURES.charMin,
    charMax: FEATURES.charMax,
    context: Number(arg('span-context', '2')),
    personReach: Number(arg('span-reach', '8')),
  },
  epochs: Number(arg('span-epochs', '8')),
  learningRate: TRAIN.learningRate,
  l2: Number(arg('span-l2', '0.000001')),
  seed: SEED,
  positiveWeight: Number(arg('span-pos', '2')),
  seeds: Number(arg('span-seeds', '3')),
  keep: Number(arg('span-keep', '12000')),
  unplaced: Number(arg('span-unplaced', '0')),
  negativeRate: Number(arg('span-neg-rate', '0.3')),
};
