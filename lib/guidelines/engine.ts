import { affixedPairs } from './affixes';
import { HASHTAG_PATTERN, MENTION_PATTERN, utf8Length, youtubeTagsLength } from './measure';
import { compileLibraryPattern, UnsafePatternError } from './safe-regex';
import type { ContextCondition, LimitRule, Rule, Severity } from './schema';
import { matchCase, sentenceBounds, type Token, tokenize } from './text-utils';
import {
  type AgencyLike,
  type CheckContext,
  type CheckResult,
  type FieldLimits,
  type Finding,
  type RuleProblem,
  RuleSetError,
  type Verdict,
} from './types';
import { hostOf, isAllowedHost, isAllowedPhone, isPlausibleNik, isPlausibleNpwp } from './validators';
import { endOf, startOf } from './validity';

/* ------------------------------------------------------------------ compiled shapes */

interface CompiledContext {
  regexes: RegExp[];
  within: 'sentence' | 'text';
}

/** One phrase in the combined token trie. */
interface TrieEntry {
  rule: number;
  type: 'term' | 'substitution' | 'exception' | 'capitalization';
  /** Exact tokens to compare when the rule is case-sensitive (or the canonical form for capitalisation). */
  exact?: string[];
  replacements?: string[];
  keepCase?: boolean;
}

interface TrieNode {
  next?: Map<string, TrieNode>;
  entries?: TrieEntry[];
}

interface CompiledRule {
  rule: Rule;
  from: number;
  until: number;
  when?: CompiledContext;
  unless?: CompiledContext;
  regexes: RegExp[];
  trigger?: RegExp[];
  exceptions: Set<string>;
}

/** The result of compileRules: opaque to callers, reusable across any number of checks. */
export interface CompiledRules {
  readonly rules: readonly Rule[];
  /** @internal */ readonly compiled: CompiledRule[];
  /** @internal */ readonly trie: TrieNode;
  /** @internal */ readonly agencyTries: WeakMap<readonly AgencyLike[], TrieNode>;
}

export interface CompileOptions {
  /** Run every rule's bad/good examples and reject the set if one fails (tests and `library build`). */
  checkExamples?: boolean;
}

/* ------------------------------------------------------------------ compile */

function dateBound(value: string | undefined, end: boolean): number {
  if (!value) return end ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  // The same validity rule as captions and approvals: a bare day is a day in WIB, ends included.
  return end ? endOf(value) : startOf(value);
}

/** A phrase that is one run of word characters needs no tokenizer: most substitution forms are. */
const SINGLE_WORD = /^[\p{L}\p{M}\p{N}_]+$/u;

function phraseKeys(phrase: string): string[] {
  return SINGLE_WORD.test(phrase) ? [phrase.toLowerCase()] : tokenize(phrase).map((t) => t.key);
}

function insert(root: TrieNode, phrase: string, entry: TrieEntry): boolean {
  const keys = phraseKeys(phrase);
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
  node.entries ??= [];
  // One entry per rule and type at a node: the first (explicit) pair wins over generated forms.
  for (const e of node.entries) if (e.rule === entry.rule && e.type === entry.type) return true;
  node.entries.push(entry);
  return true;
}

function exactTokens(phrase: string): string[] {
  return tokenize(phrase).map((t) => phrase.slice(t.start, t.end));
}

