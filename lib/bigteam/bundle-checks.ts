import { endOf, startOf } from '@/lib/guidelines/validity';
import type { LibraryBundle } from '@/lib/library/schema';
import { unknownReplyPlaceholders } from './reply-placeholders';

/**
 * What the schema cannot say about the big-team parts of a bundle: every reference resolves, ids
 * are unique, a window does not end before it starts, replies use known placeholders. The first
 * problem as `path: message`, or null. `library build` (and so the desk) refuses such a bundle.
 */
export function bigTeamProblem(bundle: LibraryBundle): string | null {
  const captions = new Set(bundle.captions.map((caption) => caption.id));
  const sets = new Set(bundle.hashtagSets.map((set) => set.id));
  const agencies = new Set(bundle.agencies.map((agency) => agency.id));
  const requestIds = new Set<string>();
  for (const [i, request] of bundle.requests.entries()) {
    const at = `requests[${i}]`;
    if (requestIds.has(request.id)) return `${at}.id: duplicate id ${request.id}`;
    requestIds.add(request.id);
    if (!captions.has(request.captionId)) return `${at}.captionId: no caption ${request.captionId}`;
    if (request.hashtagSetId && !sets.has(request.hashtagSetId))
      return `${at}.hashtagSetId: no hashtag set ${request.hashtagSetId}`;
    const unknown = request.agencies.find((id) => !agencies.has(id));
    if (unknown) return `${at}.agencies: unknown agency ${unknown}`;
    if (endOf(request.until) < startOf(request.from)) return `${at}.until: ends before ${request.from}`;
  }
  const replyIds = new Set<string>();
  for (const [i, template] of bundle.replyTemplates.entries()) {
    const at = `replyTemplates[${i}]`;
    if (replyIds.has(template.id)) return `${at}.id: duplicate id ${template.id}`;
    replyIds.add(template.id);
    const unknown = unknownReplyPlaceholders(template.text);
    if (unknown.length) return `${at}.text: unknown placeholder {{${unknown.join('}}, {{')}}}`;
  }
  return null;
}
