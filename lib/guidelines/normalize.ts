import { stemmer as indonesianStem } from '@orama/stemmers/indonesian';
import type { Token } from './text-utils';

/**
 * Normalisation before matching (docs/guidelines.md § Normalisation), for `terms` rules with
 * `normalize: true`: the forms people use to slip a word past a filter — case, repeated letters
 * ("bangsaaat"), digits and symbols for letters ("g0bl0k", "b@bi"), letters spaced or dotted out
 * ("g o b l o k", "a.n.j.i.n.g"), look-alike letters from other scripts, and colloquial spellings
 * ("gblk", "anjg") — all map to one key per token. Tokens keep their original offsets, so findings
 * point at the text as written.
 */

/** Cyrillic and Greek letters that look like Latin ones, as used to dodge filters. */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  ո: 'n',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  ı: 'i',
};
/** Digits and symbols written for letters inside a word. */
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '6': 'g',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '€': 'e',
};
/** Symbols that may stand inside a word for a letter (the tokenizer splits at them). */
export const LEET_SYMBOLS = new Set(['@', '$', '!', '|', '€']);
/** Separators between letters written out one by one. */
const SPELL_SEPARATORS = /^[ .\-_*·]$/;

/** Colloquial spelling → standard word (colloquial.ts loads the shipped one; see docs/guidelines.md). */
export type ColloquialDictionary = ReadonlyMap<string, string>;
const NO_DICTIONARY: ColloquialDictionary = new Map();

const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT = /\d/;
const NON_ASCII = /[^ -~]/;

/**
 * Folded words seen so far: a caption's words repeat across drafts, so the batch path and the
 * sidebar fold each distinct word once. Bounded: cleared when it grows past MEMO_LIMIT entries.
 */
const MEMO_LIMIT = 50_000;
const folds = new WeakMap<ColloquialDictionary, Map<string, string>>();
const forms: Record<Exclude<FormMode, 'exact'>, Map<string, string>> = {
  clitics: new Map(),
  stem: new Map(),
};

