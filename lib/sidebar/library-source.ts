import type { LibraryBundle } from '@/lib/library/schema';
import type { CaptionView, HashtagSetView } from './library-view';
import type { AgencyInfo } from './model-types';

export interface SidebarLibrary {
  agencies: AgencyInfo[];
  captions: CaptionView[];
  hashtagSets: HashtagSetView[];
}

/**
 * The library bundle as the sidebar lists it. The agency's own `requiredHashtags` become a required
 * set of their own when no required set of the library applies to that agency, so the admin always
 * has "the agency's required set" on top.
 */
export function sidebarLibrary(bundle: LibraryBundle, agencyId: string | null): SidebarLibrary {
  const hashtagSets: HashtagSetView[] = bundle.hashtagSets.map((set) => ({
    id: set.id,
    title: set.title,
    kind: set.kind,
    tags: set.hashtags,
    agencies: set.agencies,
    platforms: set.platforms ?? [],
    validFrom: set.validFrom ?? null,
    validUntil: set.validUntil ?? null,
  }));
  const agency = bundle.agencies.find((candidate) => candidate.id === agencyId);
  const hasRequired = hashtagSets.some(
    (set) =>
      set.kind === 'required' &&
      (set.agencies.length === 0 || (agencyId !== null && set.agencies.includes(agencyId))),
  );
  if (agency && agency.requiredHashtags.length > 0 && !hasRequired)
    hashtagSets.unshift({
      id: `agency-${agency.id}`,
      title: agency.shortName,
      kind: 'required',
      tags: agency.requiredHashtags,
      agencies: [agency.id],
      platforms: [],
      validFrom: null,
      validUntil: null,
    });
  return {
    agencies: bundle.agencies.map((item) => ({
      id: item.id,
      name: item.name,
      shortName: item.shortName,
      handles: item.handles,
      ppid: item.ppid,
    })),
    captions: bundle.captions.map((caption) => ({
      id: caption.id,
      title: caption.title,
      text: caption.text,
      platforms: caption.platforms,
      agencies: caption.agencies,
      keywords: caption.tags,
      validFrom: caption.validFrom ?? null,
      validUntil: caption.validUntil ?? null,
    })),
    hashtagSets,
  };
}
