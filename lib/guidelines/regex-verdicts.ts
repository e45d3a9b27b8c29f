import { unlessConditions } from './compiled';
import ledgerData from './regex-audit-ledger.json';
import type { Rule } from './schema';
import type { RuleProblem } from './types';

/**
 * The verdicts of the ReDoS audit (docs/guidelines.md § Regex budget): the shipped ledger, the ones
 * reached in this process and those a caller remembers, and the audit of a rule set against them.
 * recheck itself (~3 MB of JavaScript, ~90 ms to load) is regex-audit.ts's: a caller whose patterns
 * all have a verdict here never loads it (`check` with a library the ledger or its cache knows).
 */

/** What recheck concluded about one pattern. `degree` 2 = quadratic; `Infinity` = exponential. */
export type PatternVerdict =
  | { status: 'safe' }
  | { status: 'vulnerable'; degree: number; attack: string }
  | { status: 'unknown'; reason: string };

export type PatternAuditor = (source: string, flags: string) => PatternVerdict;

/**
 * Refused: exponential, or polynomial of degree 3 or more (recheck counts the scan over start
 * positions, so `\d+\d+z` is 3). Quadratic patterns pass: a caption is a few thousand characters at
 * most, and the runtime budget covers what slips through.
 */
export function isRefused(
  verdict: PatternVerdict,
): verdict is Extract<PatternVerdict, { status: 'vulnerable' }> {
  return verdict.status === 'vulnerable' && verdict.degree >= 3;
}

/** The key of a pattern in the ledger and the memo: its flags and source as written in the rule. */
export function auditKey(source: string, flags: string): string {
  return `${flags}/${source}`;
}

/** Verdicts of the shipped patterns, written by `npm run library:build` (scripts/audit-patterns.ts). */
interface Ledger {
  recheck: string;
  patterns: Record<string, PatternVerdict>;
}
const ledger = ledgerData as unknown as Ledger;

/** Verdicts reached in this process, so a re-sync of the same rules costs nothing. */
const memo = new Map<string, PatternVerdict>(Object.entries(ledger.patterns));
/** Those of them recheck reached here (not the ledger's), for a cache kept between runs. */
const reached = new Map<string, PatternVerdict>();

/** The verdicts recheck reached in this process, by auditKey. */
export function reachedVerdicts(): Record<string, PatternVerdict> {
  return Object.fromEntries(reached);
}

/** Verdicts reached by an earlier run (the CLI's cache), used like the ledger's. */
export function rememberVerdicts(verdicts: Record<string, PatternVerdict>): void {
  for (const [key, verdict] of Object.entries(verdicts)) if (!memo.has(key)) memo.set(key, verdict);
}

/** Every regex of a rule with the flags it is compiled with (`u`, plus `i` unless case-sensitive). */
export function rulePatterns(rule: Rule): Array<{ source: string; flags: string; what: string }> {
  const list: Array<{ source: string; flags: string; what: string }> = [];
  const add = (sources: readonly string[] | undefined, caseSensitive: boolean, what: string) => {
    for (const source of sources ?? []) list.push({ source, flags: caseSensitive ? 'u' : 'iu', what });
  };
  if ('when' in rule && rule.when) add(rule.when.patterns, rule.when.caseSensitive, 'when pattern');
  for (const unless of unlessConditions(rule)) add(unless.patterns, unless.caseSensitive, 'unless pattern');
  if (rule.kind === 'pattern') add(rule.patterns, rule.caseSensitive, 'pattern');
  if (rule.kind === 'required') {
    add(rule.anyOf, rule.caseSensitive, 'anyOf pattern');
    add(rule.trigger, rule.caseSensitive, 'trigger pattern');
  }
  return list;
}

export interface AuditOptions {
  auditor?: PatternAuditor;
  /** Skip the memo and the ledger (the ledger's own generation). */
  fresh?: boolean;
}

/** The verdict for one pattern: from the memo or ledger when known, else from recheck. */
export function auditPattern(source: string, flags: string, options: AuditOptions = {}): PatternVerdict {
  const key = auditKey(source, flags);
  const known = options.fresh ? undefined : memo.get(key);
  if (known) return known;
  if (!options.auditor)
    throw new Error(`no verdict for the pattern ${JSON.stringify(source)} and no auditor`);
  const verdict = options.auditor(source, flags);
  memo.set(key, verdict);
  if (!options.fresh) reached.set(key, verdict);
  return verdict;
}

/** How many of the rule set's patterns have no verdict yet (each needs an auditor: recheck). */
export function unauditedPatterns(rules: readonly Rule[]): number {
  let count = 0;
  for (const rule of rules)
    for (const { source, flags } of rulePatterns(rule)) if (!memo.has(auditKey(source, flags))) count += 1;
  return count;
}

/** Problems naming each rule with a pattern recheck refuses; empty when the set is within budget. */
export function auditRulePatterns(rules: readonly Rule[], options: AuditOptions = {}): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const rule of rules) {
    for (const { source, flags, what } of rulePatterns(rule)) {
      const verdict = auditPattern(source, flags, options);
      if (!isRefused(verdict)) continue;
      const growth = Number.isFinite(verdict.degree)
        ? `polynomial (degree ${verdict.degree})`
        : 'exponential';
      problems.push({
        ruleId: rule.id,
        message: `${what} ${JSON.stringify(source)} can take ${growth} time on a crafted text such as ${verdict.attack}: anchor it on something fixed first (docs/guidelines.md § Regex budget)`,
      });
    }
  }
  return problems;
}

/** The ledger's recheck version, for the freshness test. */
export const LEDGER_RECHECK_VERSION = ledger.recheck;
