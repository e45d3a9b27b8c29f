import type { MessageKey } from '@/lib/i18n';
import { log } from '@/lib/log';
import { type PublicKeyJwk, PublicKeyJwkSchema } from './schema';

/**
 * The public key as the admin pastes it (JSON text) → a checked JWK, or the first reason it is not
 * one. Empty text is "no key" (the built-in library).
 */
export function parsePublicKeyText(text: string): { key: PublicKeyJwk | null; error: MessageKey | null } {
  if (text.trim() === '') return { key: null, error: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { key: null, error: 'options.error.key.json' };
  }
  const parsed = PublicKeyJwkSchema.safeParse(json);
  if (parsed.success) return { key: parsed.data, error: null };
  return { key: null, error: issueKey(parsed.error.issues[0]?.message) };
}

function issueKey(message: string | undefined): MessageKey {
  return message?.startsWith('options.error.key.') ? (message as MessageKey) : 'options.error.key.json';
}

/**
 * Let WebCrypto import the key for ECDSA verification: the shape check cannot tell whether (x, y)
 * is a point on the P-256 curve, the import does. Returns why it is unusable, or null.
 */
export async function verifyPublicKey(key: PublicKeyJwk): Promise<MessageKey | null> {
  try {
    await crypto.subtle.importKey(
      'jwk',
      { ...key, ext: true },
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    return null;
  } catch (error) {
    // WebCrypto's DataError is the technical detail; the admin gets the plain sentence.
    log.debug('public key refused by WebCrypto', error);
    return 'options.error.key.unusable';
  }
}
