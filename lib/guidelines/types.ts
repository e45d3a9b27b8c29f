import type { Language } from '@/lib/i18n/types';
import type { FieldId, PlatformId } from '@/lib/platforms/types';

/**
 * The engine's contract without zod: constants and types importable anywhere (the content script
 * included). `schema.ts` builds its zod schemas from these constants; the finding format, the
 * categories, severities and verdicts are documented in docs/guidelines.md.
 */

/** Every rule has exactly one category (docs/guidelines.md § Categories). */
export const CATEGORIES = [
  'personal-data',
  'child-protection',
  'hate-speech',
  'abuse',
  'illegal-content',
  'misinformation',
  'confidential',
  'neutrality',
  'credibility',
  'spelling',
  'naming',
  'style',
  'attribution',
  'links',
  'hashtags',
  'platform-limits',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Most severe first: `error` blocks, `warning` asks for review, `suggestion` is advice. */
export const SEVERITIES = ['error', 'warning', 'suggestion'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RULE_KINDS = [
  'terms',
  'substitution',
  'pattern',
  'required',
  'limit',
  'repetition',
  'capitalization',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Best first. A draft's verdict is that of its worst finding (docs/guidelines.md § Verdicts). */
export const VERDICTS = ['ready', 'review', 'blocked'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Higher is worse; several fields or checks combine to the worst of their verdicts. */
export const VERDICT_RANK: Readonly<Record<Verdict, number>> = { ready: 0, review: 1, blocked: 2 };

/** The verdict a severity leads to when it is the worst finding. */
export const SEVERITY_VERDICT: Readonly<Record<Severity, Verdict>> = {
  error: 'blocked',
  warning: 'review',
  suggestion: 'ready',
};

export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict = 'ready';
  for (const verdict of verdicts) if (VERDICT_RANK[verdict] > VERDICT_RANK[worst]) worst = verdict;
  return worst;
}

/** What the engine needs to know about an agency (the library's directory entry has more). */
export interface AgencyLike {
  id: string;
  name: string;
  shortName: string;
  requiredHashtags: string[];
  officialPhones: string[];
}

export interface CheckContext {
  platform: PlatformId;
  field: FieldId;
  lang: Language;
  /** The admin's own agency: its required hashtags and official phones. */
  agency?: AgencyLike;
  /** The whole directory: official names for capitalisation, short names for the all-caps rule. */
  agencies?: AgencyLike[];
  allowlists?: { phones?: string[]; domains?: string[] };
  /** For rules with validFrom/validUntil; defaults to the current time. */
  now?: Date;
}

/** One problem in a text (docs/guidelines.md § Finding format). */
export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** UTF-16 offsets into the checked text; start === end for "missing" findings (at the end). */
  start: number;
  end: number;
  message: string;
  /** One-click fixes: each replaces text.slice(start, end). */
  replacements?: string[];
}

export interface CheckResult {
  verdict: Verdict;
  /** 0–100, severity-weighted (see score.ts). */
  score: number;
  findings: Finding[];
}

/**
 * A check that is not a library rule (e.g. a statistical model's scorer): it gets the text and the
 * context and returns findings with offsets into that text. `checkText` merges, scores and sorts
 * them with the rules' findings (docs/guidelines.md § Extra checkers).
 */
export type ExtraChecker = (
  text: string,
  ctx: CheckContext,
  /** The findings already reported on the text (the rules', then earlier checkers'). */
  reported?: readonly Finding[],
) => readonly Finding[];

/** Platform limits for the sidebar counters, taken from the `limit` rules (one source of truth). */
export interface FieldLimits {
  chars?: number;
  bytes?: number;
  hashtags?: number;
  mentions?: number;
  /** A tag field's limit in YouTube's own count (see measure.ts). */
  tagChars?: number;
}

export interface RuleProblem {
  ruleId: string;
  message: string;
}

/** A rule switched off for the rest of the session because one check took longer than its budget. */
export interface RuleOverrun {
  ruleId: string;
  /** How long the check that overran took, in milliseconds. */
  ms: number;
  /** Characters in the text that overran it. */
  textLength: number;
}

/** Thrown by compileRules when a rule set cannot be used; lists every problem with its rule id. */
export class RuleSetError extends Error {
  readonly problems: RuleProblem[];
  constructor(problems: RuleProblem[]) {
    super(
      `rule set rejected (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems
        .slice(0, 5)
        .map((p) => `${p.ruleId}: ${p.message}`)
        .join('; ')}${problems.length > 5 ? '; …' : ''}`,
    );
    this.name = 'RuleSetError';
    this.problems = problems;
  }
}
