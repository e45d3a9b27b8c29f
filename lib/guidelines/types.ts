import type { Language } from '@/lib/i18n/types';
import type { FieldId, PlatformId } from '@/lib/platforms/types';
import type { Category, Severity } from './schema';

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

export type Verdict = 'ready' | 'review' | 'blocked';

export interface CheckResult {
  verdict: Verdict;
  /** 0–100, severity-weighted (see scoreFindings). */
  score: number;
  findings: Finding[];
}

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