function asList(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

export function compileRules(rules: Rule[], options: CompileOptions = {}): CompiledRules {
  const problems: RuleProblem[] = [];
  const trie: TrieNode = {};
  const compiled: CompiledRule[] = [];
  const seen = new Set<string>();

  const pattern = (rule: Rule, source: string, caseSensitive: boolean, what: string): RegExp | undefined => {
    try {
      return compileLibraryPattern(source, caseSensitive, rule.kind === 'pattern' && rule.group ? 'd' : '');
    } catch (error) {
      const reason = error instanceof UnsafePatternError ? `unsafe regex: ${error.message}` : `invalid regex`;
      problems.push({ ruleId: rule.id, message: `${what} ${JSON.stringify(source)}: ${reason}` });
      return undefined;
    }
  };
  const context = (
    rule: Rule,
    condition: ContextCondition | undefined,
    what: string,
  ): CompiledContext | undefined => {
    if (!condition) return undefined;
    const regexes = condition.patterns
      .map((p) => pattern(rule, p, condition.caseSensitive, what))
      .filter((r): r is RegExp => r !== undefined);
    return { regexes, within: condition.within };
  };

  // Every correct form of every substitution pair: a generated (affixed) wrong form that happens to
  // be a correct word elsewhere is dropped instead of producing a false positive.
  const correctForms = new Set<string>();
  const formsOf = new Map<string, Array<[string, string]>>();
  const pairForms = (from: string, to: string, affixes: boolean): Array<[string, string]> => {
    if (!affixes) return [[from, to]];
    const key = `${from}\u0000${to}`;
    let forms = formsOf.get(key);
    if (!forms) {
      forms = affixedPairs(from, to);
      formsOf.set(key, forms);
    }
    return forms;
  };
  for (const rule of rules) {
    if (rule.kind !== 'substitution') continue;
    for (const pair of rule.pairs) {
      for (const from of asList(pair.from)) {
        for (const to of asList(pair.to)) {
          for (const [, right] of pairForms(from, to, rule.affixes)) correctForms.add(right.toLowerCase());
        }
      }
    }
  }

  rules.forEach((rule, index) => {
    if (seen.has(rule.id)) problems.push({ ruleId: rule.id, message: 'duplicate rule id' });
    seen.add(rule.id);
    const entry: CompiledRule = {
      rule,
      from: dateBound(rule.validFrom, false),
      until: dateBound(rule.validUntil, true),
      regexes: [],
      exceptions: new Set(),
    };
    if ('when' in rule) entry.when = context(rule, rule.when, 'when pattern');
    if ('unless' in rule) entry.unless = context(rule, rule.unless, 'unless pattern');

    switch (rule.kind) {
      case 'terms':
        for (const term of rule.terms) {
          const ok = insert(trie, term, {
            rule: index,
            type: 'term',
            exact: rule.caseSensitive ? exactTokens(term) : undefined,
          });
          if (!ok)
            problems.push({
              ruleId: rule.id,
              message: `term ${JSON.stringify(term)} has no characters to match`,
            });
        }
        for (const exception of rule.exceptions) insert(trie, exception, { rule: index, type: 'exception' });
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
            for (let f = 0; f < count; f++) {
              const wrong = forms[0]![f]![0];
              if (f > 0 && correctForms.has(wrong.toLowerCase())) continue;
              const ok = insert(trie, wrong, {
                rule: index,
                type: 'substitution',
                exact: rule.caseSensitive ? exactTokens(wrong) : undefined,
                replacements: forms.map((list) => list[f]![1]),
                keepCase: !rule.caseSensitive,
              });
              if (!ok)
                problems.push({
                  ruleId: rule.id,
                  message: `${JSON.stringify(from)} has no characters to match`,
                });
            }
          }
        }
        for (const exception of rule.exceptions) insert(trie, exception, { rule: index, type: 'exception' });
        break;
      case 'pattern':
        entry.regexes = rule.patterns
          .map((p) => pattern(rule, p, rule.caseSensitive, 'pattern'))
          .filter((r): r is RegExp => r !== undefined);
        for (const e of rule.exceptions) entry.exceptions.add(rule.caseSensitive ? e : e.toLowerCase());
        if (rule.validator === 'domain' && rule.allowDomains.length === 0) {
          // No built-in allow-list: the library's allowlists.domains still applies at check time.
        }
        break;
      case 'required':
        entry.regexes = rule.anyOf
          .map((p) => pattern(rule, p, rule.caseSensitive, 'anyOf pattern'))
          .filter((r): r is RegExp => r !== undefined);
        if (rule.trigger) {
          entry.trigger = rule.trigger
            .map((p) => pattern(rule, p, rule.caseSensitive, 'trigger pattern'))
            .filter((r): r is RegExp => r !== undefined);
        }
        break;
      case 'repetition':
        for (const e of rule.exceptions) entry.exceptions.add(e.toLowerCase());
        if (rule.mode === 'punctuation') {
          const chars = rule.chars.replace(/[\\\]^-]/g, '\\$&');
          entry.regexes = [new RegExp(`[${chars}]{${rule.min},}`, 'gu')];
        }
        break;
      case 'capitalization': {
        const names = [...rule.names];
        for (const head of rule.heads) for (const tail of rule.tails) names.push(`${head} ${tail}`);
        for (const name of names)
          insert(trie, name, { rule: index, type: 'capitalization', exact: exactTokens(name) });
        break;
      }
      case 'limit':
        break;
    }
    compiled.push(entry);
  });

  if (problems.length > 0) throw new RuleSetError(problems);
  const result: CompiledRules = { rules, compiled, trie, agencyTries: new WeakMap() };
  if (options.checkExamples) {
    const exampleProblems = checkRuleExamples(result);
    if (exampleProblems.length > 0) throw new RuleSetError(exampleProblems);
  }
  return result;
}

