import { checkPattern, checkRepetition, checkRequired } from './checks';
import { type CompileOptions, compileRuleSet } from './compile';
import { type CompiledRule, type CompiledRules, inScope, type Run } from './compiled';
import { checkLimit } from './limits';
import { type FormMode, formKey, normalizedTokens } from './normalize';
import { agencyTrie, type Candidate, reportCandidates, scanAffixed, scanTrie } from './scan';
import type { Rule } from './schema';
import { scoreFindings, verdictOf } from './score';
import { type Token, tokenize } from './text-utils';
import {
  type CheckContext,
  type CheckResult,
  type ExtraChecker,
  type Finding,
  type RuleKind,
  type RuleOverrun,
  type RuleProblem,
  RuleSetError,
} from './types';

/**
 * The guideline engine's entry points (docs/guidelines.md): compile a rule set once per library
 * version, then check any number of texts with it. Pure: no DOM, browser or Node API.
 */

export type { CompileOptions } from './compile';
export type { CompiledRules } from './compiled';
export { limitsFor } from './limits';
export { scoreFindings, verdictOf } from './score';

/** Compiles a rule set; throws RuleSetError naming every rule that cannot be used. */
export function compileRules(rules: Rule[], options: CompileOptions = {}): CompiledRules {
  const result = compileRuleSet(rules, options);
  if (options.checkExamples) {
    const problems = checkRuleExamples(result);
    if (problems.length > 0) throw new RuleSetError(problems);
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

/** Kinds with a check of their own; the others are found by the shared trie pass. */
const OWN_CHECK = new Set<RuleKind>(['pattern', 'required', 'limit', 'repetition']);
/** Kinds that run library regexes, the ones the budget times (limits and repetition are our code). */
const TIMED = new Set<RuleKind>(['pattern', 'required']);

/** What every check in one platform and field starts from, worked out once per compiled set. */
interface Plan {
  /** 1 for each rule whose scope covers the platform and field. */
  scoped: Uint8Array;
  /** The scoped rules with a validity period, each compared with the check's date. */
  dated: Int32Array;
  /** The scoped rules with a check of their own (OWN_CHECK), in rule order. */
  own: Int32Array;
  /** The scoped capitalisation rules that also look for the agencies' names. */
  capitalizationAgencyRules: number[];
}

const plans = new WeakMap<CompiledRules, Map<string, Plan>>();

function planFor(compiledRules: CompiledRules, ctx: CheckContext): Plan {
  let byContext = plans.get(compiledRules);
  if (!byContext) {
    byContext = new Map();
    plans.set(compiledRules, byContext);
  }
  const key = `${ctx.platform}\u0000${ctx.field}`;
  let plan = byContext.get(key);
  if (plan) return plan;
  const { compiled } = compiledRules;
  const scoped = new Uint8Array(compiled.length);
  const dated: number[] = [];
  const own: number[] = [];
  const capitalizationAgencyRules: number[] = [];
  compiled.forEach((entry, i) => {
    if (!inScope(entry, ctx)) return;
    scoped[i] = 1;
    if (entry.from !== Number.NEGATIVE_INFINITY || entry.until !== Number.POSITIVE_INFINITY) dated.push(i);
    if (OWN_CHECK.has(entry.rule.kind)) own.push(i);
    if (entry.rule.kind === 'capitalization' && entry.rule.agencies) capitalizationAgencyRules.push(i);
  });
  plan = { scoped, dated: Int32Array.from(dated), own: Int32Array.from(own), capitalizationAgencyRules };
  byContext.set(key, plan);
  return plan;
}

/** Each rule's regexes' prefilter slots (-1: always runs), once per compiled set, not a lookup per text. */
const slotLists = new WeakMap<CompiledRules, Int32Array[]>();

/** May one of a rule's regexes match (its slot always runs, or the prefilter found its literals)? */
function anyPossible(slots: Int32Array, possible: Uint8Array): boolean {
  for (let r = 0; r < slots.length; r++) if (slots[r]! < 0 || possible[slots[r]!] === 1) return true;
  return false;
}

/** Runs the rule's own check (the trie-based kinds were handled in the shared pass). */
function checkRule(run: Run, entry: CompiledRule, tokens: Token[], slots?: Int32Array) {
  switch (entry.rule.kind) {
    case 'pattern':
      return checkPattern(run, entry, slots);
    case 'required':
      return checkRequired(run, entry);
    case 'limit':
      return checkLimit(run, entry);
    case 'repetition':
      return checkRepetition(run, entry, tokens);
    default:
      return undefined;
  }
}

const FIRST_RUN_ALLOWANCE = 10;
const BUDGET_CHARS = 10_000;

/** Rules that took longer than the budget on this text are disabled for the rest of the session. */
function enforceBudget(compiledRules: CompiledRules, run: Run) {
  const { budget } = compiledRules;
  // Linear work grows with the text: past BUDGET_CHARS characters the budget grows with it (100 ms
  // per 10,000 characters, ~100× what a linear rule needs), so only super-linear rules overrun.
  const lengthFactor = Math.max(1, run.text.length / BUDGET_CHARS);
  for (let i = 0; i < run.spent.length; i++) {
    const ms = run.spent[i]!;
    if (ms === 0) continue;
    // A rule's first run also pays for compiling its regexes (V8 compiles them lazily), which on a
    // loaded machine can take longer than a check: it gets ten times the budget once.
    const allowed = (budget.warm[i] ? budget.ms : budget.ms * FIRST_RUN_ALLOWANCE) * lengthFactor;
    budget.warm[i] = 1;
    if (budget.disabled[i]) continue;
    // An overrun could be a pause of the machine (garbage collection, another process): a rule is
    // disabled on a second overrun close to the first (each run within budget wipes a twentieth of a
    // strike), or at once when it took over ten times what it was allowed.
    if (ms <= allowed) {
      if (budget.strikes[i]! > 0) budget.strikes[i] = Math.max(0, budget.strikes[i]! - 0.05);
      continue;
    }
    budget.strikes[i]! += 1;
    if (budget.strikes[i]! < 2 && ms <= allowed * 10) continue;
    budget.disabled[i] = 1;
    const overrun: RuleOverrun = { ruleId: compiledRules.rules[i]!.id, ms, textLength: run.text.length };
    budget.overruns.push(overrun);
    budget.onOverrun?.(overrun);
  }
}

/** Rules disabled in this session because a check overran the budget (for health reports and the CLI). */
export function ruleOverruns(compiledRules: CompiledRules): readonly RuleOverrun[] {
  return compiledRules.budget.overruns;
}

/** The normalised pass: each `forms` mode's trie over the normalised tokens' keys in that mode. */
function scanNormalized(
  compiledRules: CompiledRules,
  text: string,
  tokens: Token[],
  active: Uint8Array,
  candidates: Candidate[],
) {
  const modes = Object.keys(compiledRules.normTries) as FormMode[];
  if (modes.length === 0) return;
  const normalized = normalizedTokens(text, tokens, compiledRules.colloquial);
  for (const mode of modes) {
    const keyed =
      mode === 'exact'
        ? normalized
        : normalized.map((t) =>
            t.word ? { start: t.start, end: t.end, key: formKey(t.key, mode), word: true } : t,
          );
    scanTrie(compiledRules.normTries[mode]!, text, keyed, active, candidates);
  }
}

function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Runs the extra checkers on a text, adding their findings to `findings` (the rules' so far). */
export function runCheckers(
  checkers: readonly ExtraChecker[],
  text: string,
  ctx: CheckContext,
  findings: Finding[],
): void {
  for (const checker of checkers) findings.push(...checker(text, ctx, findings));
}

/** A result from findings in any order: sorted by position, scored, given a verdict. */
export function resultOf(findings: Finding[]): CheckResult {
  const sorted = findings.sort(byPosition);
  return { verdict: verdictOf(sorted), score: scoreFindings(sorted), findings: sorted };
}

/**
 * Adds findings made elsewhere (the models, run in the background for the sidebar) to a result:
 * the same findings, order, score and verdict as when checkText ran those checkers itself.
 */
export function withFindings(result: CheckResult, extra: readonly Finding[]): CheckResult {
  return extra.length === 0 ? result : resultOf([...result.findings, ...extra]);
}

/** Checks one text against a compiled rule set; pure, and cheap enough to run on every input event. */
export function checkText(compiledRules: CompiledRules, text: string, ctx: CheckContext): CheckResult {
  const { compiled, budget } = compiledRules;
  const now = (ctx.now ?? new Date()).getTime();
  // In scope (isActive), valid now, and not disabled by the budget.
  const plan = planFor(compiledRules, ctx);
  const active = plan.scoped.slice();
  for (const i of plan.dated) if (now < compiled[i]!.from || now > compiled[i]!.until) active[i] = 0;
  if (budget.overruns.length > 0)
    for (let i = 0; i < active.length; i++) if (budget.disabled[i]) active[i] = 0;
  const capitalizationAgencyRules = plan.capitalizationAgencyRules.filter((i) => active[i] === 1);
  const run: Run = {
    text,
    ctx,
    active,
    findings: [],
    textContext: new Map(),
    compiled,
    spent: new Float64Array(compiled.length),
    clock: budget.clock,
  };
  if (compiledRules.prefilter) {
    run.prefilter = compiledRules.prefilter;
    run.possible = compiledRules.prefilter.scan(text);
  }
  const tokens = tokenize(text);
  const candidates: Candidate[] = [];
  const words = compiledRules.wordPass?.(tokens);
  scanTrie(compiledRules.trie, text, tokens, active, candidates, words?.words, 0);
  scanAffixed(compiledRules, tokens, active, candidates);
  if (capitalizationAgencyRules.length > 0 && ctx.agencies && ctx.agencies.length > 0) {
    const trie = agencyTrie(compiledRules, ctx.agencies, capitalizationAgencyRules);
    scanTrie(trie, text, tokens, active, candidates);
  }
  if (!words?.scanNormalized(text, tokens, active, candidates))
    scanNormalized(compiledRules, text, tokens, active, candidates);
  reportCandidates(run, tokens, candidates);
  const { possible, prefilter } = run;
  let slots = slotLists.get(compiledRules);
  if (!slots && prefilter) {
    slots = compiled.map((entry) => Int32Array.from(entry.regexes, (re) => prefilter.slotOf.get(re) ?? -1));
    slotLists.set(compiledRules, slots);
  }
  for (const i of plan.own) {
    if (!active[i]) continue;
    const kind = compiled[i]!.rule.kind;
    if (!TIMED.has(kind)) {
      checkRule(run, compiled[i]!, tokens);
      continue;
    }
    // A pattern rule none of whose regexes can match (prefilter) has nothing to report or time.
    if (kind === 'pattern' && possible && !anyPossible(slots![i]!, possible)) continue;
    const began = budget.clock();
    checkRule(run, compiled[i]!, tokens, slots?.[i]);
    run.spent[i]! += budget.clock() - began;
  }
  enforceBudget(compiledRules, run);
  runCheckers(compiledRules.checkers, text, ctx, run.findings);
  return resultOf(run.findings);
}
