import { beforeAll, describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  generateKeyPair,
  type KeyPair,
  verifyBytes,
} from '@/lib/library/signature';
import { bundleBytes, makeBundle, signed } from './fixtures';

let keys: KeyPair;
let other: KeyPair;
beforeAll(async () => {
  [keys, other] = await Promise.all([generateKeyPair(), generateKeyPair()]);
});

function flip(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = (copy[index] as number) ^ 0x01;
  return copy;
}

describe('detached ECDSA P-256 signatures', () => {
  it('verifies a signed bundle with the matching public key', async () => {
    const { bytes, signature } = await signed(makeBundle(), keys.privateJwk);
    expect(await verifyBytes(bytes, signature, keys.publicJwk)).toEqual({ ok: true });
    // A trailing newline in the .sig file is fine.
    expect(await verifyBytes(bytes, `${signature}\n`, keys.publicJwk)).toEqual({ ok: true });
  });

  it('refuses one flipped byte in the body, anywhere', async () => {
    const { bytes, signature } = await signed(makeBundle(), keys.privateJwk);
    for (const index of [0, Math.floor(bytes.length / 2), bytes.length - 1]) {
      expect(await verifyBytes(flip(bytes, index), signature, keys.publicJwk)).toEqual({
        ok: false,
        reason: 'mismatch',
      });
    }
  });

  it('refuses one flipped byte in the signature', async () => {
    const { bytes, signature } = await signed(makeBundle(), keys.privateJwk);
    const raw = base64ToBytes(signature) as Uint8Array;
    expect(raw.length).toBe(64);
    const tampered = bytesToBase64(flip(raw, 10));
    expect(await verifyBytes(bytes, tampered, keys.publicJwk)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a signature made with another key', async () => {
    const { bytes, signature } = await signed(makeBundle(), other.privateJwk);
    expect(await verifyBytes(bytes, signature, keys.publicJwk)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a truncated file and a truncated signature', async () => {
    const { bytes, signature } = await signed(makeBundle(), keys.privateJwk);
    expect(await verifyBytes(bytes.subarray(0, bytes.length - 20), signature, keys.publicJwk)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(await verifyBytes(bytes, signature.slice(0, 40), keys.publicJwk)).toEqual({
      ok: false,
      reason: 'bad-signature-encoding',
    });
  });

  it('says when the key is not a P-256 public key', async () => {
    const bytes = bundleBytes(makeBundle());
    const { signature } = await signed(makeBundle(), keys.privateJwk);
    expect(await verifyBytes(bytes, signature, { kty: 'RSA', n: 'x', e: 'AQAB' })).toEqual({
      ok: false,
      reason: 'bad-key',
    });
  });

  it('accepts the private JWK too (only its public point is used)', async () => {
    const { bytes, signature } = await signed(makeBundle(), keys.privateJwk);
    expect(await verifyBytes(bytes, signature, keys.privateJwk)).toEqual({ ok: true });
  });

  it('round-trips base64 and rejects non-base64', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 255]);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(base64ToBytes('not base64!')).toBeNull();
  });
});