/** The context a rule's examples are checked in: its first platform/field, at its validFrom date. */
export function exampleContext(rule: Rule): CheckContext {
  const platform = rule.scope.platforms?.[0] ?? 'facebook';
  const field = rule.scope.fields?.[0] ?? (platform === 'youtube' ? 'description' : 'caption');
  const date = rule.validFrom ?? rule.validUntil;
  return { platform, field, lang: 'id', now: date ? new Date(date) : undefined };
}

function checkRuleExamples(compiledRules: CompiledRules): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const rule of compiledRules.rules) {
    const ctx = exampleContext(rule);
    for (const bad of rule.examples.bad) {
      const fired = checkText(compiledRules, bad, ctx).findings.some((f) => f.ruleId === rule.id);
      if (!fired)
        problems.push({ ruleId: rule.id, message: `bad example does not fire: ${JSON.stringify(bad)}` });
    }
    for (const good of rule.examples.good) {
      const fired = checkText(compiledRules, good, ctx).findings.find((f) => f.ruleId === rule.id);
      if (fired) {
        problems.push({
          ruleId: rule.id,
          message: `good example fires at ${JSON.stringify(good.slice(fired.start, fired.end))}: ${JSON.stringify(good)}`,
        });
      }
    }
  }
  return problems;
}

/* ------------------------------------------------------------------ check */

interface Run {
  text: string;
  ctx: CheckContext;
  active: Uint8Array;
  findings: Finding[];
  textContext: Map<CompiledContext, boolean>;
  compiled: CompiledRule[];
}

function isActive(entry: CompiledRule, ctx: CheckContext, now: number): boolean {
  const { scope } = entry.rule;
  if (scope.platforms && !scope.platforms.includes(ctx.platform)) return false;
  if (scope.fields && !scope.fields.includes(ctx.field)) return false;
  return now >= entry.from && now <= entry.until;
}

function anyMatch(regexes: RegExp[], text: string): boolean {
  for (const re of regexes) {
    re.lastIndex = 0;
    if (re.test(text)) return true;
  }
  return false;
}

function contextHolds(run: Run, condition: CompiledContext, start: number, end: number): boolean {
  if (condition.within === 'text') {
    let cached = run.textContext.get(condition);
    if (cached === undefined) {
      cached = anyMatch(condition.regexes, run.text);
      run.textContext.set(condition, cached);
    }
    return cached;
  }
  const [from, to] = sentenceBounds(run.text, start, end);
  return anyMatch(condition.regexes, run.text.slice(from, to));
}

/** Applies when/unless; true when the match at [start, end) should be reported. */
function contextAllows(run: Run, entry: CompiledRule, start: number, end: number): boolean {
  if (entry.when && !contextHolds(run, entry.when, start, end)) return false;
  if (entry.unless && contextHolds(run, entry.unless, start, end)) return false;
  return true;
}