function remember(memo: Map<string, string>, key: string, value: string): string {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** The normalised key of one lower-cased word: foldSpelling, then the colloquial dictionary. */
export function foldWord(word: string, dictionary: ColloquialDictionary = NO_DICTIONARY): string {
  let memo = folds.get(dictionary);
  if (!memo) {
    memo = new Map();
    folds.set(dictionary, memo);
  }
  const known = memo.get(word);
  if (known !== undefined) return known;
  const folded = foldSpelling(word);
  return remember(memo, word, dictionary.get(folded) ?? folded);
}

/** Case, look-alike letters, diacritics, digits for letters and repeated letters folded away. */
export function foldSpelling(word: string): string {
  let w = word;
  if (NON_ASCII.test(w)) {
    let out = '';
    for (const ch of w) out += HOMOGLYPHS[ch] ?? ch;
    // Full-width letters and diacritics: NFKD splits them into base letter + mark; marks go.
    w = out.normalize('NFKD').replace(/\p{M}+/gu, '');
  }
  if (HAS_DIGIT.test(w) && HAS_LETTER.test(w)) {
    // "anak2" is the written reduplication of "anak"; other digits inside a word stand for letters.
    if (/^\p{L}+2$/u.test(w)) w = w.slice(0, -1);
    else {
      let out = '';
      for (const ch of w) out += LEET[ch] ?? ch;
      w = out;
    }
  }
  // Repeated letters: "bangsaaat", "tolooool", "goblokk" — runs of one letter count once.
  return hasRepeat(w) ? w.replace(/(\p{L})\1+/gu, '$1') : w;
}

function hasRepeat(word: string): boolean {
  for (let i = 1; i < word.length; i++) if (word.charCodeAt(i) === word.charCodeAt(i - 1)) return true;
  return false;
}

/** Clitics and pronoun prefixes (-nya, -mu, -ku, -lah, -kah, -pun; ku-, kau-) around a base word. */
export function stripClitics(word: string): string {
  let w = word;
  const suffix = /(?:nya|mu|ku|lah|kah|pun)$/.exec(w);
  if (suffix && w.length - suffix[0].length >= 3) w = w.slice(0, -suffix[0].length);
  const prefix = /^(?:kau|ku)/.exec(w);
  if (prefix && w.length - prefix[0].length >= 3) w = w.slice(prefix[0].length);
  return w;
}

/** Snowball's Indonesian stemmer: prefixes, suffixes, confixes and particles ("dijualnya" → "jual"). */
export function stemWord(word: string): string {
  return indonesianStem(word);
}

export type FormMode = 'exact' | 'clitics' | 'stem';

/** The key of a normalised word for a rule's `forms` mode. */
export function formKey(folded: string, mode: FormMode): string {
  if (mode === 'exact') return folded;
  const memo = forms[mode];
  const known = memo.get(folded);
  if (known !== undefined) return known;
  return remember(memo, folded, mode === 'clitics' ? stripClitics(folded) : stemWord(folded));
}

function isSingleLetter(text: string, token: Token): boolean {
  return token.word && token.end - token.start === 1 && HAS_LETTER.test(text.charAt(token.start));
}

/**
 * The text's tokens with runs that spell one word joined into one token: three or more single
 * letters separated by one space, dot, dash, underscore or asterisk ("g o b l o k", "a.n.j.i.n.g"),
 * and letters glued to leet symbols ("b@bi", "a$u"). Keys are folded (see foldWord).
 */
export function normalizedTokens(
  text: string,
  tokens: readonly Token[],
  dictionary: ColloquialDictionary = NO_DICTIONARY,
): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    // Spelled out letter by letter.
    if (isSingleLetter(text, token)) {
      let j = i;
      let spelled = token.key;
      while (j + 1 < tokens.length) {
        const next = tokens[j + 1]!;
        const gap = text.slice(tokens[j]!.end, next.start);
        if (isSingleLetter(text, next) && gap.length === 1 && SPELL_SEPARATORS.test(gap)) {
          spelled += next.key;
          j += 1;
          continue;
        }
        // "a.n.j.i.n.g": the dots are tokens of their own, with no space around them.
        const after = tokens[j + 2];
        if (
          !next.word &&
          next.start === tokens[j]!.end &&
          SPELL_SEPARATORS.test(next.key) &&
          after &&
          after.start === next.end &&
          isSingleLetter(text, after)
        ) {
          spelled += after.key;
          j += 2;
          continue;
        }
        break;
      }
      if (spelled.length >= 3) {
        out.push({ start: token.start, end: tokens[j]!.end, key: foldWord(spelled, dictionary), word: true });
        i = j + 1;
        continue;
      }
    }
    // Letters glued to symbols that stand for letters: "b@bi", "4$u".
    if (token.word || LEET_SYMBOLS.has(token.key)) {
      let j = i;
      let glued = token.key;
      let symbols = !token.word;
      while (j + 1 < tokens.length) {
        const next = tokens[j + 1]!;
        if (next.start !== tokens[j]!.end || !(next.word || LEET_SYMBOLS.has(next.key))) break;
        if (!next.word) symbols = true;
        glued += next.key;
        j += 1;
      }
      // Trailing or leading symbols are punctuation ("goblok!"), not letters: trim them off.
      while (j > i && !tokens[j]!.word) {
        glued = glued.slice(0, -tokens[j]!.key.length);
        j -= 1;
      }
      symbols = symbols && token.word && [...glued].some((ch) => LEET_SYMBOLS.has(ch));
      if (symbols && j > i && HAS_LETTER.test(glued)) {
        let mapped = '';
        for (const ch of glued) mapped += LEET[ch] ?? ch;
        out.push({ start: token.start, end: tokens[j]!.end, key: foldWord(mapped, dictionary), word: true });
        i = j + 1;
        continue;
      }
    }
    out.push(token.word ? { ...token, key: foldWord(token.key, dictionary) } : token);
    i += 1;
  }
  return out;
}

/** Is [start, end) inside a quotation on its line ("…", “…”, «…»)? Quoted speech is reported speech. */
export function isQuoted(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  let open = 0;
  for (let i = lineStart; i < start; i++) {
    const c = text.charAt(i);
    if (c === '“' || c === '«') open += 1;
    else if ((c === '”' || c === '»') && open > 0) open -= 1;
    else if (c === '"') open = open > 0 ? open - 1 : open + 1;
  }
  if (open === 0) return false;
  for (let i = end; i < lineEnd; i++) {
    const c = text.charAt(i);
    if (c === '”' || c === '"' || c === '»') return true;
  }
  return false;
}
