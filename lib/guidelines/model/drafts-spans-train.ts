/**
 * Training pieces for span heads (drafts-spans.ts): every word of every draft one training row, its
 * features extracted once and kept in flat typed arrays so leave-one-writer-out folds reuse them, and
 * a seeded AdaGrad logistic tagger over the rows a fold keeps. Labels come from the corpus's excerpts:
 * a word inside a place of an excerpt of the category is positive, the words of drafts without the
 * category negative, the other words of labelled drafts weighted `unplaced`. Pure and seeded.
 */
import { DRAFT_FEATURE_TABLES } from './drafts-model';
import { bestSpan, type SpanFeatureSpec, visitSpanFeatures } from './drafts-spans';
import { excerptPlaces } from './drafts-windows-train';
import { normaliseText } from './features';
import { type LinearModel, type QuantisedModel, quantise, seededRandom } from './train';

/** Every word of a set of drafts as a tagger row. */
export interface TokenSet {
  /** Words of draft d: [draftStart[d], draftStart[d + 1]). */
  draftStart: Int32Array;
  /** Features of word t: feats[featStart[t] … featStart[t + 1]). */
  featStart: Int32Array;
  feats: Int32Array;
  label: Uint8Array;
  weight: Float32Array;
}

class IntBuffer {
  data = new Int32Array(1 << 20);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = value;
    this.length += 1;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

export interface SpanDraft {
  text: string;
  /** Whether the draft is labelled with the category. */
  labelled: boolean;
  /** The category's excerpts (exact substrings; "" marks an absence). */
  excerpts: readonly string[];
}

/**
 * The token set of `drafts`. A negative word of a draft without the category is kept with
 * probability `negativeRate` (and weighted 1/negativeRate), seeded, to bound training time.
 */
export function tokenSet(
  drafts: readonly SpanDraft[],
  spec: SpanFeatureSpec,
  options: { unplaced: number; negativeRate: number; seed: number },
): TokenSet {
  const random = seededRandom(options.seed);
  const draftStart = new Int32Array(drafts.length + 1);
  const featStart = new IntBuffer();
  const feats = new IntBuffer();
  const labels: number[] = [];
  const weights: number[] = [];
  featStart.push(0);
  drafts.forEach((draft, d) => {
    const words = normaliseText(draft.text, DRAFT_FEATURE_TABLES);
    const places = draft.excerpts.flatMap((e) => excerptPlaces(draft.text, e));
    let current = 0;
    visitSpanFeatures(draft.text, words, spec, (word, bucket) => {
      while (current < word) {
        featStart.push(feats.length);
        current += 1;
      }
      feats.push(bucket);
    });
    while (current < words.length) {
      featStart.push(feats.length);
      current += 1;
    }
    for (const w of words) {
      const inside = places.some((p) => p.start < w.end && w.start < p.end);
      labels.push(inside ? 1 : 0);
      if (inside) weights.push(1);
      else if (draft.labelled) weights.push(options.unplaced);
      else weights.push(random() < options.negativeRate ? 1 / options.negativeRate : 0);
    }
    draftStart[d + 1] = (draftStart[d] as number) + words.length;
  });
  return {
    draftStart,
    featStart: featStart.done(),
    feats: feats.done(),
    label: Uint8Array.from(labels),
    weight: Float32Array.from(weights),
  };
}

export interface TaggerTrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  positiveWeight: number;
}

/** A word's value for each of its features: 1/√(its feature count). */
const unitOf = (set: TokenSet, t: number): number => {
  const n = (set.featStart[t + 1] as number) - (set.featStart[t] as number);
  return n > 0 ? 1 / Math.sqrt(n) : 0;
};

/** A logistic tagger over the words of the drafts `keepDraft` selects (weight-0 words skipped). */
export function trainTagger(
  set: TokenSet,
  keepDraft: (d: number) => boolean,
  size: number,
  options: TaggerTrainOptions,
): LinearModel {
  const order: number[] = [];
  for (let d = 0; d + 1 < set.draftStart.length; d += 1) {
    if (!keepDraft(d)) continue;
    for (let t = set.draftStart[d] as number; t < (set.draftStart[d + 1] as number); t += 1)
      if ((set.weight[t] as number) > 0) order.push(t);
  }
  const weights = new Float64Array(size);
  const squares = new Float64Array(size).fill(1e-8);
  let bias = 0;
  let biasSquare = 1e-8;
  const random = seededRandom(options.seed);
  const { learningRate, l2, positiveWeight } = options;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    // Fisher–Yates in place: the same order for the same seed.
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      const swap = order[i] as number;
      order[i] = order[j] as number;
      order[j] = swap;
    }
    for (const t of order) {
      const from = set.featStart[t] as number;
      const to = set.featStart[t + 1] as number;
      const v = unitOf(set, t);
      let z = bias;
      for (let k = from; k < to; k += 1) z += (weights[set.feats[k] as number] as number) * v;
      const p = 1 / (1 + Math.exp(-z));
      const y = set.label[t] === 1;
      const g = (y ? (p - 1) * positiveWeight : p) * (set.weight[t] as number);
      biasSquare += g * g;
      bias -= (learningRate * g) / Math.sqrt(biasSquare);
      for (let k = from; k < to; k += 1) {
        const j = set.feats[k] as number;
        const w = weights[j] as number;
        const grad = g * v + l2 * w;
        const square = (squares[j] as number) + grad * grad;
        squares[j] = square;
        weights[j] = w - (learningRate * grad) / Math.sqrt(square);
      }
    }
  }
  return { bias, weights };
}

/**
 * `seeds` taggers (seeds options.seed, options.seed + 1, …) averaged weight by weight, quantised to
 * int8 keeping the `keep` largest weights: the head as the file holds it. One tagger's added findings
 * on unread writers moved by several points from one shuffle to the next; the average moves less.
 */
export function trainSpanHead(
  set: TokenSet,
  keepDraft: (d: number) => boolean,
  hashBits: number,
  options: TaggerTrainOptions & { seeds: number; keep: number },
): QuantisedModel {
  const size = 2 ** hashBits;
  const weights = new Float64Array(size);
  let bias = 0;
  for (let k = 0; k < options.seeds; k += 1) {
    const run = trainTagger(set, keepDraft, size, { ...options, seed: options.seed + k });
    bias += run.bias / options.seeds;
    for (let j = 0; j < size; j += 1)
      weights[j] = (weights[j] as number) + (run.weights[j] as number) / options.seeds;
  }
  return quantise({ bias, weights }, options.keep);
}

/** Each word's logit under a quantised tagger, for the words of draft `d` (as spanWordLogits gives). */
export function wordLogits(set: TokenSet, d: number, model: QuantisedModel): Float64Array {
  const from = set.draftStart[d] as number;
  const to = set.draftStart[d + 1] as number;
  const out = new Float64Array(to - from);
  for (let t = from; t < to; t += 1) {
    let sum = 0;
    for (let k = set.featStart[t] as number; k < (set.featStart[t + 1] as number); k += 1)
      sum += model.weights[set.feats[k] as number] as number;
    out[t - from] = model.bias + sum * model.scale * unitOf(set, t);
  }
  return out;
}

/** Draft `d`'s score: the sigmoid of the best mean logit over a run of `k` words (0 without words). */
export function spanDraftScore(set: TokenSet, d: number, model: QuantisedModel, k: number): number {
  const logits = wordLogits(set, d, model);
  if (logits.length === 0) return 0;
  return 1 / (1 + Math.exp(-bestSpan(logits, k).score));
}
