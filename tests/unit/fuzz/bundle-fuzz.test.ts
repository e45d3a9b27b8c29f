import { beforeAll, describe, expect, it } from 'vitest';
import { LibraryBundleSchema } from '@/lib/library/schema';
import { generateKeyPair, type KeyPair, signBytes } from '@/lib/library/signature';
import { bundleSha256, type TrustRecord } from '@/lib/library/trust-store';
import { verifyBundle } from '@/lib/library/verify-bundle';
import { makeBundle, signed } from '../library/fixtures';

/**
 * Fuzzing the one gate every bundle passes (lib/library/verify-bundle.ts): 10,000 mutations of a
 * valid signed bundle, from a seeded generator so that a failure is reproducible. Nothing may throw;
 * under the signature every mutation is refused unless it is byte-for-byte the original; without the
 * signature (the parser and schema alone) whatever is accepted is a valid bundle.
 */

/** mulberry32: small, fast, seeded. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, items.length)]!;

const NASTY_BYTES = [
  0x00, 0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0xc3, 0xff, 0xed, 0xa0, 0x80, 0x0a,
];

/** Byte-level mutations: flips, deletions, insertions, duplications, truncation. */
function mutateBytes(source: Uint8Array, rng: Rng): Uint8Array {
  const bytes = Array.from(source);
  const edits = 1 + int(rng, 3);
  for (let e = 0; e < edits; e++) {
    const at = int(rng, bytes.length + 1);
    switch (int(rng, 6)) {
      case 0:
        if (bytes.length) bytes[at % bytes.length]! ^= 1 << int(rng, 8);
        break;
      case 1:
        bytes.splice(at, 1 + int(rng, 16));
        break;
      case 2:
        bytes.splice(at, 0, ...Array.from({ length: 1 + int(rng, 4) }, () => pick(rng, NASTY_BYTES)));
        break;
      case 3:
        bytes.splice(at, 0, ...bytes.slice(int(rng, bytes.length), int(rng, bytes.length)).slice(0, 64));
        break;
      case 4:
        bytes.length = at;
        break;
      default:
        if (bytes.length) bytes[at % bytes.length] = pick(rng, NASTY_BYTES);
    }
  }
  return Uint8Array.from(bytes);
}

const ODD_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  0.5,
  '',
  'x'.repeat(1000),
  '\ud800',
  '<img src=x onerror=alert(1)>',
  '(a+)+$',
  [],
  {},
  { __proto__: { polluted: true } },
  [[[[[[[[[[]]]]]]]]]],
  '2026-02-30',
  '#',
];

/** Structure-aware mutations: replace, drop or duplicate a value somewhere in the JSON tree. */
function mutateJson(value: unknown, rng: Rng): unknown {
  const clone = structuredClone(value) as Record<string, unknown>;
  const edits = 1 + int(rng, 3);
  for (let e = 0; e < edits; e++) {
    let node: unknown = clone;
    let parent: Record<string | number, unknown> | unknown[] | null = null;
    let key: string | number = '';
    for (let depth = 0; depth < 6 && node && typeof node === 'object'; depth++) {
      const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
      if (keys.length === 0 || rng() < 0.25) break;
      parent = node as Record<string | number, unknown>;
      key = pick(rng, keys);
      node = (node as Record<string | number, unknown>)[key];
    }
    if (!parent) continue;
    const target = parent as Record<string | number, unknown>;
    const roll = int(rng, 3);
    if (roll === 0) target[key] = structuredClone(pick(rng, ODD_VALUES));
    else if (roll === 1) {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete target[key];
    } else if (Array.isArray(parent)) parent.push(structuredClone(parent[Number(key)]));
    else target[`${key}_${int(rng, 9)}`] = structuredClone(target[key]);
  }
  return clone;
}

function mutateSignature(signature: string, rng: Rng): string {
  const chars = signature.split('');
  switch (int(rng, 5)) {
    case 0:
      chars[int(rng, chars.length)] = pick(rng, ['A', 'z', '+', '/', '=', '!', ' ', '\n']);
      return chars.join('');
    case 1:
      return signature.slice(0, int(rng, signature.length));
    case 2:
      return `${signature}${pick(rng, ['=', 'AAAA', '\n', '  '])}`;
    case 3:
      return btoa(String.fromCharCode(...Array.from({ length: int(rng, 80) }, () => int(rng, 256))));
    default:
      return pick(rng, ['', '====', 'not base64 at all', '\u0000']);
  }
}

const equalBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

let keys: KeyPair;
let original: { bytes: Uint8Array; signature: string };
let trust: TrustRecord;
const bundle = makeBundle({ version: 5, contact: { name: 'Biro Adpim', phone: '0561-736541' } });

beforeAll(async () => {
  keys = await generateKeyPair();
  original = await signed(bundle, keys.privateJwk);
  const raw = new TextDecoder().decode(original.bytes);
  trust = {
    libraryId: bundle.id,
    accepted: { [bundle.id]: { version: 5, sha256: await bundleSha256(raw) } },
  };
});

describe('fuzz: bundle parsing and verification', { timeout: 120_000 }, () => {
  it('4,000 byte mutations under the signature: no crash, refused unless identical', async () => {
    const rng = random(0x5a7a);
    let identical = 0;
    for (let i = 0; i < 4000; i++) {
      const bytes = mutateBytes(original.bytes, rng);
      const result = await verifyBundle(bytes, {
        signature: original.signature,
        publicKey: keys.publicJwk,
        trust,
        rejectExpired: true,
        now: new Date('2026-11-26T00:00:00Z'),
      });
      if (result.ok) {
        expect(equalBytes(bytes, original.bytes), `mutation ${i} accepted`).toBe(true);
        expect(result.bundle).toEqual(bundle);
        identical++;
      } else expect(result.reason.code).toBe('signature');
    }
    // Edits that change nothing (a cut at the very end, an empty copy) are allowed; most change something.
    expect(identical).toBeLessThan(400);
  });

  it('1,000 signature mutations: no crash, refused unless the same signature bytes', async () => {
    const rng = random(0x516);
    for (let i = 0; i < 1000; i++) {
      const signature = mutateSignature(original.signature, rng);
      const result = await verifyBundle(original.bytes, { signature, publicKey: keys.publicJwk });
      if (result.ok) expect(signature.replace(/\s+/g, '')).toBe(original.signature);
      else expect(['signature', 'missing-key']).toContain(result.reason.code);
    }
  });

  it('4,500 mutations of the parser and schema (bytes and JSON tree): no crash, only valid bundles pass', async () => {
    const rng = random(0x15c4);
    const json = JSON.parse(new TextDecoder().decode(original.bytes)) as unknown;
    let accepted = 0;
    for (let i = 0; i < 4500; i++) {
      const bytes =
        i % 2 === 0
          ? mutateBytes(original.bytes, rng)
          : new TextEncoder().encode(JSON.stringify(mutateJson(json, rng)));
      const result = await verifyBundle(bytes, {
        trusted: true,
        rejectExpired: true,
        now: new Date('2026-11-26'),
      });
      if (result.ok) {
        accepted++;
        expect(LibraryBundleSchema.safeParse(JSON.parse(result.raw)).success).toBe(true);
        expect((result.bundle as Record<string, unknown>).polluted).toBeUndefined();
      } else expect(result.reason.code).toMatch(/^(json|schema|expired)$/);
    }
    expect(accepted).toBeGreaterThan(0);
  });

  it('500 mutated bundles signed with the right key (a bureau tool gone wrong): refused with a reason, or valid', async () => {
    const rng = random(0xb1);
    const json = JSON.parse(new TextDecoder().decode(original.bytes)) as unknown;
    for (let i = 0; i < 500; i++) {
      const bytes = new TextEncoder().encode(JSON.stringify(mutateJson(json, rng)));
      const signature = await signBytes(bytes, keys.privateJwk);
      const result = await verifyBundle(bytes, {
        signature,
        publicKey: keys.publicJwk,
        trust,
        rejectExpired: true,
      });
      if (result.ok) {
        expect(result.bundle.id).toBe(bundle.id);
        expect(result.bundle.version).toBeGreaterThan(5);
      } else expect(result.reason.code).toMatch(/^(json|schema|library-id|rollback|expired)$/);
    }
  });
});
