/**
 * Training pieces for the draft classifier (used by scripts/train-drafts.ts and its tests; pure and
 * seeded, so one corpus gives one model byte for byte): every head is a logistic regression over the
 * same hashed features, trained together by AdaGrad SGD with L2 in one pass over the drafts.
 */
import { draftsChecksum } from './checksum';
import { encodeWeights } from './codec';
import { DRAFT_FEATURE_TABLES } from './drafts-model';
import {
  DRAFTS_MODEL_FORMAT,
  type DraftHeadCategory,
  type DraftsHeadFile,
  type DraftsModelFile,
} from './drafts-types';
import { extractFeatures } from './features';
import {
  type LinearModel,
  nbRatios,
  type QuantisedModel,
  quantise,
  type SparseRow,
  seededRandom,
  shuffled,
} from './train';
import type { ModelFeatureSpec } from './types';

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

/** A draft as the scorer sees it: whole, no slang table. */
export function draftRow(text: string, features: ModelFeatureSpec): SparseRow {
  const { buckets, values } = extractFeatures(text, DRAFT_FEATURE_TABLES, features);
  return { buckets, values };
}

/** One logistic head per label column, trained in one shuffled pass per epoch. `labels[i][h]`. */
export function trainHeads(
  rows: readonly SparseRow[],
  labels: ReadonlyArray<readonly boolean[]>,
  heads: number,
  size: number,
  options: DraftsTrainOptions,
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
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const i of shuffled(order, random)) {
      const row = rows[i] as SparseRow;
      const y = labels[i] as readonly boolean[];
      z.set(bias);
      for (let k = 0; k < row.buckets.length; k += 1) {
        const base = (row.buckets[k] as number) * heads;
        const v = row.values[k] as number;
        for (let h = 0; h < heads; h += 1)
          z[h] = (z[h] as number) + (weights[base + h] as number) * v * (scales[base + h] as number);
      }
      for (let h = 0; h < heads; h += 1) {
        const p = 1 / (1 + Math.exp(-(z[h] as number)));
        g[h] = y[h] ? (p - 1) * options.positiveWeight : p;
        biasSquares[h] = (biasSquares[h] as number) + (g[h] as number) ** 2;
        bias[h] =
          (bias[h] as number) -
          (options.learningRate * (g[h] as number)) / Math.sqrt(biasSquares[h] as number);
      }
      for (let k = 0; k < row.buckets.length; k += 1) {
        const base = (row.buckets[k] as number) * heads;
        const v = row.values[k] as number;
        for (let h = 0; h < heads; h += 1) {
          const j = base + h;
          const grad = (g[h] as number) * v * (scales[j] as number) + options.l2 * (weights[j] as number);
          squares[j] = (squares[j] as number) + grad * grad;
          weights[j] =
            (weights[j] as number) - (options.learningRate * grad) / Math.sqrt(squares[j] as number);
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

export interface TrainedHead {
  category: DraftHeadCategory;
  model: QuantisedModel;
  threshold: number;
}

/** Quantises a trained head to int8, keeping its `keep` largest weights. */
export const quantiseHead = (model: LinearModel, keep: number): QuantisedModel => quantise(model, keep);

export function draftsModelFile(
  heads: readonly TrainedHead[],
  features: ModelFeatureSpec,
  minWords: number,
  meta: Pick<DraftsModelFile, 'id' | 'trainedAt' | 'dataset' | 'evaluation'>,
): DraftsModelFile {
  const headFiles: DraftsHeadFile[] = heads.map((head) => ({
    category: head.category,
    bias: head.model.bias,
    scale: head.model.scale,
    weights: encodeWeights(head.model.weights),
    threshold: head.threshold,
  }));
  const payload = { features, minWords, heads: headFiles };
  return { format: DRAFTS_MODEL_FORMAT, ...meta, ...payload, checksum: draftsChecksum(payload) };
}
