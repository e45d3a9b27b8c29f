import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type SatuPintuDb } from '@/lib/db/database';
import { storeBundle } from '@/lib/library/bundle-store';
import { searchCaptions } from '@/lib/library/search-captions';
import { makeBundle, makeCaption } from './fixtures';

const NOW = new Date('2026-11-26T06:00:00Z');
let db: SatuPintuDb;

beforeAll(async () => {
  db = openDatabase('search-test');
  const bundle = makeBundle({
    captions: [
      makeCaption({
        id: 'rapat',
        title: 'Rapat koordinasi',
        text: 'Rapat koordinasi di {{location}}.',
        tags: ['kegiatan'],
      }),
      makeCaption({
        id: 'imunisasi',
        title: 'Layanan imunisasi',
        text: 'Dinas Kesehatan melayani imunisasi anak di puskesmas.',
        agencies: ['dinkes'],
        tags: ['Kesehatan'],
      }),
      makeCaption({
        id: 'video',
        title: 'Video pendidikan',
        text: 'Pendidikan untuk semua.',
        platforms: ['youtube'],
        tags: ['pendidikan'],
      }),
      makeCaption({
        id: 'hari-guru',
        title: 'Hari Guru',
        text: 'Terima kasih guru.',
        validFrom: '2026-11-18',
        validUntil: '2026-11-25',
      }),
      makeCaption({ id: 'natal', title: 'Natal', text: 'Selamat Natal.', validFrom: '2026-12-20' }),
      makeCaption({ id: 'perhubungan', title: 'Bandara', text: 'Jadwal penerbangan.', agencies: ['dishub'] }),
    ],
    agencies: [
      {
        id: 'dinkes',
        name: 'Dinas Kesehatan',
        shortName: 'Dinkes',
        kind: 'dinas',
        handles: {},
        requiredHashtags: [],
        officialPhones: [],
      },
      {
        id: 'dishub',
        name: 'Dinas Perhubungan',
        shortName: 'Dishub',
        kind: 'dinas',
        handles: {},
        requiredHashtags: [],
        officialPhones: [],
      },
    ],
  });
  await storeBundle(db, { raw: '', bundle, source: 'embedded', sourceUrl: null, keyId: null, etag: null });
});
afterAll(async () => {
  await db.delete();
});

const ids = async (query: Parameters<typeof searchCaptions>[1]) =>
  (await searchCaptions(db, { now: NOW, ...query })).map((caption) => caption.id);

describe('searchCaptions', () => {
  it('lists valid captions in title order when nothing narrows', async () => {
    expect(await ids({})).toEqual(['perhubungan', 'imunisasi', 'rapat', 'video']);
  });

  it('finds words in title and text, ignoring case and diacritics, the last word as a prefix', async () => {
    expect(await ids({ query: 'IMUNISASI' })).toEqual(['imunisasi']);
    expect(await ids({ query: 'puskesmás' })).toEqual(['imunisasi']);
    expect(await ids({ query: 'layanan imun' })).toEqual(['imunisasi']);
    expect(await ids({ query: 'layanan rapat' })).toEqual([]);
  });

  it('does not index placeholder names as words', async () => {
    expect(await ids({ query: 'location' })).toEqual([]);
  });

  it('filters by platform, by agency (its own and all-agency captions) and by tag', async () => {
    expect(await ids({ platform: 'youtube' })).toEqual(['video']);
    expect(await ids({ agencyId: 'dinkes' })).toEqual(['imunisasi', 'rapat', 'video']);
    expect(await ids({ tag: 'kesehatan' })).toEqual(['imunisasi']);
    expect(await ids({ agencyId: 'dinkes', platform: 'facebook', query: 'anak' })).toEqual(['imunisasi']);
  });

  it('hides captions outside their validity window unless asked (bare days are WIB days)', async () => {
    expect(await ids({ query: 'guru' })).toEqual([]);
    expect(await ids({ query: 'guru', includeOutOfDate: true })).toEqual(['hari-guru']);
    // 25 Nov 23:30 WIB is still Hari Guru's last valid day.
    expect(await ids({ query: 'guru', now: new Date('2026-11-25T16:30:00Z') })).toEqual(['hari-guru']);
    expect(await ids({ query: 'natal', now: new Date('2026-12-20T00:00:00Z') })).toEqual(['natal']);
  });

  it('respects the limit', async () => {
    expect(await ids({ limit: 2 })).toEqual(['perhubungan', 'imunisasi']);
  });
});
