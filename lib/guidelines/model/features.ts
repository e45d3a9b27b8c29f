/**
 * Text → hashed features for the abuse model. The trainer (scripts/train-abuse.ts) and the scorer
 * call this one function, so what the model learned is exactly what it sees when it scores a
 * draft. Pure: no DOM, no browser or Node API.
 *
 * Normalisation (each normalised word keeps the offsets of the original text it came from, so a
 * finding still points at what the admin typed):
 * - case; `@name` → "user", links → "url" (the training tweets have USER and URL in their place);
 * - digits inside a word read as letters ("g0bl0k" → "goblok", "4nj1ng" → "anjing");
 * - a letter repeated three or more times → once ("bangsaaat" → "bangsat");
 * - letters spelled out one by one ("g o b l o k", "a.n.j.i.n.g") → one word;
 * - colloquial and misspelled forms → the standard form through the slang dictionary.
 *
 * Features: word unigrams and bigrams, character 3–5-grams of each word (with word boundaries, so
 * a misspelling still shares most of its grams with the word), and one "lexicon" feature per word
 * of the abusive-word list. Every feature is hashed (FNV-1a, 32-bit) into 2^bits buckets; each
 * occurrence has the value 1/√n (n = the draft's feature count), which keeps a score additive over
 * words: the drivers of a score are the words whose features add the most to it.
 */

export interface NormalisationTables {
  /** Colloquial form → standard form (may be several words). */
  slang: ReadonlyMap<string, string>;
  /** Words of the abusive lexicon (standard forms). */
  lexicon: ReadonlySet<string>;
}

export interface FeatureOptions {
  hashBits: number;
  charMin: number;
  charMax: number;
}

/** One normalised word and the stretch of the original text it came from. */
export interface NormalWord {
  key: string;
  start: number;
  end: number;
}

/** Hashed features: bucket and the index of the word each came from (bigrams belong to both). */
export interface Features {
  words: NormalWord[];
  buckets: number[];
  /** Word index of each feature; a bigram appears twice, once for each of its words, at half value. */
  owners: number[];
  /** Value of each entry (1/√n, halved for the two halves of a bigram). */
  values: number[];
}

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
};

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;
const NON_ASCII_LETTER = /\p{L}/u;
const URL_START = /^(?:https?:\/\/|www\.)/i;

