import { type DiffPart, diffWords } from '@/lib/approvals/diff';
import { type CheckResult, type CompiledRules, checkText, compileRules } from '@/lib/guidelines';
import { buildPrefilter } from '@/lib/guidelines/prefilter';
import { fillPlaceholders, PLACEHOLDERS } from '@/lib/library/placeholders';
import type { Caption, LibraryBundle } from '@/lib/library/schema';
import type { FieldId, PlatformId } from '@/lib/platforms/types';
import type { DeskLang } from '../views/messages';

/**
 * What a reviewer sees next to a submission: the same guideline engine the extension runs, with the
 * library the desk last published, and the library caption the draft most likely started from.
 */
export interface Analysis {
  check: CheckResult;
  origin: { caption: Caption; diff: DiffPart[] } | null;
}

/** Compiled rules by library version: derived from the database, so any instance may rebuild them. */
const compiledByVersion = new Map<string, CompiledRules>();

function compiledFor(bundle: LibraryBundle): CompiledRules {
  const key = `${bundle.id}@${bundle.version}@${bundle.issuedAt}`;
  let compiled = compiledByVersion.get(key);
  if (!compiled) {
    compiled = compileRules(bundle.guidelines, { prefilter: buildPrefilter });
    if (compiledByVersion.size > 4) compiledByVersion.clear();
    compiledByVersion.set(key, compiled);
  }
  return compiled;
}

/** Share of the longer text that is unchanged words: 1 = same wording, 0 = nothing in common. */
function similarity(diff: DiffPart[]): number {
  let same = 0;
  let before = 0;
  let after = 0;
  for (const part of diff) {
    if (part.kind !== 'added') before += part.text.length;
    if (part.kind !== 'removed') after += part.text.length;
    if (part.kind === 'same') same += part.text.length;
  }
  return same / Math.max(before, after, 1);
}

/** Below this share of common wording a draft counts as written from scratch. */
const MIN_SIMILARITY = 0.4;

export function closestCaption(
  text: string,
  bundle: LibraryBundle,
  platform: string,
  agencyId: string,
): { caption: Caption; diff: DiffPart[] } | null {
  const agency = bundle.agencies.find((candidate) => candidate.id === agencyId);
  let best: { caption: Caption; diff: DiffPart[]; score: number } | null = null;
  for (const caption of bundle.captions) {
    if (!caption.platforms.includes(platform as PlatformId)) continue;
    if (caption.agencies.length && !caption.agencies.includes(agencyId)) continue;
    // Agency placeholders as the extension fills them; date and place stay visible as placeholders.
    const filled = agency
      ? fillPlaceholders(caption.text, {
          [PLACEHOLDERS.agencyName]: agency.name,
          [PLACEHOLDERS.agencyShortName]: agency.shortName,
        }).text
      : caption.text;
    const diff = diffWords(filled, text);
    const score = similarity(diff);
    if (score >= MIN_SIMILARITY && (!best || score > best.score)) best = { caption, diff, score };
  }
  return best ? { caption: best.caption, diff: best.diff } : null;
}

export function analyse(
  submission: { text: string; platform: string; field: string; agencyId: string },
  bundle: LibraryBundle,
  lang: DeskLang,
): Analysis {
  const agency = bundle.agencies.find((candidate) => candidate.id === submission.agencyId);
  const check = checkText(compiledFor(bundle), submission.text, {
    platform: submission.platform as PlatformId,
    field: submission.field as FieldId,
    lang,
    ...(agency ? { agency } : {}),
    agencies: bundle.agencies,
    allowlists: bundle.allowlists,
  });
  return { check, origin: closestCaption(submission.text, bundle, submission.platform, submission.agencyId) };
}
