import { isValidAt } from '@/lib/guidelines/validity';
import { normalisePlaceholderName, PLACEHOLDER_PATTERN, PLACEHOLDERS } from '@/lib/library/placeholders';
import type { Agency, Caption } from '@/lib/library/schema';
import { normalizeForFingerprint } from './fingerprint';

/**
 * Pre-approved library captions count as approved when they are inserted unchanged, with their
 * placeholders filled as allowed:
 * - `{{agency.name}}` / `{{agency.shortName}}`: exactly the admin's agency (from the library's
 *   agency list); when no agency is chosen yet, any agency of the library;
 * - `{{date}}`, `{{location}}`: any text on one line (no braces: a placeholder left unfilled
 *   is not a filled one);
 * - any other `{{…}}`: only itself, literally (the bureau approved no other fill).
 * Comparison is on the fingerprint's canonical form, so line breaks and spaces behave the same way
 * as for fingerprints.
 */
export interface CaptionMatchContext {
  agencyId: string | null;
  agencies: readonly Agency[];
  now: number;
}

const FREE_TEXT = '[^\\n{}]+?';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternatives(values: string[]): string {
  const unique = [...new Set(values.map(normalizeForFingerprint).filter(Boolean))];
  return unique.length ? `(?:${unique.map(escapeRegExp).join('|')})` : '(?!)';
}

/** The caption text as an anchored regular expression over canonical text. */
export function captionPattern(template: string, context: CaptionMatchContext): RegExp {
  const own = context.agencies.filter((agency) => agency.id === context.agencyId);
  const candidates = context.agencyId !== null && own.length ? own : context.agencies;
  const normalized = normalizeForFingerprint(template);
  let source = '^';
  let last = 0;
  for (const match of normalized.matchAll(PLACEHOLDER_PATTERN)) {
    source += escapeRegExp(normalized.slice(last, match.index));
    const name = normalisePlaceholderName(match[1] ?? '');
    if (name === PLACEHOLDERS.agencyName) source += alternatives(candidates.map((agency) => agency.name));
    else if (name === PLACEHOLDERS.agencyShortName)
      source += alternatives(candidates.map((agency) => agency.shortName));
    else if (name === PLACEHOLDERS.date || name === PLACEHOLDERS.location) source += FREE_TEXT;
    else source += escapeRegExp(match[0]);
    last = match.index + match[0].length;
  }
  source += `${escapeRegExp(normalized.slice(last))}$`;
  return new RegExp(source, 'u');
}

function captionInForce(caption: Caption, context: CaptionMatchContext): boolean {
  if (!isValidAt(caption, new Date(context.now))) return false;
  if (context.agencyId !== null && caption.agencies.length && !caption.agencies.includes(context.agencyId)) {
    return false;
  }
  return true;
}

/** The library caption this draft is (placeholders filled as allowed), or undefined. */
export function findMatchingCaption(
  draft: string,
  captions: readonly Caption[],
  context: CaptionMatchContext,
): Caption | undefined {
  const canonical = normalizeForFingerprint(draft);
  if (!canonical) return undefined;
  return captions.find(
    (caption) => captionInForce(caption, context) && captionPattern(caption.text, context).test(canonical),
  );
}
