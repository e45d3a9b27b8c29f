import { describe, expect, it, vi } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, backoffDelay } from '@/lib/library/backoff';
import { fetchBundle, signatureUrl } from '@/lib/library/fetch-bundle';

const URL_ = 'https://cdn.example.go.id/pustaka/kalbar.json';

/** A scripted server: path → handler; records every request. */
function server(routes: Record<string, (request: Request) => Response | Promise<Response>>) {
  const requests: Request[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    const handler = routes[new URL(request.url).pathname];
    return handler ? handler(request) : new Response('not found', { status: 404 });
  }) as unknown as typeof fetch;
  return { fetchImpl, requests };
}

describe('fetchBundle', () => {
  it('fetches the bundle and its .sig, and remembers the ETag', async () => {
    const { fetchImpl } = server({
      '/pustaka/kalbar.json': () => new Response('{"a":1}', { headers: { ETag: '"v7"' } }),
      '/pustaka/kalbar.json.sig': () => new Response('c2lnbmF0dXJl\n'),
    });
    const result = await fetchBundle(URL_, { fetch: fetchImpl });
    expect(result).toEqual({
      kind: 'fetched',
      bytes: new TextEncoder().encode('{"a":1}'),
      signature: 'c2lnbmF0dXJl',
      etag: '"v7"',
    });
  });

  it('sends If-None-Match and stops at 304 without fetching the signature', async () => {
    const { fetchImpl, requests } = server({
      '/pustaka/kalbar.json': (request) =>
        request.headers.get('if-none-match') === '"v7"'
          ? new Response(null, { status: 304 })
          : new Response('{}'),
    });
    expect(await fetchBundle(URL_, { fetch: fetchImpl, etag: '"v7"' })).toEqual({ kind: 'not-modified' });
    expect(requests).toHaveLength(1);
  });

  it('reports the HTTP status of the bundle or of the signature', async () => {
    const missing = server({});
    expect(await fetchBundle(URL_, { fetch: missing.fetchImpl })).toEqual({
      kind: 'failed',
      failure: { code: 'http', status: 404, url: URL_ },
    });
    const noSig = server({ '/pustaka/kalbar.json': () => new Response('{}') });
    expect(await fetchBundle(URL_, { fetch: noSig.fetchImpl })).toEqual({
      kind: 'failed',
      failure: { code: 'http', status: 404, url: signatureUrl(URL_) },
    });
  });

  it('times out a server that never answers', async () => {
    const hanging = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      })) as typeof fetch;
    expect(await fetchBundle(URL_, { fetch: hanging, timeoutMs: 20 })).toEqual({
      kind: 'failed',
      failure: { code: 'timeout', url: URL_ },
    });
  });

  it('refuses a body over the limit, by Content-Length or while streaming', async () => {
    const declared = server({
      '/pustaka/kalbar.json': () => new Response('{}', { headers: { 'Content-Length': '999999999' } }),
    });
    expect(await fetchBundle(URL_, { fetch: declared.fetchImpl })).toEqual({
      kind: 'failed',
      failure: { code: 'too-large', bytes: 999999999 },
    });
    // No Content-Length: the stream is cut as soon as it passes the limit.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1000));
      },
    });
    const streaming = server({ '/pustaka/kalbar.json': () => new Response(endless) });
    const result = await fetchBundle(URL_, { fetch: streaming.fetchImpl, maxBytes: 5000 });
    expect(result).toEqual({ kind: 'failed', failure: { code: 'too-large', bytes: 6000 } });
    expect(pulled).toBeLessThan(10);
  });

  it('reports network errors with their message', async () => {
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await fetchBundle(URL_, { fetch: offline })).toEqual({
      kind: 'failed',
      failure: { code: 'network', detail: 'Failed to fetch', url: URL_ },
    });
  });
});

describe('backoffDelay', () => {
  it('doubles from the base up to the cap, with jitter only in the last quarter', () => {
    const exact = (n: number) => backoffDelay(n, () => 1 - 1e-12);
    expect(backoffDelay(0)).toBe(0);
    expect(exact(1)).toBe(BACKOFF_BASE_MS);
    expect(exact(2)).toBe(2 * BACKOFF_BASE_MS);
    expect(exact(3)).toBe(4 * BACKOFF_BASE_MS);
    expect(exact(30)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(3, () => 0)).toBe(3 * BACKOFF_BASE_MS);
  });
});
