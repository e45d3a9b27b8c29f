import type { SatuPintuDb } from '@/lib/db/database';
import type { LibraryBundle } from '@/lib/library/schema';
import type { KeyPair } from '@/lib/library/signature';
import { INITIAL_LIBRARY_STATUS, type LibraryStatus } from '@/lib/library/status-schema';
import { createSync, type LibrarySource, type SyncDeps } from '@/lib/library/sync';
import { bundleBytes, signed } from './fixtures';

export const URL_ = 'https://pustaka.kalbarprov.go.id/kalbar.json';
export const NOW = new Date('2026-11-26T06:00:00Z');

/** A scripted library server plus everything else the sync needs. */
export function harness(db: SatuPintuDb, embedded: LibraryBundle, keys: KeyPair) {
  let status: LibraryStatus = INITIAL_LIBRARY_STATUS;
  const served: { bytes: Uint8Array | null; signature: string; etag: string | null; status: number } = {
    bytes: null,
    signature: '',
    etag: null,
    status: 200,
  };
  const requests: Request[] = [];
  const source: LibrarySource = { url: URL_, publicKey: null };
  let now = NOW;
  let permission = true;
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    if (served.status !== 200) return new Response('error', { status: served.status });
    if (request.url.endsWith('.sig')) return new Response(served.signature);
    if (served.etag && request.headers.get('if-none-match') === served.etag)
      return new Response(null, { status: 304 });
    return new Response(served.bytes as BodyInit, { headers: served.etag ? { ETag: served.etag } : {} });
  }) as typeof fetch;
  const deps: SyncDeps = {
    db,
    getSource: async () => ({ ...source }),
    loadEmbedded: async () => bundleBytes(embedded),
    hasPermission: async () => permission,
    readStatus: async () => status,
    writeStatus: async (next) => {
      status = next;
    },
    fetch: fetchImpl,
    now: () => now,
    random: () => 0,
  };
  return {
    deps,
    sync: createSync(deps),
    source,
    requests,
    status: () => status,
    setNow: (date: Date) => {
      now = date;
    },
    denyPermission: () => {
      permission = false;
    },
    async serve(bundle: LibraryBundle, { key = keys, etag = null as string | null } = {}) {
      const { bytes, signature } = await signed(bundle, key.privateJwk);
      Object.assign(served, { bytes, signature, etag, status: 200 });
      return { bytes, signature };
    },
    serveRaw(bytes: Uint8Array, signature: string) {
      Object.assign(served, { bytes, signature, etag: null, status: 200 });
    },
    failWith(httpStatus: number) {
      served.status = httpStatus;
    },
  };
}
