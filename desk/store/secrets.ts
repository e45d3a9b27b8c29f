import { createHash, randomBytes } from 'node:crypto';

/** A random secret for tokens, session ids and CSRF tokens (256 bits, URL-safe). */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Secrets are stored only as their SHA-256: a copy of the database does not hand out sessions or tokens. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
