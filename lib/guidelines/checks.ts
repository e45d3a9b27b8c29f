import type { CompiledRule, Run } from './compiled';
import { extractHashtags, HASHTAG_PATTERN } from './measure';
import { anyMatch, contextAllows, mayMatch, report, scopeBounds } from './scan';
import type { Token } from './text-utils';
import type { AgencyLike } from './types';
import { hostOf, isAllowedHost, isAllowedPhone, isPlausibleNik, isPlausibleNpwp } from './validators';

/** The regex-based kinds (`pattern`, `required`) and `repetition` (docs/guidelines.md § Rule kinds). */

const agencyNameSets = new WeakMap<readonly AgencyLike[], { exact: Set<string>; lower: Set<string> }>();

/** Agency names and short names, built once per directory (the sidebar passes the same array each time). */
function agencyNameSet(
  agencies: readonly AgencyLike[] | undefined,
  caseSensitive: boolean,
): Set<string> | undefined {
  if (!agencies || agencies.length === 0) return undefined;
  let sets = agencyNameSets.get(agencies);
  if (!sets) {
    const names = agencies.flatMap((a) => [a.shortName, a.name]).filter((n) => n !== '');
    sets = { exact: new Set(names), lower: new Set(names.map((n) => n.toLowerCase())) };
    agencyNameSets.set(agencies, sets);
  }
  return caseSensitive ? sets.exact : sets.lower;
}

/** `slots`: each regex's prefilter slot (-1: always runs), the engine's lookup made once per rule set. */
export function checkPattern(run: Run, entry: CompiledRule, slots?: Int32Array) {
  const rule = entry.rule;
  if (rule.kind !== 'pattern') return;
  const { text, ctx, possible } = run;
  let lastEnd = -1;
  const spans: Array<[number, number, RegExpExecArray]> = [];
  for (let r = 0; r < entry.regexes.length; r++) {
    const pattern = entry.regexes[r]!;
    if (slots && possible ? slots[r]! >= 0 && possible[slots[r]!] === 0 : !mayMatch(run, pattern)) continue;
    const { re } = pattern;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex += 1;
        continue;
      }
      let start = m.index;
      let end = m.index + m[0].length;
      if (rule.group) {
        const span = m.indices?.groups?.[rule.group];
        if (!span) continue;
        [start, end] = span;
      }
      spans.push([start, end, m]);
    }
  }
  if (spans.length === 0) return;
  if (entry.regexes.length > 1) spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const phones = [...(ctx.allowlists?.phones ?? []), ...(ctx.agency?.officialPhones ?? [])];
  const domains = [...rule.allowDomains, ...(ctx.allowlists?.domains ?? [])];
  const agencyNames = rule.allowAgencyNames ? agencyNameSet(ctx.agencies, rule.caseSensitive) : undefined;
  for (const [start, end, m] of spans) {
    if (start < lastEnd) continue;
    const value = text.slice(start, end);
    const key = rule.caseSensitive ? value : value.toLowerCase();
    if (entry.exceptions.has(key) || agencyNames?.has(key)) continue;
    switch (rule.validator) {
      case 'nik':
        if (!isPlausibleNik(value)) continue;
        break;
      case 'nik-implausible':
        if (isPlausibleNik(value)) continue;
        break;
      case 'phone':
        if (isAllowedPhone(value, phones)) continue;
        break;
      case 'npwp':
        if (!isPlausibleNpwp(value)) continue;
        break;
      case 'domain':
        if (isAllowedHost(hostOf(value), domains)) continue;
        break;
      default:
        break;
    }
    if (!contextAllows(run, entry, start, end)) continue;
    lastEnd = end;
    const replacements = rule.replacements?.map((r) =>
      r.replace(/\$<(\w+)>/g, (_all, name: string) => m.groups?.[name] ?? ''),
    );
    report(run, entry, start, end, value, replacements);
  }
}

