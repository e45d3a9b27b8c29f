import type { Queryable } from '../db/db';
import { recordAudit } from './audit';
import { hashSecret, newSecret } from './secrets';

/** Issues an agency's submission token; only its hash is kept, so it is shown once. */
export async function issueAgencyToken(
  db: Queryable,
  agencyId: string,
  options: { label?: string; actor?: string } = {},
): Promise<string> {
  const token = newSecret('spd_');
  await db.query('INSERT INTO agencies_tokens (token_hash, agency_id, label) VALUES ($1, $2, $3)', [
    hashSecret(token),
    agencyId,
    options.label ?? '',
  ]);
  await recordAudit(db, { actor: options.actor ?? 'desk', action: 'token-issued', subject: agencyId });
  return token;
}

/** The agency a bearer token belongs to, or null when it is unknown or revoked. */
export async function agencyForToken(db: Queryable, token: string): Promise<string | null> {
  const rows = await db.query<{ agency_id: string }>(
    'SELECT agency_id FROM agencies_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
    [hashSecret(token)],
  );
  return rows[0]?.agency_id ?? null;
}

/**
 * The submissions path's first step in one round trip: counts this request against the token's
 * per-minute window and looks the token up. Counting happens for unknown tokens too, so guessing
 * is rate-limited like sending.
 */
export async function countAndIdentify(
  db: Queryable,
  token: string,
  windowMs: number,
  now: number,
): Promise<{ agencyId: string | null; hits: number }> {
  const tokenHash = hashSecret(token);
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const [row] = await db.query<{ hits: number; agency_id: string | null }>(
    `WITH hit AS (
       INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1
       RETURNING hits
     )
     SELECT (SELECT hits FROM hit) AS hits,
            (SELECT agency_id FROM agencies_tokens WHERE token_hash = $3 AND revoked_at IS NULL) AS agency_id`,
    [`submit:${tokenHash.slice(0, 24)}`, windowStart, tokenHash],
  );
  const hits = row?.hits ?? 1;
  if (hits === 1) await db.query('DELETE FROM rate_limits WHERE window_start < $1', [windowStart - windowMs]);
  return { agencyId: row?.agency_id ?? null, hits };
}
