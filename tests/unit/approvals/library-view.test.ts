import { afterEach, describe, expect, it } from 'vitest';
import { loadLibraryView } from '@/lib/approvals/library-view';
import { openDatabase } from '@/lib/db/database';
import { storeBundle } from '@/lib/library/bundle-store';
import { LIBRARY_FORMAT, type LibraryBundle, LibraryBundleSchema } from '@/lib/library/schema';

const FP = 'c'.repeat(64);

function bundle(version: number, extra: Partial<LibraryBundle> = {}): LibraryBundle {
  return LibraryBundleSchema.parse({
    format: LIBRARY_FORMAT,
    id: 'uji',
    version,
    issuedAt: '2026-11-01T00:00:00.000Z',
    expiresAt: '2027-05-01T00:00:00.000Z',
    publisher: 'Biro Administrasi Pimpinan',
    agencies: [],
    guidelines: [],
    captions: [],
    hashtagSets: [],
    ...extra,
  });
}

const db = openDatabase(`library-view-${Math.random()}`);
afterEach(async () => {
  await db.bundles.clear();
});

describe('loadLibraryView', () => {
  it('is empty without a library', async () => {
    expect((await loadLibraryView(db)).version).toBe(0);
  });

  it('indexes the approvals and the submit endpoint of the library in use, and follows a new one', async () => {
    const first = bundle(2, {
      approvals: [
        {
          fingerprint: FP,
          status: 'changes-requested',
          reviewer: 'A',
          decidedAt: '2026-11-20T00:00:00+07:00',
        },
        { fingerprint: FP, status: 'approved', reviewer: 'B', decidedAt: '2026-11-21T00:00:00+07:00' },
      ],
    });
    await storeBundle(db, {
      raw: JSON.stringify(first),
      bundle: first,
      source: 'remote',
      sourceUrl: null,
      keyId: null,
      etag: null,
      now: 1,
    });
    const view = await loadLibraryView(db);
    expect(view.version).toBe(2);
    expect(view.approvals.get(FP)?.map((record) => record.reviewer)).toEqual(['B', 'A']);
    expect(view.submitEndpoint).toBeUndefined();

    const second = bundle(3, { endpoints: { submit: 'https://biro.example.go.id/ajukan' } });
    await storeBundle(db, {
      raw: JSON.stringify(second),
      bundle: second,
      source: 'remote',
      sourceUrl: null,
      keyId: null,
      etag: null,
      now: 2,
    });
    const next = await loadLibraryView(db);
    expect(next.version).toBe(3);
    expect(next.approvals.size).toBe(0);
    expect(next.submitEndpoint).toBe('https://biro.example.go.id/ajukan');
  });
});
