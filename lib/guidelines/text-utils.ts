/**
 * Unicode-aware text helpers. JavaScript's `\b` and `\w` only know ASCII letters, so a boundary
 * test with them splits "pascabanjir" correctly but also "kesehatán" or "Dayak Kanayatn" with
 * diacritics; everything here uses Unicode letter/mark/number classes instead.
 */

/** Characters that belong to a word (tokenizer and offset helpers: every Unicode letter, mark, digit). */
export const WORD_CLASS = '\\p{L}\\p{M}\\p{N}_';

/**
 * The word class used when rewriting `\\b`/`\\w` inside library regexes: Latin letters with every
 * diacritic and combining mark, Arabic script (Arab-Melayu), digits and `_` — the scripts of
 * Indonesian posts. V8 needs ~10 ms to compile each regex that uses the full `\\p{L}\\p{M}\\p{N}`
 * class inside look-arounds, and a rule set has hundreds of boundaries; this class compiles in µs.
 */
export const REGEX_WORD_CLASS =
  '0-9A-Za-z_\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u1E00-\\u1EFF\\u0600-\\u06FF';
const WORD_CHAR = new RegExp(`[${WORD_CLASS}]`, 'u');

/** A token: a run of word characters, or one other non-space code point. */
export interface Token {
  start: number;
  end: number;
  /** Lower-cased text of the token (used as the trie key). */
  key: string;
  word: boolean;
}

/** 0 = space, 1 = word, 2 = other, for ASCII; non-ASCII is classified with WORD_CHAR / \s. */
const ASCII_CLASS = new Uint8Array(128).map((_, c) =>
  c <= 32
    ? c === 9 || c === 10 || c === 11 || c === 12 || c === 13 || c === 32
      ? 0
      : 2
    : /[0-9A-Za-z_]/.test(String.fromCharCode(c))
      ? 1
      : 2,
);
const SPACE = /\s/;

/** Class of the code point at `i` (0 space, 1 word, 2 other) and its length in UTF-16 units. */
function classAt(text: string, i: number): [number, number] {
  const c = text.charCodeAt(i);
  if (c < 128) return [ASCII_CLASS[c]!, 1];
  const cp = text.codePointAt(i)!;
  const ch = String.fromCodePoint(cp);
  return [SPACE.test(ch) ? 0 : WORD_CHAR.test(ch) ? 1 : 2, ch.length];
}

/**
 * Splits a text into tokens with UTF-16 offsets: runs of word characters (Unicode letters, marks,
 * digits, `_`), or one other non-space code point; whitespace separates tokens and is dropped.
 * A hand-written scanner (ASCII table, regex only for non-ASCII) is ~3× faster than a regex here,
 * and this runs on every keystroke.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const [kind, size] = classAt(text, i);
    if (kind === 0) {
      i += size;
      continue;
    }
    const start = i;
    i += size;
    if (kind === 1) {
      while (i < length) {
        const c = text.charCodeAt(i);
        if (c < 128) {
          if (ASCII_CLASS[c] !== 1) break;
          i += 1;
          continue;
        }
        const [next, nextSize] = classAt(text, i);
        if (next !== 1) break;
        i += nextSize;
      }
    }
    tokens.push({
      start,
      end: i,
      // Lower-cased per token: slices of a whole-text lowercase copy keep that copy alive and made
      // V8 fall off a cliff on megabytes of lowercase text (docs/guidelines.md § Tokens).
      key: text.slice(start, i).toLowerCase(),
      word: kind === 1,
    });
  }
  return tokens;
}

function hasLetters(text: string): boolean {
  return text.toUpperCase() !== text.toLowerCase();
}

/**
 * Gives `replacement` the case pattern of `original`: HIMBAUAN → IMBAUAN, Himbauan → Imbauan,
 * himbauan → imbauan. A replacement with its own capitals (a proper noun like "Ramadan") keeps them.
 */
export function matchCase(original: string, replacement: string): string {
  if (!hasLetters(original)) return replacement;
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && original === original.toUpperCase()) return replacement.toUpperCase();
  const first = original.match(/\p{L}/u)?.[0];
  if (first && first !== first.toLowerCase()) {
    const index = replacement.search(/\p{L}/u);
    if (index < 0) return replacement;
    return (
      replacement.slice(0, index) + replacement.charAt(index).toUpperCase() + replacement.slice(index + 1)
    );
  }
  return replacement;
}

