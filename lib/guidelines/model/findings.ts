import type { Language } from '@/lib/i18n/types';
import type { Category } from '../schema';
import type { Finding } from '../types';
import { ABUSE_MESSAGES } from './messages';
import { type AbuseLabel, type Driver, quickAbuseScore, scoreAbuse } from './score';
import type { AbuseModel } from './types';

/**
 * The model's verdict as engine findings: nothing for a clean text, otherwise one finding per
 * window of the text that the model flags, in the `abuse` or `hate-speech` category, spanning the
 * words that drove the score (or only the strongest one when they are far apart). An error from
 * the model's error threshold, a warning below it.
 */

export const MODEL_RULE_IDS: Record<Exclude<AbuseLabel, 'clean'>, string> = {
  abuse: 'KB-MODEL-ABUSE',
  'hate-speech': 'KB-MODEL-HATE',
};

/** Drivers shown in a finding: those at least 40 % as strong as the strongest, at most three. */
export function shownDrivers<D extends Driver>(drivers: readonly D[]): D[] {
  const top = drivers[0];
  if (!top) return [];
  return drivers.filter((d) => d.weight >= top.weight * 0.4).slice(0, 3);
}

/**
 * Where a finding driven by `shown` sits: over all of them when they lie within 120 characters,
 * otherwise over the strongest; the whole text when there is none.
 */
export function driverSpan(shown: readonly Driver[], textLength: number): { start: number; end: number } {
  const top = shown[0];
  if (!top) return { start: 0, end: textLength };
  if (shown.length > 1) {
    const from = Math.min(...shown.map((d) => d.start));
    const to = Math.max(...shown.map((d) => d.end));
    if (to - from <= 120) return { start: from, end: to };
  }
  return { start: top.start, end: top.end };
}

/** The driving words as the message quotes them. */
export const quotedDrivers = (text: string, shown: readonly Driver[]): string =>
  shown.map((d) => `“${text.slice(d.start, d.end)}”`).join(', ') || '—';

function windowFinding(text: string, offset: number, model: AbuseModel, lang: Language): Finding | null {
  // A margin below the threshold absorbs the rounding difference between the two paths.
  if (quickAbuseScore(text, model) < model.heads.abuse.threshold - 1e-9) return null;
  const result = scoreAbuse(text, model);
  if (result.label === 'clean') return null;
  const shown = shownDrivers(result.drivers);
  const { start, end } = driverSpan(shown, text.length);
  const words = quotedDrivers(text, shown);
  const percent = Math.round(result.score * 100);
  const category: Category = result.label;
  return {
    ruleId: MODEL_RULE_IDS[result.label],
    category,
    severity: result.score >= model.heads.abuse.errorThreshold ? 'error' : 'warning',
    start: start + offset,
    end: end + offset,
    message: ABUSE_MESSAGES[result.label][lang].replaceAll('%s', words).replaceAll('%p', String(percent)),
  };
}

/** About a tweet's length (at most 280 characters): the kind of text the model was trained on. */
const WINDOW = 280;
/**
 * A sentence ends at . ! ? followed by a space, a line break or the end, or at line breaks; a
 * full stop inside a word ("kalbarprov.go.id", "2.500") does not end it, or a web address at a
 * window's edge would be scored on its own.
 */
const SENTENCE = /(?:[^.!?\n]|[.!?](?=[^\s.!?]))*(?:[.!?]+[^\S\n]*|\n+|$)/g;
const PARAGRAPH_END = /\n[^\S\n]*\n|^\s*\n$/;

/**
 * The text in windows of whole sentences, up to about WINDOW characters and never across a blank
 * line. Each is scored alone: a score is an average over the words (1/√n), so one insulting
 * paragraph in a long caption would otherwise be diluted by the rest.
 */
export function scoringWindows(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  let end = 0;
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(text); m && m[0].length > 0; m = SENTENCE.exec(text)) {
    const sentenceEnd = m.index + m[0].length;
    if (sentenceEnd - start > WINDOW && end > start) {
      out.push({ start, end });
      start = end;
    }
    end = sentenceEnd;
    if (PARAGRAPH_END.test(m[0])) {
      out.push({ start, end });
      start = end;
    }
  }
  if (end > start) out.push({ start, end });
  return out;
}

export function modelFindings(text: string, model: AbuseModel, lang: Language): Finding[] {
  const findings: Finding[] = [];
  for (const span of scoringWindows(text)) {
    const finding = windowFinding(text.slice(span.start, span.end), span.start, model, lang);
    if (finding) findings.push(finding);
  }
  return findings;
}
