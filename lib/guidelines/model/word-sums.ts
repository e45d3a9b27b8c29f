import {
  bigramAfter,
  bigramPrefix,
  type FeatureOptions,
  type NormalWord,
  rememberWord,
  visitWordFeatures,
} from './features';

/**
 * The linear models' sums, a word at a time. A head's logit is bias + scale · Σ w·v / √n over the
 * text's hashed features (features.ts). Every weight is an int8 and every value 1 or ½, so each
 * partial sum is a multiple of ½ far below 2^53: added in any order, the total is the same number
 * to the last bit. So the features a word has on its own (the word, the lexicon feature, its
 * character n-grams) are added up once per distinct word and remembered; only the bigrams are
 * hashed for each pair. Scores are exactly those of walking every feature (visitFeatures).
 */

export interface WordSums {
  /**
   * Adds what the features of `words` give each head into `sums` (index = head) and returns their
   * total value (n).
   */
  add(words: readonly NormalWord[], sums: Float64Array): number;
  /**
   * The same sums as running totals, for windows of words: `totals[i · (heads + 1) + h]` is what
   * words 0…i−1 give head h (bigrams within them included; column `heads` is their count), and
   * `joins` in the same layout what the bigram of words i−1 and i gives (zero for i = 0). Words
   * [a, b) give `totals[b] − totals[a] − joins[a]`, exactly (every partial sum is an integer).
   */
  cumulative(words: readonly NormalWord[]): { totals: Float64Array; joins: Float64Array };
}

/** One per weight array: a model's weights come with its own heads, lexicon and feature options. */
const byWeights = new WeakMap<Int8Array, WordSums>();

/**
 * `weights[bucket · heads + h]` is head h's int8 weight for a bucket (the drafts model's layout; a
 * single head's dense weights with heads = 1). Made once per weight array and then reused, so each
 * word's sums are remembered across texts.
 */
export function wordSums(
  weights: Int8Array,
  heads: number,
  lexicon: ReadonlySet<string>,
  options: FeatureOptions,
): WordSums {
  let made = byWeights.get(weights);
  if (!made) {
    made = makeWordSums(weights, heads, lexicon, options);
    byWeights.set(weights, made);
  }
  return made;
}

function makeWordSums(
  weights: Int8Array,
  heads: number,
  lexicon: ReadonlySet<string>,
  options: FeatureOptions,
): WordSums {
  const mask = (1 << options.hashBits) - 1;
  /** Per word: each head's sum over the word's own features, their count, its bigramPrefix. */
  const memo = new Map<string, Float64Array>();
  const ownSums = (key: string): Float64Array => {
    const known = memo.get(key);
    if (known) return known;
    const entry = new Float64Array(heads + 2);
    visitWordFeatures(key, lexicon, options, (bucket) => {
      const base = bucket * heads;
      for (let h = 0; h < heads; h += 1) entry[h] = (entry[h] as number) + (weights[base + h] as number);
      entry[heads] = (entry[heads] as number) + 1;
    });
    entry[heads + 1] = bigramPrefix(key);
    return rememberWord(memo, key, entry);
  };
  return {
    add(words, sums) {
      let total = 0;
      let previous: Float64Array | undefined;
      for (let i = 0; i < words.length; i += 1) {
        const key = (words[i] as NormalWord).key;
        const own = ownSums(key);
        for (let h = 0; h < heads; h += 1) sums[h] = (sums[h] as number) + (own[h] as number);
        total += own[heads] as number;
        if (previous) {
          // The bigram counts half for each of its two words: once in all, at full weight.
          const base = bigramAfter(previous[heads + 1] as number, key, mask) * heads;
          for (let h = 0; h < heads; h += 1) sums[h] = (sums[h] as number) + (weights[base + h] as number);
          total += 1;
        }
        previous = own;
      }
      return total;
    },
    cumulative(words) {
      const width = heads + 1;
      const totals = new Float64Array((words.length + 1) * width);
      const joins = new Float64Array(words.length * width);
      let previous: Float64Array | undefined;
      for (let i = 0; i < words.length; i += 1) {
        const key = (words[i] as NormalWord).key;
        const own = ownSums(key);
        const at = i * width;
        const next = at + width;
        for (let h = 0; h < heads; h += 1) totals[next + h] = (totals[at + h] as number) + (own[h] as number);
        totals[next + heads] = (totals[at + heads] as number) + (own[heads] as number);
        if (previous) {
          const base = bigramAfter(previous[heads + 1] as number, key, mask) * heads;
          for (let h = 0; h < heads; h += 1) {
            joins[at + h] = weights[base + h] as number;
            totals[next + h] = (totals[next + h] as number) + (weights[base + h] as number);
          }
          joins[at + heads] = 1;
          totals[next + heads] = (totals[next + heads] as number) + 1;
        }
        previous = own;
      }
      return { totals, joins };
    },
  };
}
