/**
 * Advice for rule authors (the bureau edits library regexes by hand): a word alternation such as
 * `\b(?:saksi|pelapor)` followed by nothing that ends the word also matches the start of longer
 * words — "saksi" in "Saksikan" (found in the demo, KB-KIP-02). `library lint` warns about it.
 */

/** A token that can stand for a letter: `a`, `\p{L}`, `\p{Ll}`, `\w`, or a class containing one. */
const LETTERISH = /^(?:\p{L}|\\p\{L[lu]?\}|\\w|\[(?:[^\]\\]|\\.)*(?:\p{L}|\\p\{L|\\w)(?:[^\]\\]|\\.)*\])/u;
/** The same token made to run to the end of the word on purpose: `\p{L}*`, `\w+`, `[\p{L}]*`. */
const WORD_RUN = /^(?:\\p\{L[lu]?\}|\\w|\[(?:\\p\{L[lu]?\}|\\w|\p{L}|-)+\])[*+]/u;
/** What an alternation of plain words looks like: letters, spaces, `[Xx]` classes, `|`. */
const PLAIN_WORDS = /^(?:[\p{L} |]|\[\p{L}+\])+$/u;

/** The end of the group opened at `open` (the index of its `(`), or -1. */
function closingParen(pattern: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i += 1;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      depth += 1;
    } else if (c === ')' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

/** The word alternations in `pattern` that can match the start of a longer word. */
export function openWordAlternations(pattern: string): string[] {
  const found: string[] = [];
  for (const match of pattern.matchAll(/\\b\(\?:/g)) {
    const open = match.index + 2;
    const close = closingParen(pattern, open);
    if (close < 0) continue;
    const words = pattern.slice(open + 3, close);
    if (!PLAIN_WORDS.test(words)) continue;
    const after = pattern.slice(close + 1);
    const openEnded = after === '' || (LETTERISH.test(after) && !WORD_RUN.test(after));
    if (openEnded) found.push(`\\b(?:${words})`);
  }
  return found;
}
