import { type CompiledRules, checkText } from '../engine';
import type { CheckContext, Finding } from '../types';
import { modelFindings } from './findings';
import type { AbuseModel } from './types';

/**
 * How the trainer and `npm run eval:abuse` decide whether the product flags a text as abuse or hate
 * speech: the same calls the composer's checker makes (rules compiled with the model as an extra
 * checker), counting a finding of either category that is not a mere suggestion. Pure.
 */

export const TWEET_CONTEXT: CheckContext = { platform: 'facebook', field: 'caption', lang: 'id' };

export const isAbuseFinding = (f: Finding): boolean =>
  (f.category === 'abuse' || f.category === 'hate-speech') && f.severity !== 'suggestion';

export interface Verdicts {
  /** The model alone (its findings, windows and thresholds as shipped). */
  model: boolean[];
  /** The library's rules alone (null when no rules were given). */
  rules: boolean[] | null;
  /** Rules and model together, through the engine (null when no rules were given). */
  combined: boolean[] | null;
  /** Each text's abuse / hate-speech findings from the rules alone (for a per-term breakdown). */
  ruleFindings: Finding[][];
}

export function productVerdicts(
  texts: readonly string[],
  model: AbuseModel,
  rulesOnly: CompiledRules | null,
  withModel: CompiledRules | null,
): Verdicts {
  const ruleFindings = rulesOnly
    ? texts.map((text) => checkText(rulesOnly, text, TWEET_CONTEXT).findings.filter(isAbuseFinding))
    : [];
  return {
    model: texts.map((text) => modelFindings(text, model, 'id').length > 0),
    rules: rulesOnly ? ruleFindings.map((f) => f.length > 0) : null,
    combined: withModel
      ? texts.map((text) => checkText(withModel, text, TWEET_CONTEXT).findings.some(isAbuseFinding))
      : null,
    ruleFindings,
  };
}

/**
 * The rules' false positives on texts labelled neither abusive nor hate speech, by rule and matched
 * term (lowercased), most frequent first.
 */
export function falsePositivesByTerm(
  texts: readonly string[],
  labels: readonly boolean[],
  ruleFindings: readonly Finding[][],
): Array<{ ruleId: string; term: string; count: number }> {
  const counts = new Map<string, { ruleId: string; term: string; count: number }>();
  texts.forEach((text, i) => {
    if (labels[i]) return;
    const seen = new Set<string>();
    for (const f of ruleFindings[i] ?? []) {
      const term = text.slice(f.start, f.end).toLowerCase().replace(/\s+/g, ' ').trim() || '(no span)';
      const key = `${f.ruleId}\u0000${term}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const known = counts.get(key);
      if (known) known.count += 1;
      else counts.set(key, { ruleId: f.ruleId, term, count: 1 });
    }
  });
  return [...counts.values()].sort(
    (a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId) || a.term.localeCompare(b.term),
  );
}
