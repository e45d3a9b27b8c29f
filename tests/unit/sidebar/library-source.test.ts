import { describe, expect, it } from 'vitest';
import { type LibraryBundle, LibraryBundleSchema } from '@/lib/library/schema';
import { sidebarLibrary } from '@/lib/sidebar/library-source';

const agency = (id: string, requiredHashtags: string[]) => ({
  id,
  name: `Dinas ${id}`,
  shortName: id.toUpperCase(),
  kind: 'dinas' as const,
  handles: {},
  requiredHashtags,
  officialPhones: [],
});

/** Parsed by the library's own schema, so fields the library gains later get their defaults. */
function bundle(hashtagSets: LibraryBundle['hashtagSets']): LibraryBundle {
  return LibraryBundleSchema.parse({
    format: 'satu-pintu/library@1',
    id: 'kalbar',
    version: 1,
    issuedAt: '2026-11-01T00:00:00+07:00',
    expiresAt: '2027-11-01T00:00:00+07:00',
    publisher: 'Biro Adpim',
    agencies: [agency('dinkes', ['#DinkesKalbar', '#PemprovKalbar']), agency('bpbd', [])],
    guidelines: [],
    captions: [
      {
        id: 'c1',
        title: 'Sosialisasi',
        text: '{{agency.name}}',
        platforms: ['instagram'],
        agencies: [],
        tags: ['kegiatan'],
        approvedBy: 'Biro',
        approvedAt: '2026-11-20',
      },
    ],
    hashtagSets,
    bannedHashtags: [],
    approvals: [],
    platforms: {},
    endpoints: {},
    allowlists: { phones: [], domains: [] },
  });
}

describe('sidebarLibrary', () => {
  it('maps captions and sets to the sidebar’s shapes', () => {
    const view = sidebarLibrary(
      bundle([{ id: 'wajib', kind: 'required', title: 'Wajib', hashtags: ['#PemprovKalbar'], agencies: [] }]),
      'dinkes',
    );
    expect(view.captions[0]).toMatchObject({
      id: 'c1',
      keywords: ['kegiatan'],
      validFrom: null,
      platforms: ['instagram'],
    });
    expect(view.hashtagSets).toEqual([
      {
        id: 'wajib',
        title: 'Wajib',
        kind: 'required',
        tags: ['#PemprovKalbar'],
        agencies: [],
        platforms: [],
        validFrom: null,
        validUntil: null,
      },
    ]);
  });

  it("turns the agency's own required hashtags into its required set when the library has none for it", () => {
    const onlyForBpbd = bundle([
      { id: 'bpbd-wajib', kind: 'required', title: 'BPBD', hashtags: ['#BPBD'], agencies: ['bpbd'] },
    ]);
    expect(sidebarLibrary(onlyForBpbd, 'dinkes').hashtagSets[0]).toMatchObject({
      id: 'agency-dinkes',
      kind: 'required',
      tags: ['#DinkesKalbar', '#PemprovKalbar'],
      agencies: ['dinkes'],
    });
    // No agency chosen, or an agency without required hashtags: nothing invented.
    expect(sidebarLibrary(onlyForBpbd, null).hashtagSets.map((set) => set.id)).toEqual(['bpbd-wajib']);
    expect(sidebarLibrary(onlyForBpbd, 'bpbd').hashtagSets.map((set) => set.id)).toEqual(['bpbd-wajib']);
  });
});
