/**
 * Windows of a draft for the draft classifier's window heads: a phone number beside a name, one
 * sentence nudging votes or one unsourced figure sits in a sentence of a long release, and a head
 * over the whole draft dilutes it. A window is a run of `span` consecutive sentences (or lines) of
 * the draft's normalised words, cut where the engine cuts sentences (text-utils.ts, sentenceBreaks);
 * a sentence without words is passed over. Pure: no DOM, browser or Node API.
 */
import { sentenceBreaks } from '../text-utils';
import type { DraftsWindowSpec } from './drafts-types';
import type { NormalWord } from './features';

/**
 * The windows of a text's normalised words as word ranges: `[from0, to0, from1, to1, …]`, each
 * [from, to) of `words`, in text order. A text with fewer units than `span` is one window; a text
 * without words has none.
 */
export function windowRanges(text: string, words: readonly NormalWord[], spec: DraftsWindowSpec): Int32Array {
  if (words.length === 0) return new Int32Array(0);
  const all = sentenceBreaks(text);
  // A break is 2p (a sentence-ending mark at p) or 2p + 1 (a line break at p).
  const breaks = spec.cut === 'line' ? all.filter((b) => (b & 1) === 1) : all;
  /** Index of the first word of each unit that has words. */
  const starts: number[] = [];
  let unit = -1;
  let j = 0;
  for (let i = 0; i < words.length; i += 1) {
    const at = (words[i] as NormalWord).start;
    while (j < breaks.length && (breaks[j] as number) >> 1 < at) j += 1;
    if (j !== unit) {
      unit = j;
      starts.push(i);
    }
  }
  starts.push(words.length);
  const units = starts.length - 1;
  const count = Math.max(1, units - spec.span + 1);
  const out = new Int32Array(2 * count);
  for (let k = 0; k < count; k += 1) {
    out[2 * k] = starts[k] as number;
    out[2 * k + 1] = starts[Math.min(k + spec.span, units)] as number;
  }
  return out;
}

/** The text a window of words covers: from its first word's start to its last word's end. */
export const windowSpan = (
  words: readonly NormalWord[],
  from: number,
  to: number,
): { start: number; end: number } => ({
  start: (words[from] as NormalWord).start,
  end: (words[to - 1] as NormalWord).end,
});
