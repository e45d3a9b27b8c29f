import type { CompiledRules, TrieNode } from './compiled';
import { type FormMode, foldWord, formKey, LEET_SYMBOLS } from './normalize';
import { type Candidate, scanTrie } from './scan';
import type { Token } from './text-utils';

/**
 * The batch path's word lookups (docs/guidelines.md § Batch prefilter): each distinct token is
 * looked up once — its key in the main trie and in every normalised mode's trie, and the node each
 * trie starts at — and remembered, so a token costs one map lookup instead of a fold, a form and a
 * lookup per trie. Captions share most of their words, so nearly every token is already known.
 *
 *   compileRules(rules, { wordPass: buildWordPass })
 *
 * Opt-in like the prefilter: the CLI uses it; the content script leaves it out (its size budget).
 */

/** A token's key in each trie (main first, then the normalised modes) and where that trie starts. */
export interface WordKeys {
  keys: string[];
  starts: Array<TrieNode | undefined>;
}

/** Each token's remembered keys and start nodes (index t: the main trie first, then each mode's). */
export interface WordLookups {
  words: WordKeys[];
  /** False when the text has letters spelled out or leet symbols: normalisation joins tokens. */
  plain: boolean;
  /**
   * Scans the normalised tries with the remembered keys (the engine's scanNormalized, for a plain
   * text); false when the text is not plain and needs the general normalisation.
   */
  scanNormalized(text: string, tokens: Token[], active: Uint8Array, out: Candidate[]): boolean;
}

export type WordPass = (tokens: readonly Token[]) => WordLookups;

const SINGLE_LETTER = /^\p{L}$/u;

/** Bounded like the normaliser's memo: cleared past this many distinct tokens. */
const MEMO_LIMIT = 50_000;

export function buildWordPass(
  compiledRules: Pick<CompiledRules, 'trie' | 'normTries' | 'colloquial'>,
): WordPass {
  const { trie, normTries, colloquial } = compiledRules;
  const modes = Object.keys(normTries) as FormMode[];
  const tries = [trie, ...modes.map((mode) => normTries[mode]!)];
  // Words and other tokens apart: a key alone does not say which kind of token it came from.
  const memos = [new Map<string, WordKeys>(), new Map<string, WordKeys>()];

  const lookup = (token: Token): WordKeys => {
    const memo = memos[token.word ? 0 : 1]!;
    let known = memo.get(token.key);
    if (known) return known;
    const keys = [token.key];
    // The normalised tokens of a plain text are its tokens with word keys folded (normalize.ts).
    const folded = token.word ? foldWord(token.key, colloquial) : token.key;
    for (const mode of modes) keys.push(token.word ? formKey(folded, mode) : folded);
    known = { keys, starts: tries.map((t, i) => t.next?.get(keys[i]!)) };
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(token.key, known);
    return known;
  };

  return (tokens) => {
    // One remembered entry per token, shared by every trie's scan (no per-trie copies of keys).
    const words: WordKeys[] = new Array(tokens.length);
    let plain = true;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      // What normalizedTokens would join: single letters ("g o b l o k") and leet symbols ("b@bi").
      if (
        token.word
          ? token.end - token.start === 1 && SINGLE_LETTER.test(token.key)
          : LEET_SYMBOLS.has(token.key)
      )
        plain = false;
      words[i] = lookup(token);
    }
    return {
      words,
      plain,
      scanNormalized(text, tokens, active, out) {
        if (!plain) return false;
        for (let t = 1; t < tries.length; t++) scanTrie(tries[t]!, text, tokens, active, out, words, t);
        return true;
      },
    };
  };
}
