import type { Queryable } from '../db/db';

/**
 * A fixed-window counter in the database, so several desk instances share one limit. Returns the
 * hits in the current window including this one. Old windows are removed now and then.
 */
export async function hitRateLimit(
  db: Queryable,
  bucket: string,
  windowMs: number,
  now: number,
): Promise<number> {
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const rows = await db.query<{ hits: number }>(
    `INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1)
     ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1
     RETURNING hits`,
    [bucket, windowStart],
  );
  const hits = rows[0]?.hits ?? 1;
  if (hits === 1) await db.query('DELETE FROM rate_limits WHERE window_start < $1', [windowStart - windowMs]);
  return hits;
}
