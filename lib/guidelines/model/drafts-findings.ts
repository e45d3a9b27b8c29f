import type { Language } from '@/lib/i18n/types';
import type { Category, Finding } from '../types';
import { type DraftScores, draftDrivers, scoreDraft, structureDrivers } from './drafts-model';
import type { DraftHeadCategory, DraftsModel } from './drafts-types';
import { windowSpan } from './drafts-windows';
import { driverSpan, quotedDrivers, shownDrivers } from './findings';
import { draftMessage, structureSign } from './messages';

/**
 * The draft classifier's verdict as engine findings: at most one per category, a warning (a
 * statistical hint never blocks a draft), spanning the words that drove the head (a window head: its
 * best window, naming the words that drove it there), and none for a
 * category something else already reported on this text (the rules say it better).
 */

export const draftRuleId = (category: DraftHeadCategory): string =>
  `KB-MODEL-DRAFT-${category.toUpperCase()}`;

/** At most three structural features that drove head `h`, as the message names them. */
function signsOf(scored: DraftScores, model: DraftsModel, h: number, lang: Language): string[] {
  const signs: string[] = [];
  for (const driver of structureDrivers(scored, model, h)) {
    const sign = structureSign(driver.name, lang);
    if (sign && !signs.includes(sign)) signs.push(sign);
  }
  return signs.slice(0, 3);
}

export function draftFindings(
  text: string,
  model: DraftsModel,
  lang: Language,
  reported: readonly Finding[] = [],
): Finding[] {
  if (model.heads.length === 0 || text.trim() === '') return [];
  const scored = scoreDraft(text, model);
  if (scored.words.length < model.minWords) return [];
  let known: Set<Category> | null = null;
  const findings: Finding[] = [];
  model.heads.forEach((head, h) => {
    if ((scored.scores[h] as number) < head.threshold) return;
    known ??= new Set(reported.map((f) => f.category));
    if (known.has(head.category)) return;
    const shown = shownDrivers(draftDrivers(scored, model, h));
    // A window head points at the sentence(s) that carry the problem, a span head at its run of words;
    // a whole-draft head at its drivers.
    const from = scored.windows[2 * h] as number;
    const to = scored.windows[2 * h + 1] as number;
    const { start, end } =
      head.unit !== 'draft' && from < to
        ? windowSpan(scored.words, from, to)
        : driverSpan(shown, text.length);
    findings.push({
      ruleId: draftRuleId(head.category),
      category: head.category,
      severity: 'warning',
      start,
      end,
      message: draftMessage(head.category, quotedDrivers(text, shown), lang, signsOf(scored, model, h, lang)),
    });
  });
  return findings;
}
