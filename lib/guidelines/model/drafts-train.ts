/**
 * Training pieces for the draft classifier (used by scripts/train-drafts.ts and its tests; pure and
 * seeded, so one corpus gives one model byte for byte): every head is a logistic regression over the
 * same hashed features, trained together by AdaGrad SGD with L2 in one pass over the drafts.
 */
import { draftsChecksum } from './checksum';
import { encodeWeights } from './codec';
import { DRAFT_FEATURE_TABLES } from './drafts-model';
import { visitStems } from './drafts-stems';
import {
  DRAFTS_MODEL_FORMAT,
  DRAFTS_MODEL_FORMAT_SPANS,
  DRAFTS_MODEL_FORMAT_STEMS,
  DRAFTS_MODEL_FORMAT_WINDOWS,
  type DraftHeadCategory,
  type DraftsFeatureSpec,
  type DraftsHeadFile,
  type DraftsModelFile,
  type DraftsSpanSpec,
} from './drafts-types';
import { extractFeatures, type NormalWord, normaliseText, visitFeatures } from './features';
import { structureValues } from './structure';
import {
  type LinearModel,
  nbRatios,
  type QuantisedModel,
  quantise,
  type SparseRow,
  seededRandom,
  shuffled,
} from './train';

export interface DraftsTrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Weight of a positive example relative to a negative one (each category is a minority). */
  positiveWeight: number;
  /**
   * When above 0, each head's features are scaled by their Naive-Bayes log-count ratios with this
   * smoothing (train.ts, nbRatios) and the ratios folded back into the weights, as the abuse model does.
   */
  nbAlpha?: number;
}

/**
 * A draft as the scorer sees it: whole, no slang table. Structural feature k (structure.ts) is the
 * extra column 2^hashBits + k, with its value unscaled: train with `featureColumns(features)` columns.
 */
export function draftRow(text: string, features: DraftsFeatureSpec): SparseRow {
  const { words, buckets, values } = features.stems
    ? withStems(text, features)
    : extractFeatures(text, DRAFT_FEATURE_TABLES, features);
  const names = features.structure ?? [];
  if (names.length === 0) return { buckets, values };
  const size = 2 ** features.hashBits;
  structureValues({ text, words }, names).forEach((value, k) => {
    if (value === 0) return;
    buckets.push(size + k);
    values.push(value);
  });
  return { buckets, values };
}

/** features.ts's features of a draft and each word's stem feature, all scaled by 1/√n. */
function withStems(text: string, features: DraftsFeatureSpec) {
  const words = normaliseText(text, DRAFT_FEATURE_TABLES);
  return { words, ...scaledRow(words, features, true) };
}

/**
 * The features of `words` as the scorer sums them (with each word's stem feature when `stems`), every
 * value scaled by 1/√n, n the features' total weight: a whole draft's row, or a window's.
 */
export function scaledRow(
  words: readonly NormalWord[],
  features: DraftsFeatureSpec,
  stems: boolean,
): SparseRow {
  const buckets: number[] = [];
  const values: number[] = [];
  let count = 0;
  visitFeatures(words, DRAFT_FEATURE_TABLES.lexicon, features, (bucket, _, half) => {
    buckets.push(bucket);
    values.push(half ? 0.5 : 1);
    count += half ? 0.5 : 1;
  });
  if (stems)
    visitStems(words, features.hashBits, (bucket) => {
      buckets.push(bucket);
      values.push(1);
      count += 1;
    });
  const unit = count > 0 ? 1 / Math.sqrt(count) : 0;
  for (let k = 0; k < values.length; k += 1) values[k] = (values[k] as number) * unit;
  return { buckets, values };
}

/** Hash buckets and structural features: the column count the trainer works with. */
export const featureColumns = (features: DraftsFeatureSpec): number =>
  2 ** features.hashBits + (features.structure?.length ?? 0);

