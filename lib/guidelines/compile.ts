import type { AffixIndex } from './affix-lookup';
import { affixedPairs } from './affixes';
import { type CompileMemo, remembered } from './compile-memo';
import {
  type CompiledContext,
  type CompiledRule,
  type CompiledRules,
  exactTokens,
  insertKeys,
  insertPhrase,
  type TrieNode,
  unlessConditions,
} from './compiled';
import { LibraryRegex } from './library-regex';
import { type ColloquialDictionary, type FormMode, foldWord, formKey, normalizedTokens } from './normalize';
import type { Prefilter } from './prefilter';
import { compileLibraryPattern, toSafeUnicodePattern, UnsafePatternError } from './safe-regex';
import type { ContextCondition, Rule } from './schema';
import { type Token, tokenize } from './text-utils';
import { type ExtraChecker, type RuleOverrun, type RuleProblem, RuleSetError } from './types';
import { endOf, startOf } from './validity';
import type { WordPass } from './word-pass';

export interface CompileOptions {
  /** Run every rule's bad/good examples and reject the set if one fails (tests and `library build`). */
  checkExamples?: boolean;
  /**
   * Milliseconds one rule may take on one text before it is disabled for the rest of the session
   * (docs/guidelines.md § Regex budget). Default 100.
   */
  budgetMs?: number;
  /** Called once per rule that overruns its budget (the CLI prints it, the extension reports it). */
  onOverrun?: (overrun: RuleOverrun) => void;
  /** Milliseconds since an arbitrary origin; tests pass a fake clock. */
  clock?: () => number;
  /** Checks that are not library rules, e.g. a model's scorer (docs/guidelines.md § Extra checkers). */
  checkers?: readonly ExtraChecker[];
  /** Colloquial spellings for normalised rules (colloquial.ts; docs/guidelines.md § Normalisation). */
  colloquial?: ColloquialDictionary;
  /**
   * Builds the regex prefilter (prefilter.ts's buildPrefilter; docs/guidelines.md § Batch
   * prefilter). Passed in rather than imported so the content script does not carry it.
   */
  prefilter?: (compiled: readonly CompiledRule[], memo?: CompileMemo) => Prefilter;
  /**
   * Analyses of the pattern sources from an earlier compile (compile-memo.ts), used instead of
   * redoing them and added to; the CLI's start-up. The result is the same with or without it.
   */
  memo?: CompileMemo;
  /**
   * Make each library regex the first time a check needs it (library-regex.ts): the page, where
   * the prefilter rules out most of them for any one draft. The findings are the same either way.
   */
  lazyRegexes?: boolean;
  /** Builds the remembered word lookups (word-pass.ts's buildWordPass), likewise passed in. */
  wordPass?: (compiled: Pick<CompiledRules, 'trie' | 'normTries' | 'colloquial'>) => WordPass;
}

export const DEFAULT_BUDGET_MS = 100;

/**
 * The default clock, made out here: an arrow made inside compileRuleSet would keep that call's whole
 * closure context alive with the compiled set (its options, and through the prefilter callback the
 * page's pattern-literal table, ~1 MB).
 */
const performanceClock = () => performance.now();

function dateBound(value: string | undefined, end: boolean): number {
  if (!value) return end ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  // The same validity rule as captions and approvals: a bare day is a day in WIB, ends included.
  return end ? endOf(value) : startOf(value);
}

