import type { Hono } from 'hono';
import type { DeskConfig, DeskEnv } from '../context';
import { latestBundle } from '../store/library';

/** True when an If-None-Match header names this ETag (or is `*`). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

/**
 * The signed library, as a static host or CDN would serve it: `/library/<id>.json` and its `.sig`
 * (also `/library/<id>.sig`), with an ETag so unchanged copies cost a 304. Public data: any origin.
 */
export function mountLibrary(app: Hono<DeskEnv>, config: DeskConfig): void {
  app.get('/library/:file', async (c) => {
    const file = c.req.param('file');
    const id = config.libraryId;
    const kind =
      file === `${id}.json` ? 'json' : file === `${id}.json.sig` || file === `${id}.sig` ? 'sig' : null;
    if (!kind) return c.json({ error: 'no such library' }, 404);
    const latest = await latestBundle(config.db, id);
    if (!latest) return c.json({ error: 'the library has not been published yet' }, 404);
    const etag = kind === 'json' ? latest.etag : latest.etag.replace(/"$/, '-sig"');
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Access-Control-Expose-Headers', 'ETag');
    if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    if (kind === 'json') {
      c.header('Content-Type', 'application/json; charset=utf-8');
      return c.body(latest.json);
    }
    c.header('Content-Type', 'text/plain; charset=utf-8');
    return c.body(`${latest.sig}\n`);
  });
}
