import { describe, expect, it } from 'vitest';
import { findMatchingCaption } from '@/lib/approvals/caption-match';
import type { Agency, Caption } from '@/lib/library/schema';

const agencies: Agency[] = [
  {
    id: 'dinkes',
    name: 'Dinas Kesehatan Provinsi Kalimantan Barat',
    shortName: 'Dinkes Kalbar',
    kind: 'dinas',
    handles: {},
    requiredHashtags: [],
    officialPhones: [],
  },
  {
    id: 'diskominfo',
    name: 'Dinas Komunikasi dan Informatika Provinsi Kalimantan Barat',
    shortName: 'Diskominfo Kalbar',
    kind: 'dinas',
    handles: {},
    requiredHashtags: [],
    officialPhones: [],
  },
];

const caption: Caption = {
  id: 'imunisasi',
  title: 'Imunisasi',
  text: '{{agency.shortName}} mengajak warga ke posyandu pada {{date}} di {{location}}.\n\n#KalbarSehat',
  platforms: ['facebook'],
  agencies: [],
  tags: [],
  approvedBy: 'Biro Adpim',
  approvedAt: '2026-11-01',
  validUntil: '2026-12-31',
};
const NOW = Date.parse('2026-11-26T06:00:00Z');
const context = { agencyId: 'dinkes', agencies, now: NOW };

describe('findMatchingCaption', () => {
  it('matches the caption with placeholders filled as allowed', () => {
    const draft =
      'Dinkes Kalbar mengajak warga ke posyandu pada Rabu (26/11/2026) di Pontianak.\n#KalbarSehat';
    expect(findMatchingCaption(draft, [caption], context)?.id).toBe('imunisasi');
  });

  it("refuses another agency's name, an unfilled placeholder and an edited word", () => {
    const other = 'Diskominfo Kalbar mengajak warga ke posyandu pada Rabu di Pontianak.\n#KalbarSehat';
    expect(findMatchingCaption(other, [caption], context)).toBeUndefined();
    const unfilled = 'Dinkes Kalbar mengajak warga ke posyandu pada {{date}} di Pontianak.\n#KalbarSehat';
    expect(findMatchingCaption(unfilled, [caption], context)).toBeUndefined();
    const edited = 'Dinkes Kalbar memaksa warga ke posyandu pada Rabu di Pontianak.\n#KalbarSehat';
    expect(findMatchingCaption(edited, [caption], context)).toBeUndefined();
  });

  it('accepts any library agency when none is chosen, and refuses captions out of their validity', () => {
    const other = 'Diskominfo Kalbar mengajak warga ke posyandu pada Rabu di Pontianak.\n#KalbarSehat';
    expect(findMatchingCaption(other, [caption], { ...context, agencyId: null })?.id).toBe('imunisasi');
    const draft = 'Dinkes Kalbar mengajak warga ke posyandu pada Rabu di Pontianak.\n#KalbarSehat';
    expect(
      findMatchingCaption(draft, [caption], { ...context, now: Date.parse('2027-01-01T00:00:00+07:00') }),
    ).toBeUndefined();
  });
});
