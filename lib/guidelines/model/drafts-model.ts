/**
 * The draft classifier's decoder and scorer. Pure and zod-free: the file has passed drafts-schema.ts
 * (and so its checksum) before it is decoded here.
 *
 * One pass over the text's hashed features (features.ts, without a slang table; summed a word at a
 * time, word-sums.ts) feeds every head; drivers are computed only for a head that fires, as the
 * abuse scorer does (score.ts).
 */
import { decodeWeights } from './codec';
import { bestSpan, spanWordLogits } from './drafts-spans';
import { visitStems } from './drafts-stems';
import type { DraftsModel, DraftsModelFile } from './drafts-types';
import { windowRanges } from './drafts-windows';
import { type NormalisationTables, type NormalWord, normaliseText, visitFeatures } from './features';
import { type Driver, wordDrivers } from './score';
import { structureValues } from './structure';
import { wordSums } from './word-sums';

/** Drafts are agency prose in standard Indonesian: no slang table, no abusive lexicon feature. */
export const DRAFT_FEATURE_TABLES: NormalisationTables = { slang: new Map(), lexicon: new Set() };

export function decodeDraftsModel(file: DraftsModelFile): DraftsModel {
  const size = 2 ** file.features.hashBits;
  const count = file.heads.length;
  const weights = new Int8Array(size * count);
  file.heads.forEach((head, h) => {
    // A span head's weights are over its own features: kept apart, its shared column left at zero.
    if (head.span) return;
    const column = decodeWeights(head.weights, size);
    for (let j = 0; j < size; j += 1) if (column[j] !== 0) weights[j * count + h] = column[j] as number;
  });
  const structure = file.features.structure ?? [];
  const structureWeights = new Float64Array(structure.length * count);
  file.heads.forEach((head, h) => {
    structure.forEach((_, k) => {
      structureWeights[k * count + h] = head.structure?.[k] ?? 0;
    });
  });
  return {
    id: file.id,
    features: file.features,
    minWords: file.minWords,
    heads: file.heads.map(({ category, bias, scale, threshold, unit, span, weights: encoded }) => ({
      category,
      bias,
      scale,
      threshold,
      unit: unit ?? 'draft',
      ...(span ? { span: { spec: span, weights: decodeWeights(encoded, 2 ** span.hashBits) } } : {}),
    })),
    weights,
    structure,
    structureWeights,
  };
}