function report(
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

interface Candidate {
  rule: number;
  start: number;
  end: number;
  /** Index of the first token of the match (the match spans tokens.length = entry phrase length). */
  token: number;
  entry: TrieEntry;
}

/** One pass over the tokens for every term, substitution, exception and official-name phrase. */
function scanTrie(root: TrieNode, text: string, tokens: Token[], active: Uint8Array, out: Candidate[]) {
  const rootNext = root.next;
  if (!rootNext) return;
  for (let i = 0; i < tokens.length; i++) {
    let node = rootNext.get(tokens[i]!.key);
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
      node = node.next.get(tokens[j]!.key);
    }
  }
}

function agencyTrie(
  compiledRules: CompiledRules,
  agencies: readonly AgencyLike[],
  ruleIndexes: number[],
): TrieNode {
  let trie = compiledRules.agencyTries.get(agencies);
  if (!trie) {
    trie = {};
    for (const index of ruleIndexes) {
      for (const agency of agencies) {
        insert(trie, agency.name, { rule: index, type: 'capitalization', exact: exactTokens(agency.name) });
      }
    }
    compiledRules.agencyTries.set(agencies, trie);
  }
  return trie;
}

function reportCandidates(run: Run, tokens: Token[], candidates: Candidate[]) {
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
    if (!contextAllows(run, entry, c.start, c.end)) continue;
    lastEnd.set(c.rule, c.end);
    const replacements =
      c.entry.type === 'substitution'
        ? c.entry.replacements?.map((r) => (c.entry.keepCase ? matchCase(original, r) : r))
        : undefined;
    report(run, entry, c.start, c.end, original, replacements);
  }
}

const agencyNameSets = new WeakMap<readonly AgencyLike[], { exact: Set<string>; lower: Set<string> }>();

/** Agency names and short names, built once per directory (the sidebar passes the same array each time). */
function agencyNameSet(
  agencies: readonly AgencyLike[] | undefined,
  caseSensitive: boolean,
): Set<string> | undefined {
  if (!agencies || agencies.length === 0) return undefined;
  let sets = agencyNameSets.get(agencies);
  if (!sets) {
    const names = agencies.flatMap((a) => [a.shortName, a.name]).filter((n) => n !== '');
    sets = { exact: new Set(names), lower: new Set(names.map((n) => n.toLowerCase())) };
    agencyNameSets.set(agencies, sets);
  }
  return caseSensitive ? sets.exact : sets.lower;
}

function checkPattern(run: Run, entry: CompiledRule) {
  const rule = entry.rule;
  if (rule.kind !== 'pattern') return;
  const { text, ctx } = run;
  const phones = [...(ctx.allowlists?.phones ?? []), ...(ctx.agency?.officialPhones ?? [])];
  const domains = [...rule.allowDomains, ...(ctx.allowlists?.domains ?? [])];
  const agencyNames = rule.allowAgencyNames ? agencyNameSet(ctx.agencies, rule.caseSensitive) : undefined;
  let lastEnd = -1;
  const spans: Array<[number, number, RegExpExecArray]> = [];
  for (const re of entry.regexes) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex += 1;
        continue;
      }
      let start = m.index;
      let end = m.index + m[0].length;
      if (rule.group) {
        const span = m.indices?.groups?.[rule.group];
        if (!span) continue;
        [start, end] = span;
      }
      spans.push([start, end, m]);
    }
  }
  if (entry.regexes.length > 1) spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  for (const [start, end, m] of spans) {
    if (start < lastEnd) continue;
    const value = text.slice(start, end);
    const key = rule.caseSensitive ? value : value.toLowerCase();
    if (entry.exceptions.has(key) || agencyNames?.has(key)) continue;
    switch (rule.validator) {
      case 'nik':
        if (!isPlausibleNik(value)) continue;
        break;
      case 'phone':
        if (isAllowedPhone(value, phones)) continue;
        break;
      case 'npwp':
        if (!isPlausibleNpwp(value)) continue;
        break;
      case 'domain':
        if (isAllowedHost(hostOf(value), domains)) continue;
        break;
      default:
        break;
    }
    if (!contextAllows(run, entry, start, end)) continue;
    lastEnd = end;
    const replacements = rule.replacements?.map((r) =>
      r.replace(/\$<(\w+)>/g, (_all, name: string) => m.groups?.[name] ?? ''),
    );
    report(run, entry, start, end, value, replacements);
  }
}