function hashtagPresent(text: string, tag: string): boolean {
  const wanted = tag.replace(/^#/, '').toLowerCase();
  return extractHashtags(text).some((found) => found.slice(1).toLowerCase() === wanted);
}

/**
 * `anyOf` anywhere in the text (`anyOfWithin` left out or `text`) once the first trigger matches;
 * or, with a sentence or window, around each trigger match its when/unless allow, the first whose
 * surroundings lack every `anyOf` reported: one finding per rule either way (docs/guidelines.md §
 * Rule kinds). Without a trigger, the draft's end (for a window, its last sentence rather than the
 * nothing after a final full stop). The agency's hashtags are looked for in the whole text.
 */
export function checkRequired(run: Run, entry: CompiledRule) {
  const rule = entry.rule;
  if (rule.kind !== 'required') return;
  const { text, ctx } = run;
  // Nothing typed yet: "missing" findings would only be noise.
  if (text.trim() === '') return;
  const scope = entry.anyOfWithin;
  let spans: Array<[number, number]> = [[text.length, text.length]];
  if (entry.trigger) {
    // Every trigger match when each is judged; else the first (the earliest of each pattern's first).
    spans = [];
    for (const pattern of entry.trigger) {
      if (!mayMatch(run, pattern)) continue;
      const { re } = pattern;
      re.lastIndex = 0;
      if (scope) for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
      else {
        const m = re.exec(text);
        if (m && (!spans[0] || m.index < spans[0][0])) spans[0] = [m.index, m.index + m[0].length];
      }
    }
    if (!spans[0]) return;
    // Stable: of matches starting together, the earlier pattern's comes first.
    spans.sort((x, y) => x[0] - y[0]);
  }
  if (rule.agencyHashtags && contextAllows(run, entry, spans[0]![0], spans[0]![1])) {
    const lastLine = text.slice(text.lastIndexOf('\n') + 1).trim();
    const separator = lastLine.startsWith('#') ? ' ' : '\n\n';
    for (const tag of ctx.agency?.requiredHashtags ?? []) {
      if (hashtagPresent(text, tag)) continue;
      const shown = tag.startsWith('#') ? tag : `#${tag}`;
      report(run, entry, text.length, text.length, shown, [`${separator}${shown}`]);
    }
  }
  if (entry.regexes.length === 0) return;
  const last = text.trimEnd().length;
  for (const [start, end] of spans) {
    // Around the trigger, or the draft's end when there is none (its last sentence for `sentence`).
    if (!contextAllows(run, entry, start, end)) continue;
    let where = text;
    if (scope) {
      const [from, to] = entry.trigger
        ? scopeBounds(run, scope, start, end)
        : scopeBounds(run, scope, last - 1, last);
      where = text.slice(from, to);
    }
    if (anyMatch(run, entry.regexes, where)) continue;
    report(run, entry, start, end, text.slice(start, end), rule.suggestion ? [rule.suggestion] : undefined);
    return;
  }
}

export function checkRepetition(run: Run, entry: CompiledRule, tokens: Token[]) {
  const rule = entry.rule;
  if (rule.kind !== 'repetition') return;
  const { text } = run;
  if (rule.mode === 'punctuation') {
    const { re } = entry.regexes[0]!;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      report(run, entry, m.index, m.index + m[0].length, m[0], [m[0].charAt(0)]);
    }
    return;
  }
  if (rule.mode === 'hashtags') {
    // Compared case-folded, as the platforms link tags; every repeat after the first is reported.
    const seen = new Set<string>();
    for (const m of text.matchAll(HASHTAG_PATTERN)) {
      const key = m[0].toLowerCase();
      if (seen.has(key)) report(run, entry, m.index, m.index + m[0].length, m[0]);
      else seen.add(key);
    }
    return;
  }
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]!;
    const cur = tokens[i]!;
    if (!cur.word || !prev.word || cur.key !== prev.key || !/\p{L}/u.test(cur.key)) continue;
    if (entry.exceptions.has(cur.key)) continue;
    const gap = text.slice(prev.end, cur.start);
    // Only words separated by spaces; a line break between them is a layout choice (list, heading).
    if (!/^[ \t\u00a0]+$/.test(gap)) continue;
    report(run, entry, prev.start, cur.end, text.slice(prev.start, cur.end), [
      text.slice(prev.start, prev.end),
    ]);
  }
}
