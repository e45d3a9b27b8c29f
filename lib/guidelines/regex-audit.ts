import { checkSync } from 'recheck';
import {
  type AuditOptions,
  auditRulePatterns as auditWith,
  type PatternAuditor,
  type PatternVerdict,
  auditPattern as verdictFor,
} from './regex-verdicts';
import type { Rule } from './schema';
import type { RuleProblem } from './types';

/**
 * The ReDoS checker of the regex budget (docs/guidelines.md § Regex budget): every regex of a rule
 * set goes through `recheck`, which proves exponential and polynomial backtracking by automata
 * analysis and fuzzing. Runs where bundles are built, signed, verified and loaded — Node and the
 * background — never in the content script (recheck is ~3 MB; this module is not in index.ts).
 * The verdicts (ledger, memo, refusal) are regex-verdicts.ts's; this module adds recheck as the
 * auditor of patterns they do not know.
 */

export {
  type AuditOptions,
  auditKey,
  isRefused,
  LEDGER_RECHECK_VERSION,
  type PatternAuditor,
  type PatternVerdict,
  reachedVerdicts,
  rememberVerdicts,
  rulePatterns,
} from './regex-verdicts';

/** How long recheck may think about one pattern before it answers `unknown`. */
export const AUDIT_TIMEOUT_MS = 1000;

/** recheck on this machine: its native or pure-JavaScript backend, whichever its package picks. */
export function recheckAuditor(timeoutMs = AUDIT_TIMEOUT_MS): PatternAuditor {
  return (source, flags) => {
    const result = checkSync(source, flags, { timeout: timeoutMs });
    if (result.status === 'safe') return { status: 'safe' };
    if (result.status === 'unknown') return { status: 'unknown', reason: errorKind(result.error) };
    const degree =
      result.complexity.type === 'exponential' ? Number.POSITIVE_INFINITY : result.complexity.degree;
    return { status: 'vulnerable', degree, attack: result.attack.pattern };
  };
}

function errorKind(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'kind' in error) return String(error.kind);
  return String(error);
}

let auditor: PatternAuditor | undefined;
function defaultAuditor(): PatternAuditor {
  auditor ??= recheckAuditor();
  return auditor;
}

/** The verdict for one pattern: from the memo or ledger when known, else from recheck. */
export function auditPattern(source: string, flags: string, options: AuditOptions = {}): PatternVerdict {
  return verdictFor(source, flags, { ...options, auditor: options.auditor ?? defaultAuditor() });
}

/** Problems naming each rule with a pattern recheck refuses; empty when the set is within budget. */
export function auditRulePatterns(rules: readonly Rule[], options: AuditOptions = {}): RuleProblem[] {
  return auditWith(rules, { ...options, auditor: options.auditor ?? defaultAuditor() });
}