/** 1 = digit, 2 = letter, 0 = neither (ASCII by table, the rest by Unicode class). */
function charClass(c: number, text: string, i: number): number {
  if (c >= 97 && c <= 122) return 2;
  if (c >= 65 && c <= 90) return 2;
  if (c >= 48 && c <= 57) return 1;
  if (c < 128) return 0;
  const ch = text[i] as string;
  return NON_ASCII_WORD.test(ch) ? (NON_ASCII_LETTER.test(ch) ? 2 : 1) : 0;
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 160;

export interface RawWord {
  text: string;
  start: number;
  end: number;
}

/**
 * Words of the original text with their offsets: runs of letters and digits (with "@" and "$"
 * between two of them read as leetspeak, "b@bi"); a link is the word "url", a mention "user".
 */
export function rawWords(text: string): RawWord[] {
  const out: RawWord[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const prev = i > 0 ? charClass(text.charCodeAt(i - 1), text, i - 1) : 0;
    if (
      (c === 104 || c === 72 || c === 119 || c === 87) &&
      prev === 0 &&
      URL_START.test(text.slice(i, i + 8))
    ) {
      let j = i;
      while (j < n && !isSpace(text.charCodeAt(j))) j += 1;
      out.push({ text: 'url', start: i, end: j });
      i = j;
      continue;
    }
    if (c === 64 && prev === 0) {
      let j = i + 1;
      while (j < n && (charClass(text.charCodeAt(j), text, j) > 0 || text.charCodeAt(j) === 95)) j += 1;
      if (j > i + 1) {
        out.push({ text: 'user', start: i, end: j });
        i = j;
        continue;
      }
    }
    if (charClass(c, text, i) === 0) {
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (charClass(d, text, j) > 0) j += 1;
      else if ((d === 64 || d === 36) && j + 1 < n && charClass(text.charCodeAt(j + 1), text, j + 1) > 0)
        j += 2;
      else break;
    }
    out.push({ text: text.slice(i, j), start: i, end: j });
    i = j;
  }
  return out;
}

/** "g o b l o k", "a.n.j.i.n.g": three or more one-letter words close together become one word. */
function joinSpelledOut(words: RawWord[]): RawWord[] {
  let spelled = false;
  for (let k = 2; k < words.length && !spelled; k += 1)
    spelled =
      (words[k] as RawWord).text.length === 1 &&
      (words[k - 1] as RawWord).text.length === 1 &&
      (words[k - 2] as RawWord).text.length === 1;
  if (!spelled) return words;
  const out: RawWord[] = [];
  let i = 0;
  const single = (w: RawWord) => w.text.length === 1 && charClass(w.text.charCodeAt(0), w.text, 0) === 2;
  while (i < words.length) {
    let j = i;
    while (
      j < words.length &&
      single(words[j] as RawWord) &&
      (j === i || (words[j] as RawWord).start - (words[j - 1] as RawWord).end <= 2)
    )
      j += 1;
    if (j - i >= 3) {
      let joined = '';
      for (let k = i; k < j; k += 1) joined += (words[k] as RawWord).text;
      out.push({ text: joined, start: (words[i] as RawWord).start, end: (words[j - 1] as RawWord).end });
      i = j;
    } else {
      out.push(words[i] as RawWord);
      i += 1;
    }
  }
  return out;
}

/** One word's standard form(s): lowercase, leetspeak, repeated letters, then the slang dictionary. */
export function normaliseWord(word: string, tables: NormalisationTables): string {
  let key = word.toLowerCase();
  const direct = tables.slang.get(key);
  if (direct !== undefined) return direct;
  let letters = 0;
  let leet = 0;
  let triple = false;
  for (let i = 0; i < key.length; i += 1) {
    const c = key.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 64 || c === 36) leet += 1;
    else letters += 1;
    if (i >= 2 && c === key.charCodeAt(i - 1) && c === key.charCodeAt(i - 2)) triple = true;
  }
  if (letters === 0) return 'num';
  if (leet > 0) {
    let mapped = '';
    for (const ch of key) mapped += LEET[ch] ?? ch;
    key = mapped;
  }
  if (triple) key = key.replace(/(\p{L})\1{2,}/gu, '$1');
  if (leet === 0 && !triple) return key;
  return tables.slang.get(key) ?? key;
}

/** Bounded: cleared past this many distinct words (endless batch input must not grow it forever). */
const MEMO_LIMIT = 50_000;

/** Remembers `value` under a word in a per-word memo, clearing the memo once it holds MEMO_LIMIT words. */
export function rememberWord<V>(memo: Map<string, V>, word: string, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, value);
  return value;
}
/** Each table's words already normalised: drafts share most of their words. */
const normalised = new WeakMap<NormalisationTables, Map<string, string>>();

function memoOf(tables: NormalisationTables): Map<string, string> {
  let memo = normalised.get(tables);
  if (!memo) {
    memo = new Map();
    normalised.set(tables, memo);
  }
  return memo;
}

/** The normalised words of a text, each with the offsets of the original word it came from. */
export function normaliseText(text: string, tables: NormalisationTables): NormalWord[] {
  const out: NormalWord[] = [];
  const memo = memoOf(tables);
  for (const raw of joinSpelledOut(rawWords(text))) {
    let normal = memo.get(raw.text);
    if (normal === undefined) normal = rememberWord(memo, raw.text, normaliseWord(raw.text, tables));
    if (normal.indexOf(' ') < 0) {
      out.push({ key: normal, start: raw.start, end: raw.end });
    } else {
      for (const part of normal.split(' ')) if (part) out.push({ key: part, start: raw.start, end: raw.end });
    }
  }
  return out;
}

const FNV_PRIME = 16777619;