function hashtagPresent(text: string, tag: string): boolean {
  const wanted = tag.replace(/^#/, '').toLowerCase();
  HASHTAG_RE.lastIndex = 0;
  for (let m = HASHTAG_RE.exec(text); m !== null; m = HASHTAG_RE.exec(text)) {
    if (m[0].slice(1).toLowerCase() === wanted) return true;
  }
  return false;
}

function checkRequired(run: Run, entry: CompiledRule) {
  const rule = entry.rule;
  if (rule.kind !== 'required') return;
  const { text, ctx } = run;
  // Nothing typed yet: "missing" findings would only be noise.
  if (text.trim() === '') return;
  let at: [number, number] = [text.length, text.length];
  if (entry.trigger) {
    let found: [number, number] | undefined;
    for (const re of entry.trigger) {
      re.lastIndex = 0;
      const m = re.exec(text);
      if (m && (!found || m.index < found[0])) found = [m.index, m.index + m[0].length];
    }
    if (!found) return;
    at = found;
  }
  if (rule.agencyHashtags) {
    const lastLine = text.slice(text.lastIndexOf('\n') + 1).trim();
    const separator = lastLine.startsWith('#') ? ' ' : '\n\n';
    for (const tag of ctx.agency?.requiredHashtags ?? []) {
      if (hashtagPresent(text, tag)) continue;
      const shown = tag.startsWith('#') ? tag : `#${tag}`;
      report(run, entry, text.length, text.length, shown, [`${separator}${shown}`]);
    }
    if (entry.regexes.length === 0) return;
  }
  if (entry.regexes.length > 0 && !anyMatch(entry.regexes, text)) {
    report(
      run,
      entry,
      at[0],
      at[1],
      text.slice(at[0], at[1]),
      rule.suggestion ? [rule.suggestion] : undefined,
    );
  }
}

// Own copies of the shared patterns: this module drives them with lastIndex.
const HASHTAG_RE = new RegExp(HASHTAG_PATTERN);
const MENTION_RE = new RegExp(MENTION_PATTERN);
const EMOJI_RE =
  /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*/gu;
/** Every emoji is at or above U+00A9: a text made only of lower characters has none to count. */
const MAYBE_EMOJI = /[\u00A9-\u{10FFFF}]/u;

function segmentOf(text: string, segment: LimitRule['segment']): [number, number] | undefined {
  if (segment === 'all') return [0, text.length];
  const newline = text.indexOf('\n');
  if (segment === 'first-line') return [0, newline < 0 ? text.length : newline];
  return newline < 0 ? undefined : [newline + 1, text.length];
}

/** Items matched by `re` in [from, to): count and the span from the first excess item to the last item. */
function countItems(re: RegExp, text: string, from: number, to: number, max: number) {
  re.lastIndex = from;
  let count = 0;
  let excessStart = -1;
  let lastEnd = -1;
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    count += 1;
    if (count === Math.floor(max) + 1) excessStart = m.index;
    lastEnd = m.index + m[0].length;
  }
  return { count, span: [excessStart, lastEnd] as [number, number] };
}

function formatNumber(n: number, lang: string): string {
  return n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-US');
}

