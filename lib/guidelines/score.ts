import { type Finding, SEVERITY_VERDICT, type Severity, type Verdict, worstVerdict } from './types';

/** Points one finding costs (docs/guidelines.md § Scoring). */
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

/** blocked if any error, review if any warning, else ready. */
export function verdictOf(findings: readonly Finding[]): Verdict {
  return worstVerdict(findings.map((f) => SEVERITY_VERDICT[f.severity]));
}
