import { affixedEntries } from './affix-lookup';
import type {
  CompiledContext,
  CompiledRule,
  CompiledRules,
  Run,
  Scope,
  TrieEntry,
  TrieNode,
} from './compiled';
import { exactTokens, insertPhrase } from './compiled';
import type { LibraryRegex } from './library-regex';
import { isQuoted } from './normalize';
import { matchCase, sentenceBreaks, type Token, windowBounds } from './text-utils';
import type { AgencyLike, Finding } from './types';
import type { WordKeys } from './word-pass';

/**
 * The word-based part of a check: one pass of the token trie over the text for every term,
 * substitution, exception and official-name phrase (docs/guidelines.md § How a check runs), plus
 * the helpers every check shares — context conditions and reporting a finding.
 */

/** May `re` match the run's text? False only when the prefilter knows it cannot. */
export function mayMatch(run: Run, pattern: LibraryRegex): boolean {
  const slot = run.prefilter?.slotOf.get(pattern);
  return slot === undefined || run.possible![slot] === 1;
}

/** Does one of `regexes` match `text` (the run's text or a part of it)? */
export function anyMatch(run: Run, regexes: readonly LibraryRegex[], text: string): boolean {
  for (const pattern of regexes) {
    if (!mayMatch(run, pattern)) continue;
    const { re } = pattern;
    re.lastIndex = 0;
    if (re.test(text)) return true;
  }
  return false;
}

/**
 * The part of the run's text a condition in `scope` reads around [start, end) (not for `text`):
 * `sentence` is the window of no sentence before or after, which is what sentenceBounds finds.
 */
export function scopeBounds(run: Run, scope: Exclude<Scope, 'text'>, start: number, end: number) {
  run.breaks ??= sentenceBreaks(run.text);
  const { before = 0, after = 0 } = scope === 'sentence' ? {} : scope;
  return windowBounds(run.text, run.breaks, start, end, before, after);
}

function contextHolds(run: Run, condition: CompiledContext, start: number, end: number): boolean {
  if (condition.within === 'text') {
    let cached = run.textContext.get(condition);
    if (cached === undefined) {
      cached = anyMatch(run, condition.regexes, run.text);
      run.textContext.set(condition, cached);
    }
    return cached;
  }
  const [from, to] = scopeBounds(run, condition.within, start, end);
  return anyMatch(run, condition.regexes, run.text.slice(from, to));
}

/** Applies when/unless; true when the match at [start, end) should be reported. Timed per rule. */
export function contextAllows(run: Run, entry: CompiledRule, start: number, end: number): boolean {
  if (!entry.when && !entry.unless) return true;
  const began = run.clock();
  const allowed =
    !(entry.when && !contextHolds(run, entry.when, start, end)) &&
    !entry.unless?.some((condition) => contextHolds(run, condition, start, end));
  run.spent[entry.index]! += run.clock() - began;
  return allowed;
}

export function report(
  run: Run,
  entry: CompiledRule,
  start: number,
  end: number,
  value: string,
  replacements?: string[],
) {
  const { rule } = entry;
  const shown = value.length > 80 ? `${value.slice(0, 77)}…` : value;
  const finding: Finding = {
    ruleId: rule.id,
    category: rule.category,
    severity: rule.severity,
    start,
    end,
    message: rule.message[run.ctx.lang].replaceAll('%s', shown),
  };
  if (replacements && replacements.length > 0) finding.replacements = replacements;
  run.findings.push(finding);
}

export interface Candidate {
  rule: number;
  start: number;
  end: number;
  /** Index of the first token of the match (the match spans tokens.length = entry phrase length). */
  token: number;
  entry: TrieEntry;
}

/**
 * One pass over the tokens for every term, substitution, exception and official-name phrase.
 * `words` (the batch path's word-pass.ts) give each token's key in trie number `trie` and the
 * node it starts at, looked up once per distinct word.
 */
