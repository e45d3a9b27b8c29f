import { isValidAt } from '@/lib/guidelines/validity';

/**
 * What the sidebar's library panel lists: captions and hashtag sets for this platform and agency,
 * valid today, matching the search box. Pure; the bundle is mapped to these shapes in
 * `library-source.ts`, so a schema change touches one file.
 */

export interface CaptionView {
  id: string;
  title: string;
  /** The template, with `{{placeholders}}`. */
  text: string;
  /** Platforms the caption is for; empty = every platform. */
  platforms: readonly string[];
  /** Agencies the caption is for; empty = every agency. */
  agencies: readonly string[];
  /** Extra words the search matches (tags, topic). */
  keywords: readonly string[];
  validFrom: string | null;
  validUntil: string | null;
}

export interface HashtagSetView {
  id: string;
  title: string;
  /** 'required' sets are shown on top for the agencies they apply to; campaigns have dates. */
  kind: 'required' | 'recommended' | 'campaign';
  tags: readonly string[];
  /** Agencies the set is for; empty = every agency. */
  agencies: readonly string[];
  /** Platforms the set is for; empty = every platform. */
  platforms: readonly string[];
  validFrom: string | null;
  validUntil: string | null;
}

export interface LibraryContext {
  platform: string;
  agencyId: string | null;
  now: Date;
}

/** Library dates are days in Kalimantan Barat (WIB), as the library module defines them. */
export function isValidOn(item: { validFrom: string | null; validUntil: string | null }, now: Date): boolean {
  return isValidAt(item, now);
}

function appliesTo(list: readonly string[], value: string | null): boolean {
  // An item limited to some agencies is not shown while no agency is chosen.
  return list.length === 0 || (value !== null && list.includes(value));
}

/** Lower-case, accents off, spaces collapsed: "Hari Jadi Kalbar" finds "hari  jadi kalbar". */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('id').replace(/\s+/g, ' ').trim();
}

/** Every word of the query must appear in the title, the text or the keywords. */
export function matchesQuery(haystack: string, query: string): boolean {
  const words = searchKey(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const key = searchKey(haystack);
  return words.every((word) => key.includes(word));
}

export function visibleCaptions(captions: readonly CaptionView[], context: LibraryContext, query: string) {
  return captions.filter(
    (caption) =>
      appliesTo(caption.platforms, context.platform) &&
      appliesTo(caption.agencies, context.agencyId) &&
      isValidOn(caption, context.now) &&
      matchesQuery(`${caption.title}\n${caption.text}\n${caption.keywords.join(' ')}`, query),
  );
}

export interface HashtagSetEntry {
  set: HashtagSetView;
  /** This agency must use it: shown first, marked. */
  required: boolean;
}

/** The agency's required sets on top (library order), then the other sets valid today. */
export function visibleHashtagSets(
  sets: readonly HashtagSetView[],
  context: LibraryContext,
  query: string,
): HashtagSetEntry[] {
  const entries = sets
    .filter(
      (set) =>
        appliesTo(set.platforms, context.platform) &&
        appliesTo(set.agencies, context.agencyId) &&
        isValidOn(set, context.now) &&
        matchesQuery(`${set.title}\n${set.tags.join(' ')}`, query),
    )
    .map((set) => ({ set, required: set.kind === 'required' }));
  return [...entries.filter((entry) => entry.required), ...entries.filter((entry) => !entry.required)];
}
