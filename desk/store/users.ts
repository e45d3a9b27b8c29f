import { hash, verify } from '@node-rs/argon2';
import type { Queryable } from '../db/db';
import { recordAudit } from './audit';
import { hashSecret, newSecret } from './secrets';

export const ROLES = ['reviewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

/** Lock-out: this many wrong passwords in a row lock the account for LOCK_MS. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60_000;
export const SESSION_MS = 8 * 60 * 60_000;

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  failed_logins: number;
  locked_until: Date | null;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
});

export async function createUser(
  db: Queryable,
  input: { username: string; displayName: string; role: Role; password: string },
  actor = 'desk',
): Promise<User> {
  const rows = await db.query<UserRow>(
    `INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4)
     RETURNING id, username, display_name, role`,
    [input.username, input.displayName, input.role, await hash(input.password)],
  );
  await recordAudit(db, { actor, action: 'user-created', subject: input.username, detail: input.role });
  return toUser(rows[0] as UserRow);
}

export type LoginResult = { ok: true; user: User } | { ok: false; reason: 'invalid' | 'locked' };

/**
 * Checks a password. Wrong passwords count towards the lock-out; a locked account answers
 * "locked" whatever the password, so guessing on goes nowhere. Unknown users cost the same hash.
 */
export async function checkLogin(
  db: Queryable,
  username: string,
  password: string,
  now: Date,
): Promise<LoginResult> {
  const row = (
    await db.query<UserRow>(
      `SELECT id, username, display_name, role, password_hash, failed_logins, locked_until
       FROM users WHERE username = $1`,
      [username],
    )
  )[0];
  if (!row) {
    await hash(password); // same work as a real check: no timing hint that the name is unknown
    await recordAudit(db, { actor: username, action: 'login-failed', detail: 'unknown user' });
    return { ok: false, reason: 'invalid' };
  }
  if (row.locked_until && row.locked_until.getTime() > now.getTime()) {
    await recordAudit(db, { actor: username, action: 'login-refused', detail: 'locked' });
    return { ok: false, reason: 'locked' };
  }
  if (await verify(row.password_hash, password)) {
    await db.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [row.id]);
    await recordAudit(db, { actor: username, action: 'login' });
    return { ok: true, user: toUser(row) };
  }
  const failed = row.failed_logins + 1;
  const lock = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MS) : null;
  await db.query('UPDATE users SET failed_logins = $2, locked_until = $3 WHERE id = $1', [
    row.id,
    lock ? 0 : failed,
    lock,
  ]);
  await recordAudit(db, { actor: username, action: lock ? 'account-locked' : 'login-failed' });
  return { ok: false, reason: lock ? 'locked' : 'invalid' };
}

export async function createSession(
  db: Queryable,
  userId: number,
  now: Date,
): Promise<{ id: string; csrf: string }> {
  const id = newSecret();
  const csrf = newSecret();
  // Expired sessions are cleared as new ones start: no timer, so any instance may do it.
  await db.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
  await db.query('INSERT INTO sessions (id_hash, user_id, csrf, expires_at) VALUES ($1, $2, $3, $4)', [
    hashSecret(id),
    userId,
    csrf,
    new Date(now.getTime() + SESSION_MS),
  ]);
  return { id, csrf };
}

export async function sessionUser(
  db: Queryable,
  sessionId: string,
  now: Date,
): Promise<{ user: User; csrf: string } | null> {
  const rows = await db.query<UserRow & { csrf: string }>(
    `SELECT u.id, u.username, u.display_name, u.role, s.csrf FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id_hash = $1 AND s.expires_at > $2`,
    [hashSecret(sessionId), now],
  );
  const row = rows[0];
  return row ? { user: toUser(row), csrf: row.csrf } : null;
}

export async function endSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id_hash = $1', [hashSecret(sessionId)]);
}