export function scanTrie(
  root: TrieNode,
  text: string,
  tokens: Token[],
  active: Uint8Array,
  out: Candidate[],
  words?: readonly WordKeys[],
  trie = 0,
) {
  const rootNext = root.next;
  if (!rootNext) return;
  for (let i = 0; i < tokens.length; i++) {
    let node = words ? words[i]!.starts[trie] : rootNext.get(tokens[i]!.key);
    let j = i;
    while (node) {
      if (node.entries) {
        for (const entry of node.entries) {
          if (!active[entry.rule]) continue;
          if (entry.exact && entry.type !== 'capitalization') {
            let same = true;
            for (let k = 0; k < entry.exact.length && same; k++) {
              const t = tokens[i + k]!;
              same = text.slice(t.start, t.end) === entry.exact[k];
            }
            if (!same) continue;
          }
          out.push({ rule: entry.rule, start: tokens[i]!.start, end: tokens[j]!.end, token: i, entry });
        }
      }
      j += 1;
      if (j >= tokens.length || !node.next) break;
      node = node.next.get(words ? words[j]!.keys[trie]! : tokens[j]!.key);
    }
  }
}

/** The affixed forms of substitution pairs (affix-lookup.ts), one lookup per token. */
export function scanAffixed(
  compiledRules: CompiledRules,
  tokens: Token[],
  active: Uint8Array,
  out: Candidate[],
) {
  const { affixes } = compiledRules;
  if (affixes.bases.size === 0) return;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    for (const entry of affixedEntries(affixes, token.key)) {
      if (active[entry.rule])
        out.push({ rule: entry.rule, start: token.start, end: token.end, token: i, entry });
    }
  }
}

export function agencyTrie(
  compiledRules: CompiledRules,
  agencies: readonly AgencyLike[],
  ruleIndexes: number[],
): TrieNode {
  let trie = compiledRules.agencyTries.get(agencies);
  if (!trie) {
    trie = {};
    for (const index of ruleIndexes) {
      for (const agency of agencies) {
        insertPhrase(trie, agency.name, {
          rule: index,
          type: 'capitalization',
          exact: exactTokens(agency.name),
        });
      }
    }
    compiledRules.agencyTries.set(agencies, trie);
  }
  return trie;
}

export function reportCandidates(run: Run, tokens: Token[], candidates: Candidate[]) {
  if (candidates.length === 0) return;
  // Longest match first at each start; later matches of the same rule inside a reported one are dropped.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const exceptionSpans = new Map<number, Array<[number, number]>>();
  for (const c of candidates) {
    if (c.entry.type !== 'exception') continue;
    const list = exceptionSpans.get(c.rule) ?? [];
    list.push([c.start, c.end]);
    exceptionSpans.set(c.rule, list);
  }
  const lastEnd = new Map<number, number>();
  for (const c of candidates) {
    if (c.entry.type === 'exception') continue;
    if ((lastEnd.get(c.rule) ?? -1) > c.start) continue;
    const spans = exceptionSpans.get(c.rule);
    if (spans?.some(([s, e]) => s < c.end && c.start < e)) continue;
    const entry = run.compiled[c.rule]!;
    if ('skipHashtags' in entry.rule && entry.rule.skipHashtags && run.text.charAt(c.start - 1) === '#')
      continue;
    const original = run.text.slice(c.start, c.end);
    if (c.entry.type === 'capitalization') {
      // Headings in capitals are a style question, not a misspelt name.
      if (original === original.toUpperCase()) continue;
      const exact = c.entry.exact!;
      let same = true;
      for (let k = 0; k < exact.length && same; k++) {
        const t = tokens[c.token + k]!;
        same = run.text.slice(t.start, t.end) === exact[k];
      }
      if (same) continue;
      if (!contextAllows(run, entry, c.start, c.end)) continue;
      lastEnd.set(c.rule, c.end);
      report(run, entry, c.start, c.end, original, [
        exact
          .join(' ')
          .replace(/ ([,.)])/g, '$1')
          .replace(/\( /g, '('),
      ]);
      continue;
    }
    if (entry.rule.kind === 'terms' && entry.rule.unlessQuoted && isQuoted(run.text, c.start, c.end))
      continue;
    if (!contextAllows(run, entry, c.start, c.end)) continue;
    lastEnd.set(c.rule, c.end);
    const replacements =
      c.entry.type === 'substitution'
        ? c.entry.replacements?.map((r) => (c.entry.keepCase ? matchCase(original, r) : r))
        : undefined;
    report(run, entry, c.start, c.end, original, replacements);
  }
}
