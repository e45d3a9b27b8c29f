/**
 * Findings as the sidebar lists them: each tagged with the field it came from, grouped by
 * severity (errors first), with a short excerpt of the text it points at.
 */

import type { Severity } from '@/lib/guidelines/schema';
import type { Finding, Verdict } from '@/lib/guidelines/types';

export type { Severity, Verdict };

/** The order the sidebar lists severities in, errors first (typed from the engine's severities). */
const SEVERITY_ORDER = { error: 0, warning: 1, suggestion: 2 } as const satisfies Record<Severity, number>;
export const SEVERITIES_IN_ORDER = (Object.keys(SEVERITY_ORDER) as Severity[]).sort(
  (a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b],
);

/** The engine's Finding (docs/contracts.md): start/end are UTF-16 offsets into the checked text. */
export type FindingLike = Finding;

export interface FieldFinding<F extends FindingLike = FindingLike> {
  /** Field + rule + matched text: the ignore key (the same words stay ignored as the text moves). */
  key: string;
  /** `key` and which occurrence of it this is: unique within a check (list keys, marks). */
  id: string;
  field: string;
  finding: F;
  /** The exact text [start, end) pointed at when checked (a fix only applies if it is still there). */
  matched: string;
  excerpt: Excerpt;
}

export interface Excerpt {
  before: string;
  match: string;
  after: string;
}

/** Up to `context` characters either side of [start, end), cut at word boundaries, on one line. */
export function excerptOf(text: string, start: number, end: number, context = 28): Excerpt {
  const flat = (part: string) => part.replace(/\s+/g, ' ');
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  let before = text.slice(from, start);
  let after = text.slice(end, to);
  if (from > 0) before = `…${before.replace(/^\S*\s/, '')}`;
  if (to < text.length) after = `${after.replace(/\s\S*$/, '')}…`;
  return { before: flat(before), match: flat(text.slice(start, end)), after: flat(after) };
}

export function findingKey(field: string, finding: FindingLike, text: string): string {
  // The matched text rather than the offset alone: typing before a finding moves it, and an
  // ignored finding must stay ignored while the admin keeps writing.
  return `${field}|${finding.ruleId}|${text.slice(finding.start, finding.end)}`;
}

export function toFieldFindings<F extends FindingLike>(field: string, text: string, findings: readonly F[]) {
  const seen = new Map<string, number>();
  return findings.map((finding): FieldFinding<F> => {
    const key = findingKey(field, finding, text);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      key,
      id: `${key}#${occurrence}`,
      field,
      finding,
      matched: text.slice(finding.start, finding.end),
      excerpt: excerptOf(text, finding.start, finding.end),
    };
  });
}

/** Findings grouped by severity, errors first, each group in text order. Empty groups are left out. */
export function groupBySeverity<F extends FindingLike>(findings: readonly FieldFinding<F>[]) {
  return SEVERITIES_IN_ORDER.map((severity) => ({
    severity,
    items: findings
      .filter((item) => item.finding.severity === severity)
      .sort((a, b) => a.field.localeCompare(b.field) || a.finding.start - b.finding.start),
  })).filter((group) => group.items.length > 0);
}

/** The draft's verdict over several fields: the worst one wins; the score is the lowest. */
export function combineResults(results: readonly { verdict: Verdict; score: number }[]): {
  verdict: Verdict;
  score: number;
} {
  const verdicts = new Set(results.map((result) => result.verdict));
  const verdict: Verdict = verdicts.has('blocked') ? 'blocked' : verdicts.has('review') ? 'review' : 'ready';
  return { verdict, score: Math.min(100, ...results.map((result) => result.score)) };
}

/**
 * Categories whose error-level findings may only be ignored with a written reason (the law behind
 * them: UU 27/2022 PDP, UU 11/2012 SPPA). The reason is kept in the audit log.
 */
const REASON_REQUIRED = new Set(['personal-data', 'child-protection']);

export function ignoreNeedsReason(finding: FindingLike): boolean {
  return finding.severity === 'error' && REASON_REQUIRED.has(finding.category);
}
