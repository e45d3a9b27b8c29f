/**
 * The draft classifier's optional stem feature (`features.stems`): one more hashed feature per word,
 * the word's stem by the engine's Indonesian stemmer (normalize.ts), so "disalurkan", "menyalurkan"
 * and "penyaluran" share a feature that a writer's other inflection of the word also reaches.
 * Pure: no DOM, browser or Node API.
 */
import { formKey } from '../normalize';
import { hashFeature, type NormalWord } from './features';

const P_STEM = 115; // s: a namespace of its own beside features.ts's w, b, c and l

/** The bucket of a normalised word's stem feature. */
export const stemBucket = (key: string, mask: number): number =>
  hashFeature(P_STEM, formKey(key, 'stem')) & mask;

/** Calls `visit(bucket, word)` for each word's stem feature (value 1 each, like a word feature). */
export function visitStems(
  words: readonly NormalWord[],
  hashBits: number,
  visit: (bucket: number, word: number) => void,
): void {
  const mask = (1 << hashBits) - 1;
  for (let i = 0; i < words.length; i += 1) visit(stemBucket((words[i] as NormalWord).key, mask), i);
}
