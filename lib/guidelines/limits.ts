import { type CompiledRule, type CompiledRules, isActive, type Run } from './compiled';
import {
  codePointOverflow,
  HASHTAG_PATTERN,
  MENTION_PATTERN,
  utf8Overflow,
  youtubeTagsLength,
} from './measure';
import { report } from './scan';
import type { LimitRule } from './schema';
import type { CheckContext, FieldLimits } from './types';

/** `limit` rules: counts per field as the platforms count them (docs/guidelines.md § Rule kinds). */

// Own copies of the shared patterns: this module drives them with lastIndex.
const HASHTAG_RE = new RegExp(HASHTAG_PATTERN);
const MENTION_RE = new RegExp(MENTION_PATTERN);
const EMOJI_RE =
  /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*/gu;
/** Every emoji is at or above U+00A9: a text made only of lower characters has none to count. */
const MAYBE_EMOJI = /[\u00A9-\u{10FFFF}]/u;

function segmentOf(text: string, segment: LimitRule['segment']): [number, number] | undefined {
  if (segment === 'all') return [0, text.length];
  const newline = text.indexOf('\n');
  if (segment === 'first-line') return [0, newline < 0 ? text.length : newline];
  return newline < 0 ? undefined : [newline + 1, text.length];
}

/** Items matched by `re` in [from, to): count and the span from the first excess item to the last item. */
function countItems(re: RegExp, text: string, from: number, to: number, max: number) {
  re.lastIndex = from;
  let count = 0;
  let excessStart = -1;
  let lastEnd = -1;
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    count += 1;
    if (count === Math.floor(max) + 1) excessStart = m.index;
    lastEnd = m.index + m[0].length;
  }
  return { count, span: [excessStart, lastEnd] as [number, number] };
}

function countOf(text: string, sign: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf(sign, from); i >= 0 && i < to; i = text.indexOf(sign, i + 1)) count += 1;
  return count;
}

const FORMATS = { id: new Intl.NumberFormat('id-ID'), en: new Intl.NumberFormat('en-US') };

function formatNumber(n: number, lang: string): string {
  return (lang === 'id' ? FORMATS.id : FORMATS.en).format(n);
}

export function checkLimit(run: Run, entry: CompiledRule) {
  const rule = entry.rule;
  if (rule.kind !== 'limit') return;
  const { text } = run;
  const segment = segmentOf(text, rule.segment);
  if (!segment) return;
  const [from, to] = segment;
  const fmt = (value: number) =>
    `${formatNumber(value, run.ctx.lang)}/${formatNumber(rule.max, run.ctx.lang)}`;
  switch (rule.measure) {
    case 'chars': {
      // No more UTF-16 units than the limit: no more code points either.
      if (to - from <= rule.max) return;
      const { count, overflowAt } = codePointOverflow(text, from, to, rule.max);
      if (count > rule.max) report(run, entry, overflowAt, to, fmt(count));
      return;
    }
    case 'bytes': {
      // A UTF-16 unit is at most 3 UTF-8 bytes (a surrogate pair, 2 units, is 4).
      if ((to - from) * 3 <= rule.max) return;
      const { bytes, overflowAt } = utf8Overflow(text, from, to, rule.max);
      if (bytes > rule.max) report(run, entry, overflowAt, to, fmt(bytes));
      return;
    }
    case 'hashtags':
    case 'mentions':
    case 'emoji': {
      const re =
        rule.measure === 'hashtags' ? HASHTAG_RE : rule.measure === 'mentions' ? MENTION_RE : EMOJI_RE;
      if (re === EMOJI_RE && !MAYBE_EMOJI.test(text)) return;
      // Every hashtag or mention starts with its sign: no more signs than the limit, no overflow.
      if (re !== EMOJI_RE && countOf(text, rule.measure === 'hashtags' ? '#' : '@', from, to) <= rule.max)
        return;
      const { count, span } = countItems(re, text, from, to, rule.max);
      if (count > rule.max) report(run, entry, span[0], span[1], fmt(count));
      return;
    }
    case 'tagChars': {
      const length = youtubeTagsLength(text.slice(from, to));
      if (length > rule.max) report(run, entry, from, to, fmt(length));
      return;
    }
    case 'lines': {
      let lines = 1;
      let overflowAt = -1;
      for (let i = from; i < to; i++) {
        if (text.charCodeAt(i) !== 10) continue;
        lines += 1;
        if (lines === rule.max + 1) overflowAt = i + 1;
      }
      if (lines > rule.max) report(run, entry, overflowAt, to, fmt(lines));
      return;
    }
    case 'capsRatio': {
      let letters = 0;
      let upper = 0;
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        // ASCII fast path; other letters are compared through their case mappings.
        if (c >= 65 && c <= 90) {
          letters += 1;
          upper += 1;
        } else if (c >= 97 && c <= 122) letters += 1;
        else if (c > 127 && c < 0xd800) {
          const ch = text.charAt(i);
          const lower = ch.toLowerCase();
          if (lower === ch.toUpperCase()) continue;
          letters += 1;
          if (ch !== lower) upper += 1;
        }
      }
      if (letters < rule.minLetters || upper / letters <= rule.max) return;
      report(run, entry, from, to, `${Math.round((upper / letters) * 100)}%`);
      return;
    }
  }
}

/**
 * The platform limits of a field for the sidebar's counters, from the `platform-limits` limit rules
 * and the hashtag caps (`hashtags` limits above suggestion) that apply to the whole field (the
 * smallest if several apply).
 */
export function limitsFor(
  compiledRules: CompiledRules,
  platform: CheckContext['platform'],
  field: CheckContext['field'],
  now = new Date(),
): FieldLimits {
  const limits: FieldLimits = {};
  const ctx: CheckContext = { platform, field, lang: 'id' };
  for (const entry of compiledRules.compiled) {
    const rule = entry.rule;
    // A platform's hashtag cap is filed under `hashtags` (too many hashtags is hashtag hygiene to the
    // bureau) but is still a counter; a suggestion-level count (readability) is not a cap.
    const cap =
      rule.kind === 'limit' &&
      (rule.category === 'platform-limits' ||
        (rule.category === 'hashtags' && rule.measure === 'hashtags' && rule.severity !== 'suggestion'));
    if (rule.kind !== 'limit' || !cap || rule.segment !== 'all') continue;
    if (!isActive(entry, ctx, now.getTime())) continue;
    if (
      rule.measure === 'chars' ||
      rule.measure === 'bytes' ||
      rule.measure === 'hashtags' ||
      rule.measure === 'mentions' ||
      rule.measure === 'tagChars'
    ) {
      const current = limits[rule.measure];
      limits[rule.measure] = current === undefined ? rule.max : Math.min(current, rule.max);
    }
  }
  return limits;
}
