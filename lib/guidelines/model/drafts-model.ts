/**
 * The draft classifier's decoder and scorer. Pure and zod-free: the file has passed drafts-schema.ts
 * (and so its checksum) before it is decoded here.
 *
 * One pass over the text's hashed features (features.ts, without a slang table) feeds every head;
 * drivers are computed only for a head that fires, as the abuse scorer does (score.ts).
 */
import { decodeWeights } from './codec';
import type { DraftsModel, DraftsModelFile } from './drafts-types';
import { type NormalisationTables, type NormalWord, normaliseText, visitFeatures } from './features';
import { type Driver, wordDrivers } from './score';

/** Drafts are agency prose in standard Indonesian: no slang table, no abusive lexicon feature. */
export const DRAFT_FEATURE_TABLES: NormalisationTables = { slang: new Map(), lexicon: new Set() };

export function decodeDraftsModel(file: DraftsModelFile): DraftsModel {
  const size = 2 ** file.features.hashBits;
  const count = file.heads.length;
  const weights = new Int8Array(size * count);
  file.heads.forEach((head, h) => {
    const column = decodeWeights(head.weights, size);
    for (let j = 0; j < size; j += 1) if (column[j] !== 0) weights[j * count + h] = column[j] as number;
  });
  return {
    id: file.id,
    features: file.features,
    minWords: file.minWords,
    heads: file.heads.map(({ category, bias, scale, threshold }) => ({ category, bias, scale, threshold })),
    weights,
  };
}

export interface DraftScores {
  words: NormalWord[];
  /** Probability per head, in the model's head order. */
  scores: Float64Array;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export function scoreDraft(text: string, model: DraftsModel): DraftScores {
  const count = model.heads.length;
  const sums = new Float64Array(count);
  const { weights } = model;
  let total = 0;
  const words = normaliseText(text, DRAFT_FEATURE_TABLES);
  visitFeatures(words, DRAFT_FEATURE_TABLES.lexicon, model.features, (bucket, _word, half) => {
    const value = half ? 0.5 : 1;
    const base = bucket * count;
    for (let h = 0; h < count; h += 1) sums[h] = (sums[h] as number) + (weights[base + h] as number) * value;
    total += value;
  });
  const unit = total > 0 ? 1 / Math.sqrt(total) : 0;
  const scores = new Float64Array(count);
  model.heads.forEach((head, h) => {
    scores[h] = sigmoid(head.bias + (sums[h] as number) * unit * head.scale);
  });
  return { words, scores };
}

/** The words that pushed head `h` up, strongest first. */
export function draftDrivers(scored: DraftScores, model: DraftsModel, h: number): Driver[] {
  const count = model.heads.length;
  const perWord = new Float64Array(scored.words.length);
  visitFeatures(scored.words, DRAFT_FEATURE_TABLES.lexicon, model.features, (bucket, word, half) => {
    perWord[word] =
      (perWord[word] as number) + (model.weights[bucket * count + h] as number) * (half ? 0.5 : 1);
  });
  return wordDrivers(scored.words, perWord);
}
