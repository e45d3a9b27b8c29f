import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SatuPintuDb } from '@/lib/db/database';
import { createLibraryService } from '@/lib/library/service';
import { generateKeyPair, type KeyPair } from '@/lib/library/signature';
import { INITIAL_LIBRARY_STATUS, type LibraryStatus } from '@/lib/library/status-schema';
import { bundleBytes, makeBundle, signed } from './fixtures';

const URL_ = 'https://pustaka.kalbarprov.go.id/kalbar.json';
let keys: KeyPair;
let db: SatuPintuDb;
let n = 0;

beforeAll(async () => {
  keys = await generateKeyPair();
});
beforeEach(() => {
  db = openDatabase(`service-test-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

function service(
  options: { permission?: boolean; served?: { bytes: Uint8Array; signature: string }; remote?: boolean } = {},
) {
  let status: LibraryStatus = INITIAL_LIBRARY_STATUS;
  const retries: (number | null)[] = [];
  const svc = createLibraryService({
    db,
    getSource: async () =>
      options.remote ? { url: URL_, publicKey: keys.publicJwk } : { url: null, publicKey: null },
    loadEmbedded: async () => bundleBytes(makeBundle({ id: 'kalbar', version: 3 })),
    hasPermission: async () => options.permission ?? true,
    readStatus: async () => status,
    writeStatus: async (next) => {
      status = next;
    },
    language: async () => 'en',
    scheduleRetry: (at) => retries.push(at),
    fetch: (async (input: RequestInfo | URL) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!options.served) return new Response('missing', { status: 404 });
      return new Response(
        url.endsWith('.sig') ? options.served.signature : (options.served.bytes as BodyInit),
      );
    }) as typeof fetch,
  });
  return { svc, retries };
}

describe('library service (the background message handlers)', () => {
  it('getLibrary loads the embedded default on first use and describes it', async () => {
    const { svc } = service();
    const { bundle, status } = await svc.getLibrary();
    expect(bundle).toMatchObject({ id: 'kalbar', version: 3 });
    expect(status).toMatchObject({ libraryId: 'kalbar', version: 3, source: 'embedded', captionCount: 2 });
  });

  it('searchCaptions parses its input at the boundary and searches the library in use', async () => {
    const { svc } = service();
    expect((await svc.search({ query: 'imunisasi' })).map((c) => c.id)).toEqual(['imunisasi']);
    expect(await svc.search({ platform: 'tiktok' })).toEqual([]);
    expect(await svc.search({ limit: 'many' })).toEqual([]);
  });

  it('testLibrarySource verifies without storing, with a message in the UI language', async () => {
    const served = await signed(makeBundle({ version: 7 }), keys.privateJwk);
    const { svc } = service({ served });
    const answer = await svc.testSource({ url: URL_, publicKey: keys.publicJwk });
    expect(answer).toEqual({ ok: true, version: 7, message: 'Library uji version 7 verified: 2 captions.' });
    expect(await db.bundles.count()).toBe(0);

    const other = await generateKeyPair();
    const wrongKey = await svc.testSource({ url: URL_, publicKey: other.publicJwk });
    expect(wrongKey.ok).toBe(false);
    expect(wrongKey.message).toMatch(/^The library cannot be used: the digital signature is not valid/);

    expect((await svc.testSource({ url: 'ftp://x.example/lib.json', publicKey: keys.publicJwk })).ok).toBe(
      false,
    );
    expect((await svc.testSource({ url: 'http://example.com/lib.json', publicKey: keys.publicJwk })).ok).toBe(
      false,
    );
  });

  it('testLibrarySource reports a missing host permission instead of fetching', async () => {
    const served = await signed(makeBundle({ version: 7 }), keys.privateJwk);
    const { svc } = service({ served, permission: false });
    const answer = await svc.testSource({ url: URL_, publicKey: keys.publicJwk });
    expect(answer.ok).toBe(false);
    expect(answer.message).toContain('https://pustaka.kalbarprov.go.id');
  });

  it('sync schedules the backoff retry on failure and cancels it on success', async () => {
    const failing = service({ remote: true });
    const failed = await failing.svc.sync({ force: true });
    expect(failed.error).toMatchObject({ code: 'http', httpStatus: 404 });
    expect(failing.retries).toEqual([failed.nextRetryAt]);
    expect(failed.nextRetryAt).toBeGreaterThan(Date.now());

    const served = await signed(makeBundle({ version: 7 }), keys.privateJwk);
    const working = service({ remote: true, served });
    expect((await working.svc.sync({ force: true })).error).toBeNull();
    expect(working.retries).toEqual([null]);
  });

  it('getLibrary answers the newly synced bundle, not a cached older one', async () => {
    const served = await signed(makeBundle({ version: 7, publisher: 'Penerbit baru' }), keys.privateJwk);
    const { svc } = service({ remote: true, served });
    expect((await svc.getLibrary()).bundle).toMatchObject({ id: 'kalbar', version: 3 });
    await svc.sync({ force: true });
    const { bundle, status } = await svc.getLibrary();
    expect(bundle).toMatchObject({ id: 'uji', version: 7, publisher: 'Penerbit baru' });
    expect(status).toMatchObject({ version: 7, source: 'remote' });
  });

  it('a sync of a newly configured source is not undone by a sync of the old source still running', async () => {
    const served = await signed(makeBundle({ version: 7 }), keys.privateJwk);
    let source: { url: string | null; publicKey: typeof keys.publicJwk | null } = {
      url: null,
      publicKey: null,
    };
    let releaseEmbedded = () => {};
    const embeddedLoaded = new Promise<void>((resolve) => {
      releaseEmbedded = resolve;
    });
    let status: LibraryStatus = INITIAL_LIBRARY_STATUS;
    const svc = createLibraryService({
      db,
      getSource: async () => source,
      // The install-time sync of the embedded library is slow...
      loadEmbedded: async () => {
        await embeddedLoaded;
        return bundleBytes(makeBundle({ id: 'kalbar', version: 3 }));
      },
      hasPermission: async () => true,
      readStatus: async () => status,
      writeStatus: async (next) => {
        status = next;
      },
      language: async () => 'en',
      fetch: (async (input: RequestInfo | URL) =>
        new Response(
          String(input).endsWith('.sig') ? served.signature : (served.bytes as BodyInit),
        )) as typeof fetch,
    });
    const install = svc.sync({ force: true });
    await new Promise((resolve) => setTimeout(resolve, 10));
    // ...and the admin saves a library URL while it runs.
    source = { url: URL_, publicKey: keys.publicJwk };
    const configured = svc.sync({ force: true });
    releaseEmbedded();
    await Promise.all([install, configured]);
    expect((await svc.getLibrary()).bundle).toMatchObject({ id: 'uji', version: 7 });
    expect(status).toMatchObject({ version: 7, source: 'remote', error: null });
  });
});

describe('confirmLibrarySwitch', () => {
  it('pins only the library id the last sync refused, then syncs it in', async () => {
    const served = { bytes: new Uint8Array(), signature: '' };
    const { svc } = service({ remote: true, served });
    Object.assign(served, await signed(makeBundle({ id: 'uji', version: 4 }), keys.privateJwk));
    expect((await svc.sync({ force: true })).error).toBeNull();
    Object.assign(served, await signed(makeBundle({ id: 'lain', version: 9 }), keys.privateJwk));
    expect((await svc.sync({ force: true })).error).toMatchObject({ code: 'library-id', libraryId: 'lain' });

    await expect(svc.confirmLibrarySwitch({ libraryId: 'yang-lain' })).rejects.toThrow(/no refused switch/);
    await expect(svc.confirmLibrarySwitch({ libraryId: 'Not A Slug' })).rejects.toThrow();
    expect((await svc.getLibrary()).bundle).toMatchObject({ id: 'uji', version: 4 });

    const status = await svc.confirmLibrarySwitch({ libraryId: 'lain' });
    expect(status).toMatchObject({ error: null, libraryId: 'lain', version: 9 });
    expect((await svc.getLibrary()).bundle).toMatchObject({ id: 'lain', version: 9 });
    // Nothing pending any more: a second confirmation is refused.
    await expect(svc.confirmLibrarySwitch({ libraryId: 'lain' })).rejects.toThrow();
  });
});

describe('testLibrarySource under a key that accepted a library before', () => {
  it('says what a sync would refuse: another library id, an older version', async () => {
    const served = { bytes: new Uint8Array(), signature: '' };
    const { svc } = service({ remote: true, served });
    Object.assign(served, await signed(makeBundle({ id: 'uji', version: 4 }), keys.privateJwk));
    await svc.sync({ force: true });
    Object.assign(served, await signed(makeBundle({ id: 'lain', version: 9 }), keys.privateJwk));
    const other = await svc.testSource({ url: URL_, publicKey: keys.publicJwk });
    expect(other).toMatchObject({ ok: false });
    expect(other.message).toContain('the server sent the library "lain"');
    Object.assign(served, await signed(makeBundle({ id: 'uji', version: 3 }), keys.privateJwk));
    expect((await svc.testSource({ url: URL_, publicKey: keys.publicJwk })).message).toContain(
      'version 3 is not newer than the version in use (4)',
    );
  });
});
