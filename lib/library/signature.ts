/**
 * Detached signatures of library bundles: ECDSA P-256 with SHA-256 over the exact bytes of the
 * JSON file, stored beside it as `<file>.sig` in base64 (IEEE P1363 r||s, WebCrypto's own format).
 * The same module runs in the extension and in Node (globalThis.crypto.subtle), so the central
 * team's `library verify` gives exactly the answer the extension will give.
 */

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;
/** P-256 signatures in P1363 form are always 64 bytes (32 for r, 32 for s). */
const SIGNATURE_BYTES = 64;

export type Jwk = JsonWebKey;

function subtle(): SubtleCrypto {
  const api = globalThis.crypto?.subtle;
  if (!api) throw new Error('WebCrypto (crypto.subtle) is not available');
  return api;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so large inputs do not overflow the argument limit of fromCharCode.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Decodes base64 (whitespace such as a trailing newline is ignored); null when it is not base64. */
export function base64ToBytes(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export interface KeyPair {
  privateJwk: Jwk;
  publicJwk: Jwk;
}

export async function generateKeyPair(): Promise<KeyPair> {
  const pair = await subtle().generateKey(ALGORITHM, true, ['sign', 'verify']);
  const [privateJwk, publicJwk] = await Promise.all([
    subtle().exportKey('jwk', pair.privateKey),
    subtle().exportKey('jwk', pair.publicKey),
  ]);
  return { privateJwk, publicJwk };
}

/** The public half of a JWK (a private JWK carries its public point too). */
export function publicPart(jwk: Jwk): Jwk {
  const { kty, crv, x, y } = jwk;
  return { kty, crv, x, y, ext: true };
}

export async function importPublicKey(jwk: Jwk): Promise<CryptoKey> {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string') {
    throw new Error('the public key is not an EC P-256 JWK');
  }
  return subtle().importKey('jwk', publicPart(jwk), ALGORITHM, false, ['verify']);
}

export async function signBytes(bytes: Uint8Array, privateJwk: Jwk): Promise<string> {
  if (typeof privateJwk.d !== 'string') throw new Error('the key is not a private EC P-256 JWK');
  const key = await subtle().importKey('jwk', { ...privateJwk, key_ops: ['sign'] }, ALGORITHM, false, [
    'sign',
  ]);
  const signature = await subtle().sign(SIGN_PARAMS, key, bytes as BufferSource);
  return bytesToBase64(new Uint8Array(signature));
}

export type VerifyFailure = 'bad-key' | 'bad-signature-encoding' | 'mismatch';

/** Verifies a detached base64 signature over `bytes`; says why when it does not hold. */
export async function verifyBytes(
  bytes: Uint8Array,
  signatureBase64: string,
  publicJwk: Jwk,
): Promise<{ ok: true } | { ok: false; reason: VerifyFailure }> {
  let key: CryptoKey;
  try {
    key = await importPublicKey(publicJwk);
  } catch {
    return { ok: false, reason: 'bad-key' };
  }
  const signature = base64ToBytes(signatureBase64);
  if (!signature || signature.length !== SIGNATURE_BYTES)
    return { ok: false, reason: 'bad-signature-encoding' };
  try {
    const valid = await subtle().verify(SIGN_PARAMS, key, signature as BufferSource, bytes as BufferSource);
    return valid ? { ok: true } : { ok: false, reason: 'mismatch' };
  } catch {
    return { ok: false, reason: 'mismatch' };
  }
}
