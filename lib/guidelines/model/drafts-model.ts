/**
 * The draft classifier's decoder and scorer. Pure and zod-free: the file has passed drafts-schema.ts
 * (and so its checksum) before it is decoded here.
 *
 * One pass over the text's hashed features (features.ts, without a slang table; summed a word at a
 * time, word-sums.ts) feeds every head; drivers are computed only for a head that fires, as the
 * abuse scorer does (score.ts).
 */
import { decodeWeights } from './codec';
import { visitStems } from './drafts-stems';
import type { DraftsModel, DraftsModelFile } from './drafts-types';
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
    heads: file.heads.map(({ category, bias, scale, threshold }) => ({ category, bias, scale, threshold })),
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
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export function scoreDraft(text: string, model: DraftsModel): DraftScores {
  const count = model.heads.length;
  const sums = new Float64Array(count);
  // Each distinct word's own features added up once per model (word-sums.ts): the same sums.
  const perWord = wordSums(model.weights, count, DRAFT_FEATURE_TABLES.lexicon, model.features);
  const words = normaliseText(text, DRAFT_FEATURE_TABLES);
  let total = perWord.add(words, sums);
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
  model.heads.forEach((head, h) => {
    let logit = head.bias + (sums[h] as number) * unit * head.scale;
    for (let k = 0; k < structure.length; k += 1)
      if (structure[k] !== 0)
        logit += (model.structureWeights[k * count + h] as number) * (structure[k] as number);
    scores[h] = sigmoid(logit);
  });
  return { words, scores, structure };
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

/** The words that pushed head `h` up, strongest first. */
export function draftDrivers(scored: DraftScores, model: DraftsModel, h: number): Driver[] {
  const count = model.heads.length;
  const perWord = new Float64Array(scored.words.length);
  visitFeatures(scored.words, DRAFT_FEATURE_TABLES.lexicon, model.features, (bucket, word, half) => {
    perWord[word] =
      (perWord[word] as number) + (model.weights[bucket * count + h] as number) * (half ? 0.5 : 1);
  });
  if (model.features.stems)
    visitStems(scored.words, model.features.hashBits, (bucket, word) => {
      perWord[word] = (perWord[word] as number) + (model.weights[bucket * count + h] as number);
    });
  return wordDrivers(scored.words, perWord);
}
