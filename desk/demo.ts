import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { parse as parseYaml } from 'yaml';
import type { Db, Queryable } from './db/db';
import { latestBundle, publishLibrary, type Signer } from './store/library';
import { issueAgencyToken } from './store/tokens';
import { createUser } from './store/users';

export const DEMO_REVIEWER = 'peninjau';
export const DEMO_AGENCY = 'diskominfo';

/** The library id from the desk's own meta.yaml. */
export async function libraryIdOf(db: Queryable): Promise<string> {
  const [row] = await db.query<{ content: string }>(
    "SELECT content FROM library_sources WHERE path = 'meta.yaml'",
  );
  const meta = row ? (parseYaml(row.content) as { id?: unknown }) : null;
  if (typeof meta?.id !== 'string') throw new Error('the desk has no library sources with an id (meta.yaml)');
  return meta.id;
}

/** Letters and digits people can read off a terminal and type (no 0/O, 1/l/I). */
export function readablePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return [...randomBytes(16)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/**
 * The demo: a reviewer with a fresh password (printed once: only its hash is stored), a token for
 * one agency, and a first published version so the library address answers at once.
 */
export async function prepareDemo(
  db: Db,
  libraryId: string,
  sign: Signer,
): Promise<{ reviewer: string; password: string; agencyId: string; token: string }> {
  const password = readablePassword();
  const [existing] = await db.query('SELECT id FROM users WHERE username = $1', [DEMO_REVIEWER]);
  if (existing) {
    await db.query(
      'UPDATE users SET password_hash = $2, failed_logins = 0, locked_until = NULL WHERE username = $1',
      [DEMO_REVIEWER, await hash(password)],
    );
  } else {
    await createUser(db, { username: DEMO_REVIEWER, displayName: 'Peninjau Demo', role: 'admin', password });
  }
  const token = await issueAgencyToken(db, DEMO_AGENCY, { label: 'demo' });
  if (!(await latestBundle(db, libraryId))) {
    const published = await publishLibrary(db, { libraryId, sign, actor: 'demo', now: new Date() });
    // The desk still starts: the queue shows the same problem when someone presses "publish".
    if (!published.ok)
      process.stderr.write(`desk: the library does not publish yet:\n${published.problem}\n`);
  }
  return { reviewer: DEMO_REVIEWER, password, agencyId: DEMO_AGENCY, token };
}