export interface DraftScores {
  words: NormalWord[];
  /** Probability per head, in the model's head order. */
  scores: Float64Array;
  /** The structural features' values (0 or 1), in the model's `structure` order. */
  structure: Float64Array;
  /**
   * Per head, the words [from, to) of the window that gave its score: `[from0, to0, from1, to1, …]`;
   * the whole text for a head over the whole draft.
   */
  windows: Int32Array;
  /** Per head, a span head's logit for every word (kept for its drivers); undefined for other heads. */
  spanLogits: (Float64Array | undefined)[];
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export function scoreDraft(text: string, model: DraftsModel): DraftScores {
  const count = model.heads.length;
  const sums = new Float64Array(count);
  // Each distinct word's own features added up once per model (word-sums.ts): the same sums.
  const perWord = wordSums(model.weights, count, DRAFT_FEATURE_TABLES.lexicon, model.features);
  const words = normaliseText(text, DRAFT_FEATURE_TABLES);
  const windowed = model.features.window && model.heads.some((head) => head.unit === 'window');
  // Window heads read running totals over the words (one pass, as `add`): a window's sums are a
  // difference of two rows, so no window is tokenised or hashed again.
  const running = windowed ? perWord.cumulative(words) : null;
  let total = 0;
  if (running) {
    const last = words.length * (count + 1);
    for (let h = 0; h < count; h += 1) sums[h] = running.totals[last + h] as number;
    total = running.totals[last + count] as number;
  } else total = perWord.add(words, sums);
  if (model.features.stems)
    visitStems(words, model.features.hashBits, (bucket) => {
      const base = bucket * count;
      for (let h = 0; h < count; h += 1) sums[h] = (sums[h] as number) + (model.weights[base + h] as number);
      total += 1;
    });
  const unit = total > 0 ? 1 / Math.sqrt(total) : 0;
  const structure =
    model.structure.length > 0 ? structureValues({ text, words }, model.structure) : new Float64Array(0);
  const scores = new Float64Array(count);
  const windows = new Int32Array(2 * count);
  model.heads.forEach((head, h) => {
    windows[2 * h + 1] = words.length;
    let logit = head.bias + (sums[h] as number) * unit * head.scale;
    for (let k = 0; k < structure.length; k += 1)
      if (structure[k] !== 0)
        logit += (model.structureWeights[k * count + h] as number) * (structure[k] as number);
    scores[h] = sigmoid(logit);
  });
  if (running && model.features.window) {
    const ranges = windowRanges(text, words, model.features.window);
    model.heads.forEach((head, h) => {
      if (head.unit !== 'window') return;
      const best = bestWindow(running, ranges, count, h);
      windows[2 * h] = best.from;
      windows[2 * h + 1] = best.to;
      scores[h] = best.from < best.to ? sigmoid(head.bias + best.sum * head.scale) : sigmoid(head.bias);
    });
  }
  const spanLogits: (Float64Array | undefined)[] = model.heads.map(() => undefined);
  // A span head: every word's logit in one pass over its features, the best run of k words by running
  // totals (bestSpan); the draft scores as that run's mean logit.
  model.heads.forEach((head, h) => {
    if (!head.span) return;
    const logits = spanWordLogits(text, words, { ...head, span: head.span });
    spanLogits[h] = logits;
    const best = bestSpan(logits, head.span.spec.k);
    windows[2 * h] = best.from;
    windows[2 * h + 1] = best.to;
    scores[h] = best.from < best.to ? sigmoid(best.score) : sigmoid(head.bias);
  });
  return { words, scores, structure, windows, spanLogits };
}

/** The window whose normalised sum (Σ w·v / √n) is highest for head `h`; the first on a tie. */
function bestWindow(
  running: { totals: Float64Array; joins: Float64Array },
  ranges: Int32Array,
  count: number,
  h: number,
): { from: number; to: number; sum: number } {
  const width = count + 1;
  const { totals, joins } = running;
  let best = { from: 0, to: 0, sum: Number.NEGATIVE_INFINITY };
  for (let k = 0; k < ranges.length; k += 2) {
    const a = ranges[k] as number;
    const b = ranges[k + 1] as number;
    const join = a > 0 ? (joins[a * width + h] as number) : 0;
    const joinCount = a > 0 ? (joins[a * width + count] as number) : 0;
    const sum = (totals[b * width + h] as number) - (totals[a * width + h] as number) - join;
    const n = (totals[b * width + count] as number) - (totals[a * width + count] as number) - joinCount;
    const value = n > 0 ? sum / Math.sqrt(n) : 0;
    if (value > best.sum) best = { from: a, to: b, sum: value };
  }
  return best.sum === Number.NEGATIVE_INFINITY ? { from: 0, to: 0, sum: 0 } : best;
}

/** A structural feature that pushed head `h` up, and by how much (logit). */
export interface StructureDriver {
  name: string;
  weight: number;
}

/** The structural features that pushed head `h` up by at least `min` (logit), strongest first. */
export function structureDrivers(
  scored: DraftScores,
  model: DraftsModel,
  h: number,
  min = 0.5,
): StructureDriver[] {
  const count = model.heads.length;
  const out: StructureDriver[] = [];
  model.structure.forEach((name, k) => {
    const weight = (model.structureWeights[k * count + h] as number) * (scored.structure[k] as number);
    if (weight >= min) out.push({ name, weight });
  });
  return out.sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
}

/**
 * The words that pushed head `h` up, strongest first (for a window head, within its best window; for a
 * span head, within its best run, by each word's own features above the bias).
 */
export function draftDrivers(scored: DraftScores, model: DraftsModel, h: number): Driver[] {
  const count = model.heads.length;
  const from = scored.windows[2 * h] as number;
  const to = scored.windows[2 * h + 1] as number;
  const head = model.heads[h];
  const logits = scored.spanLogits[h];
  if (head && logits) {
    const perWord = logits.slice(from, to).map((logit) => logit - head.bias);
    return wordDrivers(scored.words.slice(from, to), perWord);
  }
  const words = from === 0 && to === scored.words.length ? scored.words : scored.words.slice(from, to);
  const perWord = new Float64Array(words.length);
  visitFeatures(words, DRAFT_FEATURE_TABLES.lexicon, model.features, (bucket, word, half) => {
    perWord[word] =
      (perWord[word] as number) + (model.weights[bucket * count + h] as number) * (half ? 0.5 : 1);
  });
  if (model.features.stems)
    visitStems(words, model.features.hashBits, (bucket, word) => {
      perWord[word] = (perWord[word] as number) + (model.weights[bucket * count + h] as number);
    });
  return wordDrivers(words, perWord);
}