/**
 * Two-letter words a sentence ends on, not abbreviations: the particle "ya" closes many a casual
 * sentence ("… jangan ikut-ikutan ya. Tapi …").
 */
const SENTENCE_FINAL_PAIRS = new Set(['ya', 'Ya']);

/**
 * Does the `.`, `!` or `?` at `index` end a sentence? It must be followed by a space (or the end),
 * and a full stop after a short capitalised or two-letter word is an abbreviation ("Jl.", "Gg.",
 * "No.", "Sdr.", "dr."), not a sentence end, unless the word is a sentence-final particle ("ya.").
 */
function endsSentence(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  if (c !== 46 && c !== 33 && c !== 63) return false;
  if (index + 1 < text.length && !/\s/.test(text.charAt(index + 1))) return false;
  if (c !== 46) return true;
  let wordStart = index;
  while (wordStart > 0 && /\p{L}/u.test(text.charAt(wordStart - 1))) wordStart -= 1;
  const word = text.slice(wordStart, index);
  if (word.length === 0) return true;
  if (word.length <= 2) return SENTENCE_FINAL_PAIRS.has(word);
  return !(word.length === 3 && word.charAt(0) !== word.charAt(0).toLowerCase());
}

/**
 * Sentence around [start, end): between the nearest sentence-ending `.`/`!`/`?` or a line break.
 * Checks find it with windowBounds (no sentence before or after), which reads the text's breaks
 * once for every match; this is its definition, which a property test holds windowBounds to.
 */
export function sentenceBounds(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0) {
    if (text.charCodeAt(from - 1) === 10 || endsSentence(text, from - 1)) break;
    from -= 1;
  }
  let to = end;
  while (to < text.length) {
    if (text.charCodeAt(to) === 10) break;
    if (endsSentence(text, to)) {
      to += 1;
      break;
    }
    to += 1;
  }
  return [from, to];
}

/**
 * Where each sentence ends, for windows of sentences: `2p` for a `.`/`!`/`?` at p that ends one
 * (the sentence keeps it), `2p + 1` for a line break at p (neither sentence keeps it); in text order.
 * Read once per check and searched by position, so a window costs no rescan of a long draft.
 */
export function sentenceBreaks(text: string): Int32Array {
  const breaks: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) breaks.push(2 * i + 1);
    else if ((c === 46 || c === 33 || c === 63) && endsSentence(text, i)) breaks.push(2 * i);
  }
  return Int32Array.from(breaks);
}

/** How many breaks lie before `offset`. */
function breaksBefore(breaks: Int32Array, offset: number): number {
  let low = 0;
  let high = breaks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (breaks[mid]! >> 1 < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

const SENTENCE_CONTENT = /[\p{L}\p{N}]/u;

/**
 * The sentence around [start, end) (as sentenceBounds finds it) and up to `before` sentences
 * before and `after` sentences after them. A sentence without a letter or digit (a blank line, a
 * row of emoji or dashes) is passed over without being counted.
 */
export function windowBounds(
  text: string,
  breaks: Int32Array,
  start: number,
  end: number,
  before: number,
  after: number,
): [number, number] {
  // Sentence i runs from just after break i-1 to break i (inclusive of a `.`, not of a line break).
  const from = (i: number) => (i === 0 ? 0 : (breaks[i - 1]! >> 1) + 1);
  const to = (i: number) =>
    i === breaks.length ? text.length : (breaks[i]! >> 1) + ((breaks[i]! & 1) === 1 ? 0 : 1);
  const counts = (i: number) => SENTENCE_CONTENT.test(text.slice(from(i), to(i)));
  let first = breaksBefore(breaks, start);
  for (let n = 0; n < before && first > 0; ) if (counts(--first)) n++;
  let last = breaksBefore(breaks, end);
  for (let n = 0; n < after && last < breaks.length; ) if (counts(++last)) n++;
  return [from(first), to(last)];
}
