import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type SatuPintuDb } from '@/lib/db/database';
import { loadBundle } from '@/lib/library/bundle-store';
import { generateKeyPair, type KeyPair } from '@/lib/library/signature';
import { createSync } from '@/lib/library/sync';
import { makeBundle } from './fixtures';
import { harness, NOW, URL_ } from './sync-harness';

const embedded = makeBundle({ id: 'kalbar', version: 3 });

let keys: KeyPair;
let otherKeys: KeyPair;
beforeAll(async () => {
  [keys, otherKeys] = await Promise.all([generateKeyPair(), generateKeyPair()]);
});

let db: SatuPintuDb;
let dbCount = 0;
beforeEach(async () => {
  db = openDatabase(`sync-test-${dbCount++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

async function inUse() {
  const loaded = await loadBundle(db);
  return loaded
    ? { id: loaded.bundle.id, version: loaded.bundle.version, source: loaded.stored.source }
    : null;
}

describe('library sync', () => {
  it('without a remote source, loads the embedded default', async () => {
    const h = harness(db, embedded, keys);
    h.source.url = null;
    const status = await h.sync();
    expect(await inUse()).toEqual({ id: 'kalbar', version: 3, source: 'embedded' });
    expect(status).toMatchObject({ libraryId: 'kalbar', version: 3, source: 'embedded', error: null });
    expect(await db.captions.count()).toBe(embedded.captions.length);
    expect(h.requests).toHaveLength(0);
  });

  it('accepts a signed remote bundle and keeps the embedded one as previous', async () => {
    const h = harness(db, embedded, keys);
    h.source.publicKey = keys.publicJwk;
    await h.serve(makeBundle({ id: 'kalbar', version: 1, captions: [] }));
    const status = await h.sync();
    // A new source (URL + key) starts its own version line: version 1 replaces embedded 3.
    expect(status.error).toBeNull();
    expect(await inUse()).toEqual({ id: 'kalbar', version: 1, source: 'remote' });
    expect((await loadBundle(db, 'previous'))?.stored.source).toBe('embedded');
    expect(await db.captions.count()).toBe(0);
    expect(status).toMatchObject({ source: 'remote', version: 1, lastSuccessAt: NOW.getTime(), failures: 0 });
  });

  it('rejects a tampered bundle with the reason and keeps the last good library', async () => {
    const h = harness(db, embedded, keys);
    h.source.publicKey = keys.publicJwk;
    await h.serve(makeBundle({ version: 4 }));
    await h.sync({ force: true });
    const { bytes, signature } = await h.serve(makeBundle({ version: 5 }));
    const tampered = new TextEncoder().encode(
      new TextDecoder().decode(bytes).replace('imunisasi anak', 'imunisasi anaK'),
    );
    h.serveRaw(tampered, signature);
    const status = await h.sync({ force: true });
    expect(status.error).toMatchObject({ code: 'signature', detail: 'mismatch' });
    expect(await inUse()).toEqual({ id: 'uji', version: 4, source: 'remote' });
    expect(await db.captions.count()).toBe(2);
    expect(status.version).toBe(4);
  });

  it('rejects a rollback from the same source', async () => {
    const h = harness(db, embedded, keys);
    h.source.publicKey = keys.publicJwk;
    await h.serve(makeBundle({ version: 4 }));
    await h.sync({ force: true });
    await h.serve(makeBundle({ version: 3, publisher: 'Replay' }));
    const status = await h.sync({ force: true });
    expect(status.error).toMatchObject({ code: 'rollback', version: 3, currentVersion: 4 });
    expect(await inUse()).toMatchObject({ version: 4 });
  });

  it('treats a server re-sending the same file without ETag as unchanged, not as a rollback', async () => {
    const h = harness(db, embedded, keys);
    h.source.publicKey = keys.publicJwk;
    await h.serve(makeBundle({ version: 4 }));
    await h.sync({ force: true });
    const status = await h.sync({ force: true });
    expect(status.error).toBeNull();
  });

  it('uses If-None-Match: a 304 keeps the library and counts as a successful check', async () => {
    const h = harness(db, embedded, keys);
    h.source.publicKey = keys.publicJwk;
    await h.serve(makeBundle({ version: 4 }), { etag: '"abc"' });
    await h.sync({ force: true });
    h.setNow(new Date(NOW.getTime() + 15 * 60_000));
    const status = await h.sync({ force: true });
    const last = h.requests.at(-1) as Request;
    expect(last.headers.get('if-none-match')).toBe('"abc"');
    expect(last.url).toBe(URL_);
    expect(status).toMatchObject({ error: null, version: 4, lastSuccessAt: NOW.getTime() + 15 * 60_000 });
  });

  it('rejects an expired remote bundle but keeps working on an expired stored one, saying so', async () => {
    const h = harness(db, embedded, keys);
    h.source.publicKey = keys.publicJwk;
    await h.serve(makeBundle({ version: 4, expiresAt: '2026-12-01T00:00:00.000Z' }));
    await h.sync({ force: true });
    h.setNow(new Date('2026-12-05T00:00:00Z'));
    await h.serve(makeBundle({ version: 5, expiresAt: '2026-12-02T00:00:00.000Z' }));
    const status = await h.sync({ force: true });
    expect(status.error).toMatchObject({ code: 'expired', expiresAt: '2026-12-02T00:00:00.000Z' });
    expect(await inUse()).toMatchObject({ version: 4 });
    expect(status.expiresAt).toBe('2026-12-01T00:00:00.000Z');
  });

  it('backs off after failures: alarms wait, "sync now" does not', async () => {
    const h = harness(db, embedded, keys);
    h.source.publicKey = keys.publicJwk;
    h.failWith(503);
    const first = await h.sync();
    expect(first.error).toMatchObject({ code: 'http', httpStatus: 503 });
    expect(first.failures).toBe(1);
    expect(first.nextRetryAt).toBe(NOW.getTime() + 22_500); // 30 s × (0.75 + 0.25 × random 0)
    const before = h.requests.length;
    h.setNow(new Date(NOW.getTime() + 10_000));
    const skipped = await h.sync();
    expect(h.requests.length).toBe(before);
    expect(skipped.failures).toBe(1);
    const second = await h.sync({ force: true });
    expect(h.requests.length).toBe(before + 1);
    expect(second.failures).toBe(2);
    expect(second.nextRetryAt).toBe(NOW.getTime() + 10_000 + 45_000);
    // Still a library to work with: the embedded default.
    expect(await inUse()).toMatchObject({ source: 'embedded' });
  });

  it('says when the key is missing, the permission is missing, or the key is wrong', async () => {
    const h = harness(db, embedded, keys);
    await h.serve(makeBundle({ version: 4 }));
    expect((await h.sync({ force: true })).error?.code).toBe('missing-key');
    h.source.publicKey = otherKeys.publicJwk;
    expect((await h.sync({ force: true })).error).toMatchObject({ code: 'signature' });
    h.source.publicKey = keys.publicJwk;
    h.denyPermission();
    expect((await h.sync({ force: true })).error).toMatchObject({ code: 'permission', url: URL_ });
    expect(await inUse()).toMatchObject({ source: 'embedded' });
  });

  it('reports a schema error with the path of the bad field', async () => {
    const h = harness(db, embedded, keys);
    h.source.publicKey = keys.publicJwk;
    const broken = {
      ...makeBundle({ version: 9 }),
      agencies: [{ id: 'x', name: 'X', shortName: 'X', kind: 'kantor' }],
    };
    const bytes = new TextEncoder().encode(JSON.stringify(broken));
    const { signBytes } = await import('@/lib/library/signature');
    h.serveRaw(bytes, await signBytes(bytes, keys.privateJwk));
    const status = await h.sync({ force: true });
    expect(status.error).toMatchObject({ code: 'schema', path: 'agencies[0].kind' });
  });

  it('going back to no remote source restores the embedded library', async () => {
    const h = harness(db, embedded, keys);
    h.source.publicKey = keys.publicJwk;
    await h.serve(makeBundle({ version: 4 }));
    await h.sync({ force: true });
    h.source.url = null;
    await h.sync({ force: true });
    expect(await inUse()).toEqual({ id: 'kalbar', version: 3, source: 'embedded' });
  });

  it('shares one running sync between concurrent callers', async () => {
    const h = harness(db, embedded, keys);
    h.source.publicKey = keys.publicJwk;
    await h.serve(makeBundle({ version: 4 }));
    const spy = vi.spyOn(h.deps, 'getSource');
    const sync = createSync(h.deps);
    const [a, b] = await Promise.all([sync({ force: true }), sync({ force: true })]);
    expect(a).toBe(b);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