function checkLimit(run: Run, entry: CompiledRule) {
  const rule = entry.rule;
  if (rule.kind !== 'limit') return;
  const { text } = run;
  const segment = segmentOf(text, rule.segment);
  if (!segment) return;
  const [from, to] = segment;
  const fmt = (value: number) =>
    `${formatNumber(value, run.ctx.lang)}/${formatNumber(rule.max, run.ctx.lang)}`;
  switch (rule.measure) {
    case 'chars': {
      // Code points, not UTF-16 units: an emoji is one character in the platforms' counters.
      let count = 0;
      let overflowAt = -1;
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0xdc00 && c <= 0xdfff && i > from) {
          const prev = text.charCodeAt(i - 1);
          if (prev >= 0xd800 && prev <= 0xdbff) continue;
        }
        count += 1;
        if (count === rule.max + 1) overflowAt = i;
      }
      if (count > rule.max) report(run, entry, overflowAt, to, fmt(count));
      return;
    }
    case 'bytes': {
      const bytes = utf8Length(text.slice(from, to));
      if (bytes <= rule.max) return;
      let total = 0;
      let overflowAt = from;
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        const size =
          c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : c >= 0xdc00 && c <= 0xdfff ? 0 : 3;
        if (total + size > rule.max) {
          overflowAt = i;
          break;
        }
        total += size;
      }
      report(run, entry, overflowAt, to, fmt(bytes));
      return;
    }
    case 'hashtags':
    case 'mentions':
    case 'emoji': {
      const re =
        rule.measure === 'hashtags' ? HASHTAG_RE : rule.measure === 'mentions' ? MENTION_RE : EMOJI_RE;
      if (re === EMOJI_RE && !MAYBE_EMOJI.test(text)) return;
      const { count, span } = countItems(re, text, from, to, rule.max);
      if (count > rule.max) report(run, entry, span[0], span[1], fmt(count));
      return;
    }
    case 'tagChars': {
      const length = youtubeTagsLength(text.slice(from, to));
      if (length > rule.max) report(run, entry, from, to, fmt(length));
      return;
    }
    case 'lines': {
      let lines = 1;
      let overflowAt = -1;
      for (let i = from; i < to; i++) {
        if (text.charCodeAt(i) !== 10) continue;
        lines += 1;
        if (lines === rule.max + 1) overflowAt = i + 1;
      }
      if (lines > rule.max) report(run, entry, overflowAt, to, fmt(lines));
      return;
    }
    case 'capsRatio': {
      let letters = 0;
      let upper = 0;
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        // ASCII fast path; other letters are compared through their case mappings.
        if (c >= 65 && c <= 90) {
          letters += 1;
          upper += 1;
        } else if (c >= 97 && c <= 122) letters += 1;
        else if (c > 127 && c < 0xd800) {
          const ch = text.charAt(i);
          const lower = ch.toLowerCase();
          if (lower === ch.toUpperCase()) continue;
          letters += 1;
          if (ch !== lower) upper += 1;
        }
      }
      if (letters < rule.minLetters || upper / letters <= rule.max) return;
      report(run, entry, from, to, `${Math.round((upper / letters) * 100)}%`);
      return;
    }
  }
}

function checkRepetition(run: Run, entry: CompiledRule, tokens: Token[]) {
  const rule = entry.rule;
  if (rule.kind !== 'repetition') return;
  const { text } = run;
  if (rule.mode === 'punctuation') {
    const re = entry.regexes[0]!;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      report(run, entry, m.index, m.index + m[0].length, m[0], [m[0].charAt(0)]);
    }
    return;
  }
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]!;
    const cur = tokens[i]!;
    if (!cur.word || !prev.word || cur.key !== prev.key || !/\p{L}/u.test(cur.key)) continue;
    if (entry.exceptions.has(cur.key)) continue;
    const gap = text.slice(prev.end, cur.start);
    // Only words separated by spaces; a line break between them is a layout choice (list, heading).
    if (!/^[ \t\u00a0]+$/.test(gap)) continue;
    report(run, entry, prev.start, cur.end, text.slice(prev.start, cur.end), [
      text.slice(prev.start, prev.end),
    ]);
  }
}