function asList(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

/** Every wrong → right form of one pair: the pair itself, or all its affixed forms. */
function pairFormsCache() {
  const formsOf = new Map<string, Array<[string, string]>>();
  const forms = (from: string, to: string, affixes: boolean): Array<[string, string]> => {
    if (!affixes) return [[from, to]];
    const key = `${from}\u0000${to}`;
    let found = formsOf.get(key);
    if (!found) {
      found = affixedPairs(from, to);
      formsOf.set(key, found);
    }
    return found;
  };
  return { forms, clear: () => formsOf.clear() };
}

/** Compiles a rule set without running its examples (engine.ts's compileRules adds that). */
export function compileRuleSet(rules: Rule[], options: CompileOptions = {}): CompiledRules {
  const problems: RuleProblem[] = [];
  const trie: TrieNode = {};
  const normTries: Partial<Record<FormMode, TrieNode>> = {};
  const compiled: CompiledRule[] = [];
  const seen = new Set<string>();

  const { memo } = options;
  const rewrite = memo
    ? (source: string) => remembered(memo.rewrites, source, () => toSafeUnicodePattern(source))
    : undefined;
  const pattern = (
    rule: Rule,
    source: string,
    caseSensitive: boolean,
    what: string,
  ): LibraryRegex | undefined => {
    try {
      const extraFlags = rule.kind === 'pattern' && rule.group ? 'd' : '';
      // Made either way, to refuse an unsafe or invalid pattern now rather than at its first check.
      const re = compileLibraryPattern(source, caseSensitive, extraFlags, rewrite);
      return new LibraryRegex(source, caseSensitive, extraFlags, options.lazyRegexes ? undefined : re);
    } catch (error) {
      const reason = error instanceof UnsafePatternError ? `unsafe regex: ${error.message}` : `invalid regex`;
      problems.push({ ruleId: rule.id, message: `${what} ${JSON.stringify(source)}: ${reason}` });
      return undefined;
    }
  };
  const patterns = (rule: Rule, sources: string[], caseSensitive: boolean, what: string): LibraryRegex[] =>
    sources
      .map((p) => pattern(rule, p, caseSensitive, what))
      .filter((r): r is LibraryRegex => r !== undefined);
  const context = (rule: Rule, condition: ContextCondition, what: string): CompiledContext => ({
    regexes: patterns(rule, condition.patterns, condition.caseSensitive, what),
    within: condition.within,
  });

  // Every correct form of every substitution pair: a generated (affixed) wrong form that happens to
  // be a correct word elsewhere is dropped instead of producing a false positive.
  const pairCache = pairFormsCache();
  const pairForms = pairCache.forms;
  const affixes: AffixIndex = { bases: new Map(), skip: new Set(), cache: new Map() };
  const correctForms = new Set<string>();
  for (const rule of rules) {
    if (rule.kind !== 'substitution') continue;
    for (const pair of rule.pairs)
      for (const from of asList(pair.from))
        for (const to of asList(pair.to))
          for (const [, right] of pairForms(from, to, rule.affixes)) correctForms.add(right.toLowerCase());
  }

  rules.forEach((rule, index) => {
    if (seen.has(rule.id)) problems.push({ ruleId: rule.id, message: 'duplicate rule id' });
    seen.add(rule.id);
    const entry: CompiledRule = {
      rule,
      index,
      from: dateBound(rule.validFrom, false),
      until: dateBound(rule.validUntil, true),
      regexes: [],
      exceptions: new Set(),
    };
    if ('when' in rule && rule.when) entry.when = context(rule, rule.when, 'when pattern');
    const unless = unlessConditions(rule);
    if (unless.length > 0)
      entry.unless = unless.map((condition) => context(rule, condition, 'unless pattern'));
    const noCharacters = (what: string) =>
      problems.push({ ruleId: rule.id, message: `${JSON.stringify(what)} has no characters to match` });

    switch (rule.kind) {
      case 'terms':
        if (rule.normalize) {
          normTries[rule.forms] ??= {};
          const trie = normTries[rule.forms]!;
          // A phrase keys exactly as a draft's text does (its hyphens and punctuation kept as tokens),
          // so "malu-maluin" or "100% valid" finds itself; the words-only keys it had before stay too,
          // so "siap-siap saja" still finds "siap siap saja".
          const keysOf = (phrase: string) => {
            const tokens = tokenize(phrase);
            const key = (t: Token) => (t.word ? formKey(t.key, rule.forms) : t.key);
            const asDraft = normalizedTokens(phrase, tokens, options.colloquial).map(key);
            const words = tokens
              .filter((t) => t.word)
              .map((t) => formKey(foldWord(t.key, options.colloquial), rule.forms));
            return asDraft.join(' ') === words.join(' ') ? [asDraft] : [asDraft, words];
          };
          // One entry object per rule and type, shared by its thousands of phrases (read-only).
          const shared = {
            term: { rule: index, type: 'term' },
            exception: { rule: index, type: 'exception' },
          } as const;
          const insertAll = (phrase: string, type: 'term' | 'exception') =>
            keysOf(phrase).every((keys) => insertKeys(trie, keys, shared[type]));
          for (const term of rule.terms) if (!insertAll(term, 'term')) noCharacters(term);
          for (const exception of rule.exceptions) insertAll(exception, 'exception');
          break;
        }
        for (const term of rule.terms) {
          const exact = rule.caseSensitive ? exactTokens(term) : undefined;
          if (!insertPhrase(trie, term, { rule: index, type: 'term', exact })) noCharacters(term);
        }
        for (const exception of rule.exceptions)
          insertPhrase(trie, exception, { rule: index, type: 'exception' });
        break;
      case 'substitution':
        for (const pair of rule.pairs) {
          const targets = asList(pair.to);
          for (const from of asList(pair.from)) {
            if (!rule.caseSensitive && targets.some((to) => to.toLowerCase() === from.toLowerCase())) {
              problems.push({
                ruleId: rule.id,
                message: `substitution ${JSON.stringify(from)} replaces a word with itself`,
              });
              continue;
            }
            const forms = targets.map((to) => pairForms(from, to, rule.affixes));
            const count = forms[0]?.length ?? 0;
            // Affixed forms of a case-insensitive pair are found at lookup time (affix-lookup.ts).
            const lookedUp = count > 1 && !rule.caseSensitive;
            if (lookedUp) {
              const pair = { rule: index, from, targets };
              affixes.bases.set(from, [...(affixes.bases.get(from) ?? []), pair]);
            }
            for (let f = 0; f < count; f++) {
              const wrong = forms[0]![f]![0];
              if (f > 0 && correctForms.has(wrong.toLowerCase())) {
                if (lookedUp) affixes.skip.add(wrong);
                continue;
              }
              if (f > 0 && lookedUp) continue;
              const ok = insertPhrase(trie, wrong, {
                rule: index,
                type: 'substitution',
                exact: rule.caseSensitive ? exactTokens(wrong) : undefined,
                replacements: forms.map((list) => list[f]![1]),
                keepCase: !rule.caseSensitive,
              });
              if (!ok) noCharacters(from);
            }
          }
        }
        for (const exception of rule.exceptions)
          insertPhrase(trie, exception, { rule: index, type: 'exception' });
        break;
      case 'pattern':
        // A `domain` rule with no allowDomains still honours the library's allowlists at check time.
        entry.regexes = patterns(rule, rule.patterns, rule.caseSensitive, 'pattern');
        for (const e of rule.exceptions) entry.exceptions.add(rule.caseSensitive ? e : e.toLowerCase());
        break;
      case 'required':
        entry.regexes = patterns(rule, rule.anyOf, rule.caseSensitive, 'anyOf pattern');
        if (rule.trigger) entry.trigger = patterns(rule, rule.trigger, rule.caseSensitive, 'trigger pattern');
        if (rule.anyOfWithin !== 'text') entry.anyOfWithin = rule.anyOfWithin;
        break;
      case 'repetition':
        for (const e of rule.exceptions) entry.exceptions.add(e.toLowerCase());
        if (rule.mode === 'punctuation') {
          const chars = rule.chars.replace(/[\\\]^-]/g, '\\$&');
          entry.regexes = [LibraryRegex.of(new RegExp(`[${chars}]{${rule.min},}`, 'gu'))];
        }
        break;
      case 'capitalization': {
        const names = [...rule.names];
        for (const head of rule.heads) for (const tail of rule.tails) names.push(`${head} ${tail}`);
        for (const name of names)
          insertPhrase(trie, name, { rule: index, type: 'capitalization', exact: exactTokens(name) });
        break;
      }
      case 'limit':
        break;
    }
    compiled.push(entry);
  });

  // Emptied, not just dropped: V8 keeps this function's closure context (and so these tables, every
  // affixed form of every pair, ~2 MB) alive through the closures made here and the compiled result.
  pairCache.clear();
  correctForms.clear();
  if (problems.length > 0) throw new RuleSetError(problems);
  return {
    rules,
    compiled,
    trie,
    affixes,
    normTries,
    agencyTries: new WeakMap(),
    budget: {
      ms: options.budgetMs ?? DEFAULT_BUDGET_MS,
      clock: options.clock ?? performanceClock,
      disabled: new Uint8Array(compiled.length),
      warm: new Uint8Array(compiled.length),
      strikes: new Float32Array(compiled.length),
      overruns: [],
      onOverrun: options.onOverrun,
    },
    checkers: options.checkers ?? [],
    colloquial: options.colloquial,
    prefilter: options.prefilter?.(compiled, memo),
    wordPass: options.wordPass?.({ trie, normTries, colloquial: options.colloquial }),
  };
}
