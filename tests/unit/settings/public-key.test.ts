import { describe, expect, it } from 'vitest';
import { parsePublicKeyText, verifyPublicKey } from '@/lib/settings/public-key';
import { makeKeyPair, publicMembers } from './keys';

describe('the library public key (JWK)', () => {
  it('accepts a P-256 public JWK and keeps only its public members', async () => {
    const { publicJwk } = await makeKeyPair();
    const parsed = parsePublicKeyText(JSON.stringify({ ...publicJwk, kid: 'biro-2026' }));
    expect(parsed).toEqual({ key: publicMembers(publicJwk), error: null });
    expect(await verifyPublicKey(parsed.key!)).toBeNull();
  });

  it('treats empty text as no key', () => {
    expect(parsePublicKeyText('  ')).toEqual({ key: null, error: null });
  });

  it('refuses a private key, naming the danger', async () => {
    const { privateJwk } = await makeKeyPair();
    expect(parsePublicKeyText(JSON.stringify(privateJwk)).error).toBe('options.error.key.private');
  });

  it('says what is wrong with other keys', () => {
    const base = { kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'B'.repeat(43) };
    expect(parsePublicKeyText('{"kty": "EC",').error).toBe('options.error.key.json');
    expect(parsePublicKeyText('"a string"').error).toBe('options.error.key.json');
    expect(parsePublicKeyText(JSON.stringify({ ...base, kty: 'RSA' })).error).toBe('options.error.key.kty');
    expect(parsePublicKeyText(JSON.stringify({ ...base, crv: 'P-384' })).error).toBe('options.error.key.crv');
    expect(parsePublicKeyText(JSON.stringify({ ...base, x: 'short' })).error).toBe(
      'options.error.key.coordinates',
    );
    const { y: _y, ...noY } = base;
    expect(parsePublicKeyText(JSON.stringify(noY)).error).toBe('options.error.key.coordinates');
  });

  it('WebCrypto refuses a well-formed key whose point is not on the curve', async () => {
    const { publicJwk } = await makeKeyPair();
    // Swapping the coordinates keeps the shape but (almost surely) leaves the curve.
    const swapped = parsePublicKeyText(JSON.stringify({ ...publicJwk, x: publicJwk.y, y: publicJwk.x }));
    expect(swapped.error).toBeNull();
    expect(await verifyPublicKey(swapped.key!)).toBe('options.error.key.unusable');
  });
});
