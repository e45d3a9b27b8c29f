/**
 * Span heads of the draft classifier: a per-word logistic tagger whose draft score is its best short
 * run of words. Personal data is a named or identifiable person next to a sensitive detail ("Ibu
 * Rosmala (41) … patah tulang panggul"); the same detail without a person ("tiga warga luka bakar") is
 * fine. A head over the whole draft or over three sentences dilutes that clause or fires on the detail
 * alone; a tagger reads each word with its neighbours and the person cues around it, and a run of k
 * words can hold the name and the detail together. Pure: no DOM, browser or Node API.
 */
import type { DraftsSpanSpec } from './drafts-types';
import { hashFeature, type NormalWord, rememberWord, visitWordFeatures } from './features';

/** How a span head reads each word (its run length `k` aside). */
export type SpanFeatureSpec = Omit<DraftsSpanSpec, 'k'>;

/** Honorifics and titles that make the next word a person (normalised, lowercase, no dots). */
const HONORIFICS = new Set([
  'ibu',
  'bu',
  'bapak',
  'pak',
  'sdr',
  'sdri',
  'saudara',
  'saudari',
  'ny',
  'nyonya',
  'tn',
  'tuan',
  'an',
  'almarhum',
  'almarhumah',
  'alm',
  'mbak',
  'mas',
  'kakek',
  'nenek',
  'pasien',
  'korban',
  'inisial',
]);

/**
 * Words that make the person nearby a child: an identified child with the same details is child
 * protection, not personal data (the corpus labels it so), and most of the tagger's wrong findings
 * on unread writers were such drafts.
 */
const CHILD_WORDS = new Set([
  'anak',
  'siswa',
  'siswi',
  'murid',
  'pelajar',
  'balita',
  'bayi',
  'bocah',
  'dek',
  'adik',
  'ananda',
  'remaja',
  'cucu',
  'sd',
  'sdn',
  'smp',
  'smpn',
  'paud',
  'tk',
]);

// Feature namespaces (the heads' own word, lexicon, bigram and char features keep theirs).
const P_LEFT = 1; // neighbour words: P_LEFT + offset, offsets 1..context
const P_RIGHT = 17;
const P_SHAPE = 33;
const P_NEAR = 34;
const P_PAIR_LEFT = 35;
const P_PAIR_RIGHT = 36;
const P_CHILD = 37;

const SHAPE_NAMES = [
  'cap',
  'caps',
  'cap1',
  'num2',
  'num',
  'alnum',
  'ageMinor',
  'age',
  'afterHonorific',
  'honorific',
  'paren',
] as const;
type ShapeName = (typeof SHAPE_NAMES)[number];
/**
 * Each shape's hashes, on the word itself and on a neighbour d words left or right (d ≤ 4, the most
 * the schema allows): computed once, not per word.
 */
const SHAPE_HASHES = Object.fromEntries(
  SHAPE_NAMES.map((name) => [
    name,
    {
      self: hashFeature(P_SHAPE, name),
      left: [0, 1, 2, 3, 4].map((d) => hashFeature(P_SHAPE, `${name}@-${d}`)),
      right: [0, 1, 2, 3, 4].map((d) => hashFeature(P_SHAPE, `${name}@+${d}`)),
    },
  ]),
) as Record<ShapeName, { self: number; left: number[]; right: number[] }>;

/**
 * A word's hashes as a neighbour (left at d = 1…4: slots 0–3, right: 4–7) and marked near a person (8)
 * or a child (9), unmasked: the same for every head, so computed once per distinct word.
 */
const NEAR_ANY = hashFeature(P_NEAR, '');
const CHILD_ANY = hashFeature(P_CHILD, '');
const keyHashes = new Map<string, Uint32Array>();
function hashesOf(key: string): Uint32Array {
  const known = keyHashes.get(key);
  if (known) return known;
  const out = new Uint32Array(10);
  for (let d = 1; d <= 4; d += 1) {
    out[d - 1] = hashFeature(P_LEFT + d, key);
    out[d + 3] = hashFeature(P_RIGHT + d, key);
  }
  out[8] = hashFeature(P_NEAR, key);
  out[9] = hashFeature(P_CHILD, key);
  return rememberWord(keyHashes, key, out);
}

const UPPER = /^\p{Lu}/u;
const LOWER = /\p{Ll}/u;

