import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type SatuPintuDb } from '@/lib/db/database';
import { loadBundle, storeBundle } from '@/lib/library/bundle-store';
import { describeLibraryStatus, describeSyncError } from '@/lib/library/describe-status';
import { generateKeyPair, type KeyPair } from '@/lib/library/signature';
import { keyId } from '@/lib/library/sync';
import { pinLibraryId, readTrust } from '@/lib/library/trust-store';
import { makeBundle } from './fixtures';
import { harness, URL_ } from './sync-harness';

const MIRROR = 'https://cermin.kalbarprov.go.id/kalbar.json';
const embedded = makeBundle({ id: 'kalbar', version: 3 });

let keys: KeyPair;
let otherKeys: KeyPair;
beforeAll(async () => {
  [keys, otherKeys] = await Promise.all([generateKeyPair(), generateKeyPair()]);
});

let db: SatuPintuDb;
beforeEach(async () => {
  db = openDatabase(`rollback-test-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function inUse() {
  const loaded = await loadBundle(db);
  return loaded && { id: loaded.bundle.id, version: loaded.bundle.version, source: loaded.stored.source };
}

describe('rollback protection per public key and library id', () => {
  it('refuses an older bundle from a mirror (same key, another URL)', async () => {
    const h = harness(db, embedded, keys);
    h.source.publicKey = keys.publicJwk;
    await h.serve(makeBundle({ version: 8 }));
    expect((await h.sync({ force: true })).error).toBeNull();
    h.source.url = MIRROR;
    await h.serve(makeBundle({ version: 6, publisher: 'Salinan lama' }));
    const status = await h.sync({ force: true });
    expect(status.error).toMatchObject({ code: 'rollback', version: 6, currentVersion: 8 });
    expect(await inUse()).toEqual({ id: 'uji', version: 8, source: 'remote' });
  });

  it('keeps the mark when the source is cleared (embedded in use) and restored', async () => {
    const h = harness(db, embedded, keys);
    h.source.publicKey = keys.publicJwk;
    await h.serve(makeBundle({ version: 8 }));
    await h.sync({ force: true });
    h.source.url = null;
    h.source.publicKey = null;
    await h.sync({ force: true });
    expect(await inUse()).toMatchObject({ source: 'embedded' });
    // Restored (typed again, or a settings import): an older bundle is still refused…
    h.source.url = URL_;
    h.source.publicKey = keys.publicJwk;
    await h.serve(makeBundle({ version: 7 }));
    expect((await h.sync({ force: true })).error).toMatchObject({ code: 'rollback', currentVersion: 8 });
    expect(await inUse()).toMatchObject({ source: 'embedded' });
    // …while the very bundle accepted before is accepted again, and newer ones as usual.
    await h.serve(makeBundle({ version: 8 }));
    expect((await h.sync({ force: true })).error).toBeNull();
    expect(await inUse()).toEqual({ id: 'uji', version: 8, source: 'remote' });
    await h.serve(makeBundle({ version: 9 }));
    expect((await h.sync({ force: true })).error).toBeNull();
    expect((await readTrust(db, keyId(keys.publicJwk)!))?.accepted.uji?.version).toBe(9);
  });

  it('refuses a same-version bundle with other content', async () => {
    const h = harness(db, embedded, keys);
    h.source.publicKey = keys.publicJwk;
    await h.serve(makeBundle({ version: 8 }));
    await h.sync({ force: true });
    await h.serve(makeBundle({ version: 8, publisher: 'Lain' }));
    expect((await h.sync({ force: true })).error).toMatchObject({
      code: 'rollback',
      version: 8,
      currentVersion: 8,
    });
  });

  it('refuses a bundle with another library id until the admin confirms the switch', async () => {
    const h = harness(db, embedded, keys);
    h.source.publicKey = keys.publicJwk;
    await h.serve(makeBundle({ id: 'uji', version: 8 }));
    await h.sync({ force: true });
    await h.serve(makeBundle({ id: 'provinsi-lain', version: 50 }));
    const refused = await h.sync({ force: true });
    expect(refused.error).toMatchObject({
      code: 'library-id',
      libraryId: 'provinsi-lain',
      currentLibraryId: 'uji',
    });
    expect(await inUse()).toMatchObject({ id: 'uji', version: 8 });
    expect(describeSyncError(refused.error!, 'id')).toBe(
      'server memberikan pustaka "provinsi-lain", padahal kunci publik ini terikat ke pustaka "uji".',
    );
    expect(describeLibraryStatus(refused, 'en')).toContain(
      'If this change of library is intended, confirm it',
    );

    await pinLibraryId(db, keyId(keys.publicJwk)!, 'provinsi-lain');
    expect((await h.sync({ force: true })).error).toBeNull();
    expect(await inUse()).toMatchObject({ id: 'provinsi-lain', version: 50 });
    // Switching back later still knows the old id's mark.
    await pinLibraryId(db, keyId(keys.publicJwk)!, 'uji');
    await h.serve(makeBundle({ id: 'uji', version: 7 }));
    expect((await h.sync({ force: true })).error).toMatchObject({ code: 'rollback', currentVersion: 8 });
  });

  it('a new key starts its own line (the admin chose a new trust root)', async () => {
    const h = harness(db, embedded, keys);
    h.source.publicKey = keys.publicJwk;
    await h.serve(makeBundle({ version: 8 }));
    await h.sync({ force: true });
    h.source.publicKey = otherKeys.publicJwk;
    await h.serve(makeBundle({ id: 'baru', version: 1 }), { key: otherKeys });
    expect((await h.sync({ force: true })).error).toBeNull();
    expect(await inUse()).toMatchObject({ id: 'baru', version: 1 });
  });

  it('seeds the mark from a remote bundle stored before marks existed', async () => {
    const h = harness(db, embedded, keys);
    const old = makeBundle({ version: 8 });
    await storeBundle(db, {
      raw: JSON.stringify(old),
      bundle: old,
      source: 'remote',
      sourceUrl: URL_,
      keyId: keyId(keys.publicJwk),
      etag: null,
    });
    expect(await readTrust(db, keyId(keys.publicJwk)!)).toBeNull();
    h.source.url = MIRROR;
    h.source.publicKey = keys.publicJwk;
    await h.serve(makeBundle({ version: 5 }));
    expect((await h.sync({ force: true })).error).toMatchObject({ code: 'rollback', currentVersion: 8 });
  });
});

describe('signature errors say what the admin can do', () => {
  it('a key that verified this library before: the bureau must re-sign, the key is right', async () => {
    const h = harness(db, embedded, keys);
    h.source.publicKey = keys.publicJwk;
    const first = makeBundle({ version: 4, contact: { name: 'Biro Adpim', phone: '0561-736541' } });
    await h.serve(first);
    await h.sync({ force: true });
    // Version 5 published with the old signature (forgotten re-sign).
    const { signature } = await h.serve(first);
    const next = await h.serve(makeBundle({ version: 5, contact: first.contact }));
    h.serveRaw(next.bytes, signature);
    const status = await h.sync({ force: true });
    expect(status.error).toMatchObject({ code: 'signature', detail: 'mismatch', knownKey: true });
    const text = describeLibraryStatus(status, 'id');
    expect(text).toContain('padahal kunci publik ini sudah memverifikasi pustaka ini sebelumnya');
    expect(text).toContain('Kunci publik Anda benar, jangan diubah');
    expect(text).toContain('hubungi Biro Adpim (0561-736541)');
    expect(text).not.toContain('kunci publik salah');
  });

  it('a key that never verified anything: check the key, else contact the bureau', async () => {
    const h = harness(db, embedded, keys);
    h.source.publicKey = otherKeys.publicJwk;
    await h.serve(makeBundle({ version: 4 }));
    const status = await h.sync({ force: true });
    expect(status.error).toMatchObject({ code: 'signature', detail: 'mismatch' });
    expect(status.error?.knownKey).toBeUndefined();
    const text = describeLibraryStatus(status, 'en');
    expect(text).toContain('Compare the public key in the settings with the one the bureau shared');
    // Without a contact in the library in use, its publisher is named.
    expect(text).toContain(`contact ${embedded.publisher}`);
  });
});

describe('storage quota', () => {
  it('a full disk refuses the new bundle with a clear message and keeps the last good library', async () => {
    const h = harness(db, embedded, keys);
    h.source.publicKey = keys.publicJwk;
    await h.serve(makeBundle({ version: 4 }));
    await h.sync({ force: true });
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const spy = vi.spyOn(db.captions, 'bulkAdd').mockRejectedValue(quota);
    await h.serve(makeBundle({ version: 5, captions: [] }));
    const status = await h.sync({ force: true });
    spy.mockRestore();
    expect(status.error).toMatchObject({ code: 'storage' });
    expect(describeLibraryStatus(status, 'id')).toContain('ruang penyimpanan browser penuh');
    expect(describeLibraryStatus(status, 'en')).toContain('Free some disk space');
    // The transaction rolled back: the last good library, its captions and its mark are intact.
    expect(await inUse()).toEqual({ id: 'uji', version: 4, source: 'remote' });
    expect(await db.captions.count()).toBe(2);
    expect((await readTrust(db, keyId(keys.publicJwk)!))?.accepted.uji?.version).toBe(4);
    // Space freed: the next sync takes version 5.
    expect((await h.sync({ force: true })).error).toBeNull();
    expect(await inUse()).toMatchObject({ version: 5 });
  });
});
