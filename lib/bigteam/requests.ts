import { captionPattern } from '@/lib/approvals/caption-match';
import { normalizeForFingerprint } from '@/lib/approvals/fingerprint';
import { endOf, startOf } from '@/lib/guidelines/validity';
import { fillPlaceholders, PLACEHOLDERS } from '@/lib/library/placeholders';
import type { Agency, Caption, HashtagSet } from '@/lib/library/schema';
import type { PlatformId } from '@/lib/platforms/types';
import type { AmplificationRequest, RequestDone, RequestStatus, RequestView } from './types';

/**
 * Requests as one admin's agency sees them (pure: the background and the tests use it). A request
 * is shown from its `from` day on; it is `done` once recorded done on any platform, `expired` after
 * its `until` (days are WIB days, lib/guidelines/validity.ts), `open` in between.
 */
export interface RequestLibrary {
  requests: readonly AmplificationRequest[];
  captions: readonly Caption[];
  hashtagSets: readonly HashtagSet[];
  agencies: readonly Agency[];
}

export interface RequestContext {
  agencyId: string | null;
  now: number;
  done: Readonly<Record<string, RequestDone>>;
}

/** For this agency: a request for every agency, or one naming it (no agency chosen = only the former). */
export function requestTargets(request: AmplificationRequest, agencyId: string | null): boolean {
  return request.agencies.length === 0 || (agencyId !== null && request.agencies.includes(agencyId));
}

/** The platforms a request is for: its own list, or every platform of its caption. */
export function requestPlatforms(request: AmplificationRequest, caption: Caption): PlatformId[] {
  return request.platforms.length ? request.platforms : caption.platforms;
}

export function requestStatus(
  request: AmplificationRequest,
  context: Pick<RequestContext, 'now' | 'done'>,
): RequestStatus {
  if (context.done[request.id]) return 'done';
  return context.now > endOf(request.until) ? 'expired' : 'open';
}

/**
 * What insert puts in the editor: the caption with the agency's name filled ({{date}} and
 * {{location}} stay for the admin), then the request's hashtags not already in it, then its link.
 */
export function requestText(
  request: AmplificationRequest,
  caption: Caption,
  library: Pick<RequestLibrary, 'hashtagSets' | 'agencies'>,
  agencyId: string | null,
): string {
  const agency = library.agencies.find((candidate) => candidate.id === agencyId);
  const values: Record<string, string> = agency
    ? { [PLACEHOLDERS.agencyName]: agency.name, [PLACEHOLDERS.agencyShortName]: agency.shortName }
    : {};
  let text = fillPlaceholders(caption.text, values).text;
  const set = library.hashtagSets.find((candidate) => candidate.id === request.hashtagSetId);
  const present = new Set(text.match(HASHTAG) ?? []);
  const extra = (set?.hashtags ?? []).filter((tag) => !present.has(tag));
  if (extra.length) text += `\n${extra.join(' ')}`;
  if (request.link && !text.includes(request.link)) text += `\n${request.link}`;
  return text;
}

/** This agency's requests that have started, newest window first; `platform` narrows the list. */
export function listRequestViews(
  library: RequestLibrary,
  context: RequestContext,
  platform?: PlatformId,
): RequestView[] {
  const views: RequestView[] = [];
  for (const request of library.requests) {
    if (!requestTargets(request, context.agencyId)) continue;
    if (context.now < startOf(request.from)) continue;
    const caption = library.captions.find((candidate) => candidate.id === request.captionId);
    if (!caption) continue;
    if (platform && !requestPlatforms(request, caption).includes(platform)) continue;
    const done = context.done[request.id];
    views.push({
      ...request,
      status: requestStatus(request, context),
      text: requestText(request, caption, library, context.agencyId),
      ...(done ? { done } : {}),
    });
  }
  const rank: Record<RequestStatus, number> = { open: 0, done: 1, expired: 2 };
  return views.sort((a, b) => rank[a.status] - rank[b.status] || startOf(b.from) - startOf(a.from));
}

const HASHTAG = /#[\p{L}\p{N}_]+/gu;

/** Canonical text without hashtags: added (or reordered) hashtags do not make a post another text. */
function withoutHashtags(text: string): string {
  return normalizeForFingerprint(normalizeForFingerprint(text).replace(HASHTAG, ' '));
}

/**
 * Whether `posted` is the request's caption: placeholders filled as allowed for this agency
 * (lib/approvals/caption-match.ts), hashtags added or left out tolerated, and the request's link
 * present when it has one.
 */
export function matchesRequest(
  posted: string,
  request: AmplificationRequest,
  caption: Caption,
  context: { agencyId: string | null; agencies: readonly Agency[]; now: number },
): boolean {
  const canonical = withoutHashtags(posted);
  if (!canonical) return false;
  if (request.link && !normalizeForFingerprint(posted).includes(request.link)) return false;
  const template = withoutHashtags(caption.text);
  if (captionPattern(template, context).test(canonical)) return true;
  // The link as requestText appends it: on its own last line.
  if (!request.link) return false;
  const withoutLink = canonical
    .split('\n')
    .filter((line) => line !== request.link)
    .join('\n');
  return captionPattern(template, context).test(withoutLink);
}