// The shapes' tests run on every word of every draft: ASCII is answered from char codes, anything else
// by the Unicode regexes (the same answers: among ASCII only A–Z are \p{Lu} and only a–z are \p{Ll}).
/** `UPPER.test(raw)`. */
function startsUpper(raw: string): boolean {
  const c = raw.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(raw);
}
/** `LOWER.test(raw)`. */
function hasLower(raw: string): boolean {
  for (let i = 0; i < raw.length; i += 1) {
    const c = raw.charCodeAt(i);
    if (c >= 128) return LOWER.test(raw);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}
/** `/\d/.test(raw)`: ASCII digits only, as `\d` without the u flag. */
function hasDigit(raw: string): boolean {
  for (let i = 0; i < raw.length; i += 1) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Cheap shapes of one word as written (its raw text and the characters around it). */
function shapesOf(text: string, word: NormalWord, previousKey: string | undefined): ShapeName[] {
  const raw = text.slice(word.start, word.end);
  const out: ShapeName[] = [];
  if (startsUpper(raw)) out.push(hasLower(raw) ? 'cap' : raw.length > 1 ? 'caps' : 'cap1');
  if (hasDigit(raw)) out.push(/^\d+$/.test(raw) ? (raw.length <= 2 ? 'num2' : 'num') : 'alnum');
  const before = text[word.start - 1];
  const after = text[word.end];
  if (before === '(' && after === ')' && /^\d{1,3}$/.test(raw))
    out.push(Number(raw) < 18 ? 'ageMinor' : 'age');
  if (previousKey !== undefined && HONORIFICS.has(previousKey)) out.push('afterHonorific');
  if (HONORIFICS.has(word.key)) out.push('honorific');
  // Inside parentheses: an opening bracket since the last closing one, within 40 characters (a
  // bounded look back: lastIndexOf over a long draft would make every word cost the whole text).
  for (let at = word.start - 1; at >= Math.max(0, word.start - 40); at -= 1) {
    const c = text.charCodeAt(at);
    if (c === 40) out.push('paren');
    if (c === 40 || c === 41) break;
  }
  return out;
}

/**
 * Each word's cue: 1 a person (an honorific, the capitalised word after one, an adult's age "(41)"),
 * 2 a child (a word of CHILD_WORDS, an age under 18), 0 none. Read off the words' shapes, which
 * already hold every one of those tests.
 */
function personCues(words: readonly NormalWord[], shapes: readonly ShapeName[][]): Uint8Array {
  const cue = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i += 1) {
    const s = shapes[i] as ShapeName[];
    if (CHILD_WORDS.has((words[i] as NormalWord).key) || s.includes('ageMinor')) cue[i] = 2;
    else if (
      s.includes('honorific') ||
      s.includes('age') ||
      (s.includes('afterHonorific') && (s.includes('cap') || s.includes('caps') || s.includes('cap1')))
    )
      cue[i] = 1;
  }
  return cue;
}

/**
 * Calls `visit(word, bucket)` for every feature of every word, in word order (all of word 0's, then
 * word 1's, …): the word's own features as the heads hash them (word, character grams), its
 * neighbours' words position-marked, the pairs it forms with the words either side, its shapes and
 * its neighbours' shapes, and, when a person cue lies within `personReach` words, the word again
 * marked "near a person". With `own`, a word's own features are not visited but `own(word, key)`
 * called instead (the scorer adds them up once per distinct word).
 */
export function visitSpanFeatures(
  text: string,
  words: readonly NormalWord[],
  spec: SpanFeatureSpec,
  visit: (word: number, bucket: number) => void,
  own?: (word: number, key: string) => void,
): void {
  const mask = (1 << spec.hashBits) - 1;
  const lexicon: ReadonlySet<string> = new Set();
  const shapes = words.map((w, i) => shapesOf(text, w, words[i - 1]?.key));
  const cues = spec.personReach > 0 ? personCues(words, shapes) : null;
  // Running counts of each cue, so "a cue within reach" is one difference per word.
  const persons = new Int32Array(words.length + 1);
  const children = new Int32Array(words.length + 1);
  if (cues)
    for (let i = 0; i < words.length; i += 1) {
      persons[i + 1] = (persons[i] as number) + (cues[i] === 1 ? 1 : 0);
      children[i + 1] = (children[i] as number) + (cues[i] === 2 ? 1 : 0);
    }
  // Each word's neighbour and cue hashes looked up once, not once per use.
  const hashes = words.map((w) => hashesOf(w.key));
  const start = hashesOf('<s>');
  const end = hashesOf('</s>');
  for (let i = 0; i < words.length; i += 1) {
    const key = (words[i] as NormalWord).key;
    const mine = hashes[i] as Uint32Array;
    if (own) own(i, key);
    else visitWordFeatures(key, lexicon, spec, (bucket) => visit(i, bucket));
    for (let d = 1; d <= spec.context; d += 1) {
      const left = words[i - d];
      const right = words[i + d];
      visit(i, ((left ? (hashes[i - d] as Uint32Array) : start)[d - 1] as number) & mask);
      visit(i, ((right ? (hashes[i + d] as Uint32Array) : end)[d + 3] as number) & mask);
      for (const s of shapes[i - d] ?? []) visit(i, (SHAPE_HASHES[s].left[d] as number) & mask);
      for (const s of shapes[i + d] ?? []) visit(i, (SHAPE_HASHES[s].right[d] as number) & mask);
    }
    const left = words[i - 1];
    const right = words[i + 1];
    if (left) visit(i, hashFeature(P_PAIR_LEFT, `${left.key} ${key}`) & mask);
    if (right) visit(i, hashFeature(P_PAIR_RIGHT, `${key} ${right.key}`) & mask);
    for (const s of shapes[i] as ShapeName[]) visit(i, SHAPE_HASHES[s].self & mask);
    if (cues) {
      const from = Math.max(0, i - spec.personReach);
      const to = Math.min(words.length, i + spec.personReach + 1);
      if ((persons[to] as number) - (persons[from] as number) > 0) {
        visit(i, NEAR_ANY & mask);
        visit(i, (mine[8] as number) & mask);
      }
      if ((children[to] as number) - (children[from] as number) > 0) {
        visit(i, CHILD_ANY & mask);
        visit(i, (mine[9] as number) & mask);
      }
    }
  }
}

/** The best run of `k` words by mean word score (the whole text when shorter): its mean and [from, to). */
export function bestSpan(scores: ArrayLike<number>, k: number): { score: number; from: number; to: number } {
  const n = scores.length;
  if (n === 0) return { score: 0, from: 0, to: 0 };
  const width = Math.min(k, n);
  let sum = 0;
  for (let i = 0; i < width; i += 1) sum += scores[i] as number;
  let best = sum;
  let from = 0;
  for (let i = width; i < n; i += 1) {
    sum += (scores[i] as number) - (scores[i - width] as number);
    if (sum > best) {
      best = sum;
      from = i - width + 1;
    }
  }
  return { score: best / width, from, to: from + width };
}

/** Per span head's weights, each distinct word's own features summed once: drafts share most words. */
const ownMemos = new WeakMap<Int8Array, Map<string, readonly [number, number]>>();
function ownMemoOf(weights: Int8Array): Map<string, readonly [number, number]> {
  let memo = ownMemos.get(weights);
  if (!memo) {
    memo = new Map();
    ownMemos.set(weights, memo);
  }
  return memo;
}

/**
 * A span head's logit for every word: its bias plus the sum of its features' int8 weights times
 * `scale`, each feature valued 1/√(the word's feature count), as the trainer's rows are.
 */
export function spanWordLogits(
  text: string,
  words: readonly NormalWord[],
  head: { bias: number; scale: number; span: { spec: SpanFeatureSpec; weights: Int8Array } },
): Float64Array {
  const sums = new Float64Array(words.length);
  const counts = new Float64Array(words.length);
  const { weights, spec } = head.span;
  const memo = ownMemoOf(weights);
  const lexicon: ReadonlySet<string> = new Set();
  visitSpanFeatures(
    text,
    words,
    spec,
    (word, bucket) => {
      sums[word] = (sums[word] as number) + (weights[bucket] as number);
      counts[word] = (counts[word] as number) + 1;
    },
    (word, key) => {
      let known = memo.get(key);
      if (known === undefined) {
        let sum = 0;
        let count = 0;
        visitWordFeatures(key, lexicon, spec, (bucket) => {
          sum += weights[bucket] as number;
          count += 1;
        });
        known = rememberWord(memo, key, [sum, count] as const);
      }
      sums[word] = (sums[word] as number) + known[0];
      counts[word] = (counts[word] as number) + known[1];
    },
  );
  for (let i = 0; i < words.length; i += 1) {
    const n = counts[i] as number;
    sums[i] = head.bias + (n > 0 ? ((sums[i] as number) * head.scale) / Math.sqrt(n) : 0);
  }
  return sums;
}
