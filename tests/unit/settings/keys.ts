import type { PublicKeyJwk } from '@/lib/settings/schema';

/** A fresh P-256 key pair as JWKs (what the bureau's `library keygen` makes). */
export async function makeKeyPair(): Promise<{ publicJwk: JsonWebKey; privateJwk: JsonWebKey }> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  return {
    publicJwk: await crypto.subtle.exportKey('jwk', pair.publicKey),
    privateJwk: await crypto.subtle.exportKey('jwk', pair.privateKey),
  };
}

/** Only the members the settings keep. */
export function publicMembers(jwk: JsonWebKey): PublicKeyJwk {
  return { kty: 'EC', crv: 'P-256', x: jwk.x as string, y: jwk.y as string };
}
