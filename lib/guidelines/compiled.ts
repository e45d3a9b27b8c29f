import type { AffixIndex } from './affix-lookup';
import type { LibraryRegex } from './library-regex';
import type { ColloquialDictionary, FormMode } from './normalize';
import type { Prefilter } from './prefilter';
import type { ContextCondition, Rule } from './schema';
import { tokenize } from './text-utils';
import type { AgencyLike, CheckContext, ExtraChecker, Finding, RuleOverrun } from './types';
import type { WordPass } from './word-pass';

/**
 * The shapes `compileRules` builds and `checkText` runs (docs/guidelines.md § How a check runs):
 * one token trie for every word-based rule, compiled regexes for the rest, and the per-session
 * regex budget state.
 */

/** Where a condition looks: a window of sentences `{before, after}` around the match's own, or the text. */
export type Scope = 'sentence' | 'text' | { readonly before: number; readonly after: number };

export interface CompiledContext {
  regexes: LibraryRegex[];
  within: Scope;
}

/** A rule's `unless` conditions as a list (it may give one condition or several). */
export function unlessConditions(rule: Rule): readonly ContextCondition[] {
  const unless = 'unless' in rule ? rule.unless : undefined;
  return unless === undefined ? [] : Array.isArray(unless) ? unless : [unless];
}

/** One phrase in the combined token trie. */
export interface TrieEntry {
  rule: number;
  type: 'term' | 'substitution' | 'exception' | 'capitalization';
  /** Exact tokens to compare when the rule is case-sensitive (or the canonical form for capitalisation). */
  exact?: string[];
  replacements?: string[];
  keepCase?: boolean;
}

export interface TrieNode {
  next?: Map<string, TrieNode>;
  entries?: TrieEntry[];
}

export interface CompiledRule {
  rule: Rule;
  /** Position in the rule set (the index into `active`, `spent` and the budget's `disabled`). */
  index: number;
  from: number;
  until: number;
  when?: CompiledContext;
  /** Each condition of the rule's `unless`, in its order (unlessConditions). */
  unless?: CompiledContext[];
  regexes: LibraryRegex[];
  trigger?: LibraryRegex[];
  /** A `required` rule's `anyOfWithin`, when it is not the whole text. */
  anyOfWithin?: Exclude<Scope, 'text'>;
  exceptions: Set<string>;
}

/** Per-rule time budget (docs/guidelines.md § Regex budget): state for the life of a compiled set. */
export interface RuleBudget {
  /** Milliseconds one rule may take on one text before it is disabled for the session. */
  readonly ms: number;
  readonly clock: () => number;
  /** 1 = disabled after an overrun, by rule index. */
  readonly disabled: Uint8Array;
  /** 1 = has run once (its regexes are compiled), by rule index. */
  readonly warm: Uint8Array;
  /** Overruns, each run within budget wiping a twentieth of one, by rule index. */
  readonly strikes: Float32Array;
  readonly overruns: RuleOverrun[];
  readonly onOverrun?: (overrun: RuleOverrun) => void;
}

/** The result of compileRules: opaque to callers, reusable across any number of checks. */
export interface CompiledRules {
  readonly rules: readonly Rule[];
  /** @internal */ readonly compiled: CompiledRule[];
  /** @internal */ readonly trie: TrieNode;
  /** @internal Affixed forms of substitution pairs, found at lookup time (affix-lookup.ts). */
  readonly affixes: AffixIndex;
  /** @internal Tries of normalised `terms` rules, by their `forms` mode (docs/guidelines.md § Normalisation). */
  readonly normTries: Partial<Record<FormMode, TrieNode>>;
  /** @internal */ readonly agencyTries: WeakMap<readonly AgencyLike[], TrieNode>;
  /** @internal */ readonly budget: RuleBudget;
  /** @internal */ readonly checkers: readonly ExtraChecker[];
  /** @internal */ readonly colloquial?: ColloquialDictionary;
  /** @internal Which regexes can match a text at all (prefilter.ts; batch path only). */
  readonly prefilter?: Prefilter;
  /** @internal Word lookups remembered across texts (word-pass.ts; batch path only). */
  readonly wordPass?: WordPass;
}

/** The state of one `checkText` call. */
export interface Run {
  text: string;
  ctx: CheckContext;
  active: Uint8Array;
  findings: Finding[];
  textContext: Map<CompiledContext, boolean>;
  compiled: CompiledRule[];
  /** Milliseconds each rule has taken on this text so far (regexes and context conditions). */
  spent: Float64Array;
  clock: () => number;
  prefilter?: Prefilter;
  /** From the prefilter: 1 at the slot of every regex that may match the text. */
  possible?: Uint8Array;
  /** The text's sentence breaks (text-utils.ts's sentenceBreaks), read when a window first needs them. */
  breaks?: Int32Array;
}

/** Is the rule in scope for this platform/field? */
export function inScope(entry: CompiledRule, ctx: Pick<CheckContext, 'platform' | 'field'>): boolean {
  const { scope } = entry.rule;
  if (scope.platforms && !scope.platforms.includes(ctx.platform)) return false;
  return !scope.fields || scope.fields.includes(ctx.field);
}

/** Is the rule in scope for this platform/field and valid at `now`? */
export function isActive(entry: CompiledRule, ctx: CheckContext, now: number): boolean {
  return inScope(entry, ctx) && now >= entry.from && now <= entry.until;
}

/** A phrase that is one run of word characters needs no tokenizer: most substitution forms are. */
const SINGLE_WORD = /^[\p{L}\p{M}\p{N}_]+$/u;

function phraseKeys(phrase: string): string[] {
  return SINGLE_WORD.test(phrase) ? [phrase.toLowerCase()] : tokenize(phrase).map((t) => t.key);
}

/** Adds a phrase to the trie; false when it has no characters to match. */
export function insertPhrase(root: TrieNode, phrase: string, entry: TrieEntry): boolean {
  return insertKeys(root, phraseKeys(phrase), entry);
}

/** Adds a phrase given as its token keys. */
export function insertKeys(root: TrieNode, keys: readonly string[], entry: TrieEntry): boolean {
  if (keys.length === 0) return false;
  let node = root;
  for (const key of keys) {
    node.next ??= new Map();
    let child = node.next.get(key);
    if (!child) {
      child = {};
      node.next.set(key, child);
    }
    node = child;
  }
  // A fresh [entry] rather than push onto []: push reserves room for 17 (~150 bytes), and most of
  // the thousands of nodes end one phrase.
  if (!node.entries) {
    node.entries = [entry];
    return true;
  }
  // One entry per rule and type at a node: the first (explicit) pair wins over generated forms. Entries
  // matched as written ("PJ Gubernur", "Pj Gubernur") share a node but are different forms: keep each.
  for (const e of node.entries) {
    if (e.rule === entry.rule && e.type === entry.type && sameForm(e.exact, entry.exact)) return true;
  }
  node.entries = [...node.entries, entry];
  return true;
}

function sameForm(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((token, i) => token === b[i]);
}

/** The tokens of a phrase as written (for case-sensitive comparison). */
export function exactTokens(phrase: string): string[] {
  return tokenize(phrase).map((t) => phrase.slice(t.start, t.end));
}
