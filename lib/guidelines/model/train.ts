/**
 * Training pieces for the abuse model (used by scripts/train-abuse.ts; pure, seeded, so one data set
 * gives one model byte for byte): logistic regression by AdaGrad SGD with L2, pruning and int8
 * quantisation, metrics and threshold choice.
 */

export interface SparseRow {
  buckets: number[];
  values: number[];
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Weight of positive examples relative to negatives. */
  positiveWeight?: number;
}

export interface LinearModel {
  bias: number;
  weights: Float64Array;
}

/** mulberry32: a small seeded PRNG (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export function trainLogistic(
  rows: readonly SparseRow[],
  labels: readonly boolean[],
  size: number,
  options: TrainOptions,
): LinearModel {
  const weights = new Float64Array(size);
  const squares = new Float64Array(size).fill(1e-8);
  let bias = 0;
  let biasSquares = 1e-8;
  const random = seededRandom(options.seed);
  const order = rows.map((_, i) => i);
  const positiveWeight = options.positiveWeight ?? 1;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const i of shuffled(order, random)) {
      const row = rows[i] as SparseRow;
      let z = bias;
      for (let k = 0; k < row.buckets.length; k += 1)
        z += (weights[row.buckets[k] as number] as number) * (row.values[k] as number);
      const p = 1 / (1 + Math.exp(-z));
      const y = labels[i] ? 1 : 0;
      const g = (p - y) * (y === 1 ? positiveWeight : 1);
      for (let k = 0; k < row.buckets.length; k += 1) {
        const j = row.buckets[k] as number;
        const grad = g * (row.values[k] as number) + options.l2 * (weights[j] as number);
        squares[j] = (squares[j] as number) + grad * grad;
        weights[j] = (weights[j] as number) - (options.learningRate * grad) / Math.sqrt(squares[j] as number);
      }
      biasSquares += g * g;
      bias -= (options.learningRate * g) / Math.sqrt(biasSquares);
    }
  }
  return { bias, weights };
}

/**
 * Naive-Bayes log-count ratios per bucket (Wang & Manning 2012, "NBSVM"): r = log of how much more
 * often a bucket occurs in positive texts than in negative ones, each text counted once, with
 * `alpha` added to every count. Rare but telling buckets (a slur seen in ten tweets) get a large
 * |r| the plain logistic regression would only reach after many epochs.
 */
export function nbRatios(
  rows: readonly SparseRow[],
  labels: readonly boolean[],
  size: number,
  alpha: number,
): Float64Array {
  const positive = new Float64Array(size).fill(alpha);
  const negative = new Float64Array(size).fill(alpha);
  const seen = new Set<number>();
  rows.forEach((row, i) => {
    seen.clear();
    for (const bucket of row.buckets) seen.add(bucket);
    const counts = labels[i] ? positive : negative;
    for (const bucket of seen) counts[bucket] = (counts[bucket] as number) + 1;
  });
  let positiveTotal = 0;
  let negativeTotal = 0;
  for (let j = 0; j < size; j += 1) {
    positiveTotal += positive[j] as number;
    negativeTotal += negative[j] as number;
  }
  const ratios = new Float64Array(size);
  for (let j = 0; j < size; j += 1)
    ratios[j] = Math.log((positive[j] as number) / positiveTotal / ((negative[j] as number) / negativeTotal));
  return ratios;
}

/**
 * Logistic regression on features scaled by their NB ratios, folded back into one weight per
 * bucket (w·r): the result scores raw features, so the scorer and the file format are unchanged.
 */
export function trainNbLogistic(
  rows: readonly SparseRow[],
  labels: readonly boolean[],
  size: number,
  options: TrainOptions,
  alpha: number,
): LinearModel {
  const ratios = nbRatios(rows, labels, size, alpha);
  const scaled = rows.map((row) => ({
    buckets: row.buckets,
    values: row.values.map((v, k) => v * (ratios[row.buckets[k] as number] as number)),
  }));
  const model = trainLogistic(scaled, labels, size, options);
  const weights = new Float64Array(size);
  for (let j = 0; j < size; j += 1) weights[j] = (model.weights[j] as number) * (ratios[j] as number);
  return { bias: model.bias, weights };
}

export interface QuantisedModel {
  bias: number;
  scale: number;
  weights: Int8Array;
  nonZero: number;
}

/** Keeps the `keep` largest weights by magnitude, as int8 steps of max|w|/127; the rest become 0. */
export function quantise(model: LinearModel, keep: number): QuantisedModel {
  const magnitudes = Float64Array.from(model.weights, Math.abs).sort();
  const cutoff = keep < magnitudes.length ? (magnitudes[magnitudes.length - keep] as number) : 0;
  const max = magnitudes[magnitudes.length - 1] as number;
  const scale = max > 0 ? max / 127 : 1;
  const weights = new Int8Array(model.weights.length);
  let nonZero = 0;
  for (let j = 0; j < model.weights.length; j += 1) {
    const w = model.weights[j] as number;
    if (Math.abs(w) < cutoff || w === 0) continue;
    const q = Math.max(-127, Math.min(127, Math.round(w / scale)));
    weights[j] = q;
    if (q !== 0) nonZero += 1;
  }
  return { bias: model.bias, scale, weights, nonZero };
}

export function predictQuantised(model: QuantisedModel, row: SparseRow): number {
  let sum = 0;
  for (let k = 0; k < row.buckets.length; k += 1)
    sum += (model.weights[row.buckets[k] as number] as number) * (row.values[k] as number);
  return 1 / (1 + Math.exp(-(model.bias + sum * model.scale)));
}

export interface Metrics {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function metrics(predicted: readonly boolean[], labels: readonly boolean[]): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  predicted.forEach((p, i) => {
    const y = labels[i];
    if (p && y) tp += 1;
    else if (p) fp += 1;
    else if (y) fn += 1;
    else tn += 1;
  });
  const precision = tp + fp > 0 ? tp / (tp + fp) : 1;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, accuracy: (tp + tn) / Math.max(1, predicted.length), tp, fp, fn, tn };
}

/**
 * The threshold with the best F1 among those whose precision is at least `minPrecision` (the
 * product prefers silence to a false alarm); when none reaches it, the most precise one.
 * `forced` marks texts predicted positive whatever the score (e.g. a lexicon hit).
 */
export function pickThreshold(
  scores: readonly number[],
  labels: readonly boolean[],
  minPrecision: number,
  forced: readonly boolean[] = [],
): number {
  const candidates = [...new Set(scores.map((s) => Math.round(s * 1000) / 1000))].sort((a, b) => a - b);
  let best: { threshold: number; f1: number; precision: number } | null = null;
  let fallback = { threshold: 0.999, precision: -1 };
  for (const threshold of candidates) {
    if (threshold <= 0 || threshold >= 1) continue;
    const m = metrics(
      scores.map((s, i) => s >= threshold || forced[i] === true),
      labels,
    );
    if (m.tp === 0) continue;
    if (m.precision >= minPrecision && (!best || m.f1 > best.f1))
      best = { threshold, f1: m.f1, precision: m.precision };
    if (m.precision > fallback.precision) fallback = { threshold, precision: m.precision };
  }
  return best ? best.threshold : fallback.threshold;
}