/**
 * One logistic head per label column, trained in one shuffled pass per epoch. `labels[i][h]`;
 * `rowWeights[i][h]` (when given) scales row i's loss for head h: 0 leaves the row out of that head
 * (window rows of a draft labelled with the category whose place lies elsewhere).
 */
export function trainHeads(
  rows: readonly SparseRow[],
  labels: ReadonlyArray<readonly boolean[]>,
  heads: number,
  size: number,
  options: DraftsTrainOptions,
  rowWeights?: ReadonlyArray<ArrayLike<number>>,
): LinearModel[] {
  const weights = new Float64Array(size * heads);
  const squares = new Float64Array(size * heads).fill(1e-8);
  const bias = new Float64Array(heads);
  const biasSquares = new Float64Array(heads).fill(1e-8);
  const z = new Float64Array(heads);
  const g = new Float64Array(heads);
  const scales = new Float64Array(size * heads).fill(1);
  if (options.nbAlpha && options.nbAlpha > 0)
    for (let h = 0; h < heads; h += 1) {
      const ratios = nbRatios(
        rows,
        labels.map((l) => l[h] === true),
        size,
        options.nbAlpha,
      );
      for (let j = 0; j < size; j += 1) scales[j * heads + h] = ratios[j] as number;
    }
  const random = seededRandom(options.seed);
  const order = rows.map((_, i) => i);
  // Without NB scaling every scale is 1: the same arithmetic (x · 1 is x) without reading them.
  const scaled = options.nbAlpha !== undefined && options.nbAlpha > 0;
  // Every row once as typed arrays (offsets into one array of weight offsets and one of values): the
  // same numbers in the same order, read without boxing on every epoch.
  const starts = new Int32Array(rows.length + 1);
  rows.forEach((row, i) => {
    starts[i + 1] = (starts[i] as number) + row.buckets.length;
  });
  const bases = new Int32Array(starts[rows.length] as number);
  const vals = new Float64Array(bases.length);
  rows.forEach((row, i) => {
    const at = starts[i] as number;
    for (let k = 0; k < row.buckets.length; k += 1) {
      bases[at + k] = (row.buckets[k] as number) * heads;
      vals[at + k] = row.values[k] as number;
    }
  });
  const { learningRate, l2, positiveWeight } = options;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const i of shuffled(order, random)) {
      const y = labels[i] as readonly boolean[];
      const rowWeight = rowWeights?.[i];
      const from = starts[i] as number;
      const to = starts[i + 1] as number;
      z.set(bias);
      for (let k = from; k < to; k += 1) {
        const base = bases[k] as number;
        const v = vals[k] as number;
        if (scaled)
          for (let h = 0; h < heads; h += 1)
            z[h] = (z[h] as number) + (weights[base + h] as number) * v * (scales[base + h] as number);
        else for (let h = 0; h < heads; h += 1) z[h] = (z[h] as number) + (weights[base + h] as number) * v;
      }
      for (let h = 0; h < heads; h += 1) {
        const p = 1 / (1 + Math.exp(-(z[h] as number)));
        g[h] = y[h] ? (p - 1) * positiveWeight : p;
        if (rowWeight) g[h] = (g[h] as number) * (rowWeight[h] as number);
        biasSquares[h] = (biasSquares[h] as number) + (g[h] as number) ** 2;
        bias[h] =
          (bias[h] as number) - (learningRate * (g[h] as number)) / Math.sqrt(biasSquares[h] as number);
      }
      for (let k = from; k < to; k += 1) {
        const base = bases[k] as number;
        const v = vals[k] as number;
        for (let h = 0; h < heads; h += 1) {
          const j = base + h;
          const w = weights[j] as number;
          const gv = (g[h] as number) * v;
          const grad = (scaled ? gv * (scales[j] as number) : gv) + l2 * w;
          const square = (squares[j] as number) + grad * grad;
          squares[j] = square;
          weights[j] = w - (learningRate * grad) / Math.sqrt(square);
        }
      }
    }
  }
  return Array.from({ length: heads }, (_, h) => {
    const column = new Float64Array(size);
    for (let j = 0; j < size; j += 1)
      column[j] = (weights[j * heads + h] as number) * (scales[j * heads + h] as number);
    return { bias: bias[h] as number, weights: column };
  });
}

