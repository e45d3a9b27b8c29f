import { affixedPairs, SUFFIXES } from './affixes';
import type { TrieEntry } from './compiled';

/**
 * Affixed forms of substitution pairs found at lookup time instead of being stored (docs/guidelines.md
 * § Tokens and the trie). Every single-word pair of a rule with `affixes` has 72 affixed forms; kept in
 * the trie they cost most of the page's heap (a 249-pair spelling rule alone took ~10 MB). Here only the
 * bare wrong form is kept; a word of the draft is taken apart into the bases it could come from, and a
 * base that is a pair's wrong form is confirmed by generating that pair's forms (affixes.ts), so a word
 * matches exactly when it would have matched a stored form.
 */

export interface AffixedPair {
  rule: number;
  from: string;
  targets: string[];
}

export interface AffixIndex {
  /** Pairs by their bare wrong form. */
  readonly bases: Map<string, AffixedPair[]>;
  /** Generated wrong forms that are a correct form of some pair: never reported. */
  readonly skip: Set<string>;
  /** Answers per word, bounded: words repeat from one draft (and keystroke) to the next. */
  readonly cache: Map<string, TrieEntry[]>;
}

// Every literal beginning affixes.ts can put before a base (meN-/peN- with each nasal), with a first
// letter that meN-/peN- drop (k, p, t, s) put back; a base it could not come from is ruled out below.
const STARTS = 'di ter te ber be se ke per pe meng mem men meny me peng pem pen peny'.split(' ');
const CACHE_LIMIT = 20_000;

function possibleBases(word: string, bases: Map<string, AffixedPair[]>): Set<string> {
  const found = new Set<string>();
  for (const suffix of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, word.length - suffix.length);
    found.add(stem);
    for (const start of STARTS) {
      if (!stem.startsWith(start)) continue;
      const rest = stem.slice(start.length);
      for (const letter of ['', 'k', 'p', 't', 's']) found.add(letter + rest);
    }
  }
  for (const base of found) if (!bases.has(base)) found.delete(base);
  return found;
}

/** Substitution entries for `word` (a token's key) from affixed forms, one per rule. */
export function affixedEntries(index: AffixIndex, word: string): TrieEntry[] {
  let entries = index.cache.get(word);
  if (entries) return entries;
  entries = [];
  // A rule's stored entry for this word, or an earlier pair giving the same form, is reported first:
  // reportCandidates drops a rule's later match on the same span.
  for (const base of index.skip.has(word) ? [] : possibleBases(word, index.bases)) {
    for (const { rule, from, targets } of index.bases.get(base)!) {
      const f = affixedPairs(from, targets[0]!).findIndex(([wrong]) => wrong === word);
      if (f < 1) continue;
      const replacements = targets.map((to) => affixedPairs(from, to)[f]![1]);
      entries.push({ rule, type: 'substitution', replacements, keepCase: true });
    }
  }
  if (index.cache.size >= CACHE_LIMIT) index.cache.clear();
  index.cache.set(word, entries);
  return entries;
}