function fnvContinue(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** FNV-1a over UTF-16 code units, 32-bit, with a one-character namespace prefix. */
export function hashFeature(prefix: number, text: string): number {
  return fnvContinue(Math.imul(2166136261 ^ prefix, FNV_PRIME), text) >>> 0;
}

const P_WORD = 119; // w
const P_BIGRAM = 98; // b
const P_CHAR = 99; // c
const P_LEXICON = 108; // l
const CHAR_SEED = Math.imul(2166136261 ^ P_CHAR, FNV_PRIME);
const BIGRAM_SEED = Math.imul(2166136261 ^ P_BIGRAM, FNV_PRIME);

/** Where the lexicon feature goes (one bucket for every word of the list). */
export const lexiconBucket = (mask: number): number => hashFeature(P_LEXICON, '') & mask;

/** The hash state after a bigram's first word and the space: what every bigram it starts shares. */
export const bigramPrefix = (previous: string): number =>
  Math.imul(fnvContinue(BIGRAM_SEED, previous) ^ 32, FNV_PRIME);

/** The bigram of two consecutive normalised words, from the first one's bigramPrefix. */
export const bigramAfter = (prefix: number, key: string, mask: number): number =>
  (fnvContinue(prefix, key) >>> 0) & mask;

/** The bigram of two consecutive normalised words. */
export const bigramBucket = (previous: string, key: string, mask: number): number =>
  bigramAfter(bigramPrefix(previous), key, mask);

/** The character n-grams of "<key>", hashed incrementally: every n-gram starting at s in one pass. */
function visitCharGrams(key: string, options: FeatureOptions, mask: number, visit: (bucket: number) => void) {
  const { charMin, charMax } = options;
  const length = key.length + 2;
  for (let s = 0; s + charMin <= length; s += 1) {
    let h = CHAR_SEED;
    for (let e = s; e < length && e - s < charMax; e += 1) {
      const code = e === 0 ? 60 : e === length - 1 ? 62 : key.charCodeAt(e - 1);
      h = Math.imul(h ^ code, FNV_PRIME);
      if (e - s + 1 >= charMin) visit((h >>> 0) & mask);
    }
  }
}

/**
 * The features of one normalised word on its own, each of value 1: the word, the lexicon feature
 * when the word is listed, its character n-grams (everything but the bigrams).
 */
export function visitWordFeatures(
  key: string,
  lexicon: ReadonlySet<string>,
  options: FeatureOptions,
  visit: (bucket: number) => void,
): void {
  const mask = (1 << options.hashBits) - 1;
  visit(hashFeature(P_WORD, key) & mask);
  if (lexicon.has(key)) visit(lexiconBucket(mask));
  visitCharGrams(key, options, mask, visit);
}

/**
 * Calls `visit(bucket, word, half)` for every feature of the normalised words, in one fixed order
 * (word, lexicon, bigram with the previous word, character n-grams): the trainer, the scorer and
 * the drivers all walk the features through this function, and word-sums.ts adds up the same
 * features a word at a time through the same helpers.
 */
export function visitFeatures(
  words: readonly NormalWord[],
  lexicon: ReadonlySet<string>,
  options: FeatureOptions,
  visit: (bucket: number, word: number, half: boolean) => void,
): void {
  const mask = (1 << options.hashBits) - 1;
  const lexiconFeature = lexiconBucket(mask);
  for (let i = 0; i < words.length; i += 1) {
    const key = (words[i] as NormalWord).key;
    visit(hashFeature(P_WORD, key) & mask, i, false);
    if (lexicon.has(key)) visit(lexiconFeature, i, false);
    if (i > 0) {
      const bigram = bigramBucket((words[i - 1] as NormalWord).key, key, mask);
      visit(bigram, i - 1, true);
      visit(bigram, i, true);
    }
    visitCharGrams(key, options, mask, (bucket) => visit(bucket, i, false));
  }
}

export function extractFeatures(
  text: string,
  tables: NormalisationTables,
  options: FeatureOptions,
): Features {
  const words = normaliseText(text, tables);
  const buckets: number[] = [];
  const owners: number[] = [];
  const values: number[] = [];
  let count = 0;
  visitFeatures(words, tables.lexicon, options, (bucket, word, half) => {
    buckets.push(bucket);
    owners.push(word);
    values.push(half ? 0.5 : 1);
    count += half ? 0.5 : 1;
  });
  const unit = count > 0 ? 1 / Math.sqrt(count) : 0;
  for (let k = 0; k < values.length; k += 1) values[k] = (values[k] as number) * unit;
  return { words, buckets, owners, values };
}
