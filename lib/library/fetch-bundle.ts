import { MAX_BUNDLE_BYTES } from './verify-bundle';

/** How long one request (bundle or signature) may take before it counts as a timeout. */
export const FETCH_TIMEOUT_MS = 30_000;

export type FetchFailure =
  | { code: 'http'; status: number; url: string }
  | { code: 'timeout'; url: string }
  | { code: 'network'; detail: string; url: string }
  | { code: 'too-large'; bytes: number };

export type FetchResult =
  | { kind: 'not-modified' }
  | { kind: 'fetched'; bytes: Uint8Array; signature: string; etag: string | null }
  | { kind: 'failed'; failure: FetchFailure };

export interface FetchOptions {
  /** The ETag of the bundle in use from this URL: the server answers 304 when nothing changed. */
  etag?: string | null;
  timeoutMs?: number;
  maxBytes?: number;
  fetch?: typeof fetch;
}

/** The detached signature lives beside the bundle. */
export function signatureUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname}.sig`;
  return parsed.toString();
}

class TooLarge extends Error {
  constructor(readonly bytes: number) {
    super('too large');
  }
}

/** Reads a body, stopping as soon as it passes `maxBytes` (a hostile server may never end it). */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw new TooLarge(declared);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new TooLarge(total);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function request(
  url: string,
  init: RequestInit,
  timeoutMs: number,
  fetchImpl: typeof fetch,
  read: (response: Response) => Promise<Uint8Array>,
): Promise<{ response: Response; bytes: Uint8Array } | { failure: FetchFailure }> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetchImpl(url, { ...init, signal: controller.signal });
    if (response.status === 304) return { response, bytes: new Uint8Array() };
    if (!response.ok) return { failure: { code: 'http', status: response.status, url } };
    return { response, bytes: await read(response) };
  } catch (error) {
    if (error instanceof TooLarge) return { failure: { code: 'too-large', bytes: error.bytes } };
    if (timedOut) return { failure: { code: 'timeout', url } };
    return {
      failure: { code: 'network', detail: error instanceof Error ? error.message : String(error), url },
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Fetches a bundle and its detached signature. With `etag`, a 304 means the bundle in use is still
 * the published one. `cache: 'no-cache'` makes the browser revalidate instead of serving a stale copy.
 */
export async function fetchBundle(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_BUNDLE_BYTES;
  const headers: Record<string, string> = {};
  if (options.etag) headers['If-None-Match'] = options.etag;

  const body = await request(url, { headers, cache: 'no-cache' }, timeoutMs, fetchImpl, (r) =>
    readLimited(r, maxBytes),
  );
  if ('failure' in body) return { kind: 'failed', failure: body.failure };
  if (body.response.status === 304) return { kind: 'not-modified' };

  const sigUrl = signatureUrl(url);
  // A signature is a few hundred bytes; anything much larger is not one.
  const sig = await request(sigUrl, { cache: 'no-cache' }, timeoutMs, fetchImpl, (r) =>
    readLimited(r, 64 * 1024),
  );
  if ('failure' in sig) return { kind: 'failed', failure: sig.failure };
  if (sig.response.status === 304)
    return { kind: 'failed', failure: { code: 'http', status: 304, url: sigUrl } };
  return {
    kind: 'fetched',
    bytes: body.bytes,
    signature: new TextDecoder().decode(sig.bytes).trim(),
    etag: body.response.headers.get('etag'),
  };
}