/**
 * `seeds` runs of trainHeads (seeds options.seed, options.seed + 1, …) averaged weight by weight: a
 * linear model whose logit is the runs' mean logit (bagging over the shuffling order). One seed is
 * trainHeads itself.
 */
export function trainBagged(
  rows: readonly SparseRow[],
  labels: ReadonlyArray<readonly boolean[]>,
  heads: number,
  size: number,
  options: DraftsTrainOptions,
  seeds = 1,
): LinearModel[] {
  if (seeds <= 1) return trainHeads(rows, labels, heads, size, options);
  const runs = Array.from({ length: seeds }, (_, k) =>
    trainHeads(rows, labels, heads, size, { ...options, seed: options.seed + k }),
  );
  return Array.from({ length: heads }, (_, h) => {
    const weights = new Float64Array(size);
    let bias = 0;
    for (const run of runs) {
      const model = run[h] as LinearModel;
      bias += model.bias / seeds;
      for (let j = 0; j < size; j += 1)
        weights[j] = (weights[j] as number) + (model.weights[j] as number) / seeds;
    }
    return { bias, weights };
  });
}

export interface TrainedHead {
  category: DraftHeadCategory;
  model: QuantisedModel;
  threshold: number;
  /** Weights of the structural features, in the spec's order (absent without structural features). */
  structure?: number[];
  /**
   * `window`: trained on windows, scored on the best window (drafts-windows.ts); `span`: a word
   * tagger over `span`'s features, scored on the best run of words (drafts-spans.ts).
   */
  unit?: 'window' | 'span';
  span?: DraftsSpanSpec;
}

/** A trained head as the file holds it: int8 hashed weights and rounded structural weights. */
export interface FileHead {
  model: QuantisedModel;
  structure: number[];
}

/** Quantises a trained head to int8, keeping its `keep` largest weights. */
export const quantiseHead = (model: LinearModel, keep: number): QuantisedModel => quantise(model, keep);

/**
 * A trained head as the file holds it: its hashed weights quantised to int8 (the `keep` largest),
 * its structural weights (the columns from 2^hashBits on) rounded to four decimals.
 */
export function fileHead(model: LinearModel, keep: number, hashBits: number): FileHead {
  const size = 2 ** hashBits;
  return {
    model: quantise({ bias: model.bias, weights: model.weights.subarray(0, size) }, keep),
    structure: Array.from(model.weights.subarray(size), (w) => Math.round(w * 1e4) / 1e4),
  };
}

/** The probability a head gives a row (draftRow), hashed and structural columns together. */
export function predictHead(head: FileHead, row: SparseRow): number {
  const size = head.model.weights.length;
  let sum = 0;
  let extra = 0;
  for (let k = 0; k < row.buckets.length; k += 1) {
    const bucket = row.buckets[k] as number;
    if (bucket < size) sum += (head.model.weights[bucket] as number) * (row.values[k] as number);
    else extra += (head.structure[bucket - size] ?? 0) * (row.values[k] as number);
  }
  return 1 / (1 + Math.exp(-(head.model.bias + sum * head.model.scale + extra)));
}

