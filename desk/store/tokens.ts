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