const WEIGHT: Record<Severity, number> = { error: 30, warning: 8, suggestion: 2 };

/**
 * 100 minus a severity-weighted penalty: each finding costs 30 (error), 8 (warning) or 2
 * (suggestion), and one rule costs at most twice its weight, so a long text with one recurring
 * misspelling is not scored like a text with many different problems.
 */
export function scoreFindings(findings: readonly Finding[]): number {
  const perRule = new Map<string, { severity: Severity; count: number }>();
  for (const f of findings) {
    const current = perRule.get(f.ruleId);
    if (current) current.count += 1;
    else perRule.set(f.ruleId, { severity: f.severity, count: 1 });
  }
  let penalty = 0;
  for (const { severity, count } of perRule.values()) penalty += WEIGHT[severity] * Math.min(count, 2);
  return Math.max(0, 100 - penalty);
}

export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.severity === 'error')) return 'blocked';
  if (findings.some((f) => f.severity === 'warning')) return 'review';
  return 'ready';
}

/** Checks one text against a compiled rule set; pure, and cheap enough to run on every input event. */
export function checkText(compiledRules: CompiledRules, text: string, ctx: CheckContext): CheckResult {
  const { compiled } = compiledRules;
  const now = (ctx.now ?? new Date()).getTime();
  const active = new Uint8Array(compiled.length);
  const capitalizationAgencyRules: number[] = [];
  for (let i = 0; i < compiled.length; i++) {
    if (!isActive(compiled[i]!, ctx, now)) continue;
    active[i] = 1;
    const rule = compiled[i]!.rule;
    if (rule.kind === 'capitalization' && rule.agencies) capitalizationAgencyRules.push(i);
  }
  const run: Run = { text, ctx, active, findings: [], textContext: new Map(), compiled };
  const tokens = tokenize(text);
  const candidates: Candidate[] = [];
  scanTrie(compiledRules.trie, text, tokens, active, candidates);
  if (capitalizationAgencyRules.length > 0 && ctx.agencies && ctx.agencies.length > 0) {
    scanTrie(
      agencyTrie(compiledRules, ctx.agencies, capitalizationAgencyRules),
      text,
      tokens,
      active,
      candidates,
    );
  }
  reportCandidates(run, tokens, candidates);
  for (let i = 0; i < compiled.length; i++) {
    if (!active[i]) continue;
    const entry = compiled[i]!;
    switch (entry.rule.kind) {
      case 'pattern':
        checkPattern(run, entry);
        break;
      case 'required':
        checkRequired(run, entry);
        break;
      case 'limit':
        checkLimit(run, entry);
        break;
      case 'repetition':
        checkRepetition(run, entry, tokens);
        break;
      default:
        break;
    }
  }
  const findings = run.findings.sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
  return { verdict: verdictOf(findings), score: scoreFindings(findings), findings };
}

/**
 * The platform limits of a field for the sidebar's counters, from the `platform-limits` limit rules
 * that apply to the whole field (the smallest if several apply).
 */
export function limitsFor(
  compiledRules: CompiledRules,
  platform: CheckContext['platform'],
  field: CheckContext['field'],
  now = new Date(),
): FieldLimits {
  const limits: FieldLimits = {};
  const ctx: CheckContext = { platform, field, lang: 'id' };
  for (const entry of compiledRules.compiled) {
    const rule = entry.rule;
    if (rule.kind !== 'limit' || rule.category !== 'platform-limits' || rule.segment !== 'all') continue;
    if (!isActive(entry, ctx, now.getTime())) continue;
    if (
      rule.measure === 'chars' ||
      rule.measure === 'bytes' ||
      rule.measure === 'hashtags' ||
      rule.measure === 'mentions' ||
      rule.measure === 'tagChars'
    ) {
      const current = limits[rule.measure];
      limits[rule.measure] = current === undefined ? rule.max : Math.min(current, rule.max);
    }
  }
  return limits;
}