export function draftsModelFile(
  heads: readonly TrainedHead[],
  features: DraftsFeatureSpec,
  minWords: number,
  meta: Pick<DraftsModelFile, 'id' | 'trainedAt' | 'dataset' | 'evaluation'>,
): DraftsModelFile {
  const headFiles: DraftsHeadFile[] = heads.map((head) => ({
    category: head.category,
    bias: head.model.bias,
    scale: head.model.scale,
    weights: encodeWeights(head.model.weights),
    threshold: head.threshold,
    ...(features.structure?.length ? { structure: head.structure ?? features.structure.map(() => 0) } : {}),
    ...(head.unit === 'window' ? { unit: 'window' as const } : {}),
    ...(head.unit === 'span' && head.span ? { unit: 'span' as const, span: head.span } : {}),
  }));
  // The window spec belongs in the file only when a head reads windows (an older reader refuses @3).
  const windowed = heads.some((head) => head.unit === 'window');
  const { window, ...rest } = features;
  const spec = windowed ? { ...rest, window } : rest;
  const payload = { features: spec, minWords, heads: headFiles };
  const format = heads.some((head) => head.unit === 'span')
    ? DRAFTS_MODEL_FORMAT_SPANS
    : windowed
      ? DRAFTS_MODEL_FORMAT_WINDOWS
      : features.stems
        ? DRAFTS_MODEL_FORMAT_STEMS
        : DRAFTS_MODEL_FORMAT;
  return { format, ...meta, ...payload, checksum: draftsChecksum(payload) };
}

/** What a head's threshold is chosen under: its new findings' precision and the clean drafts it may flag. */
export interface ThresholdLimits {
  minPrecision: number;
  maxClean: number;
}

/**
 * A head's out-of-fold scores over some texts, with what is known of each: labelled with the head's
 * category, reported by the rules, clean. Named, since three parallel boolean arrays are easy to swap.
 */
export interface HeadOutcomes {
  scores: readonly number[];
  labels: readonly boolean[];
  rules: readonly boolean[];
  clean: readonly boolean[];
}

/**
 * One sweep over a head's thresholds, highest score first (a threshold only between two distinct
 * scores), counting the head's findings where the rules are silent on its category: calls `visit`
 * with each threshold whose findings add a true one at precision ≥ `minPrecision`, until the head
 * flags more than `maxClean` of the clean texts.
 */
export function sweepThresholds(
  { scores, labels, rules, clean }: HeadOutcomes,
  limits: ThresholdLimits,
  visit: (threshold: number, addTp: number, addFp: number) => void,
): void {
  const order = scores.map((_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number));
  const cleanTotal = clean.filter(Boolean).length;
  let addTp = 0;
  let addFp = 0;
  let cleanFlagged = 0;
  for (let k = 0; k < order.length; k += 1) {
    const i = order[k] as number;
    if (!rules[i]) {
      if (labels[i]) addTp += 1;
      else addFp += 1;
      if (clean[i]) cleanFlagged += 1;
    }
    const next = order[k + 1];
    if (next !== undefined && scores[next] === scores[i]) continue;
    if (cleanFlagged > limits.maxClean * cleanTotal) break;
    if (addTp > 0 && addTp / (addTp + addFp) >= limits.minPrecision) visit(scores[i] as number, addTp, addFp);
  }
}

/**
 * The threshold at which a head best completes the rules: the F1 of "rules or head" is highest
 * among sweepThresholds' thresholds; 1 (never fires) when none adds a true finding under the limits.
 */
export function pickUnionThreshold(head: HeadOutcomes, limits: ThresholdLimits): number {
  const { labels, rules } = head;
  let ruleTp = 0;
  let ruleFp = 0;
  let positives = 0;
  labels.forEach((y, i) => {
    if (y) positives += 1;
    if (rules[i] && y) ruleTp += 1;
    else if (rules[i]) ruleFp += 1;
  });
  const f1 = (tp: number, fp: number) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + (positives - tp)));
  let best = { threshold: 1, f1: f1(ruleTp, ruleFp) };
  sweepThresholds(head, limits, (threshold, addTp, addFp) => {
    const value = f1(ruleTp + addTp, ruleFp + addFp);
    if (value > best.f1) best = { threshold, f1: value };
  });
  return best.threshold;
}
