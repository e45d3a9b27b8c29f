import { beforeAll, describe, expect, it } from 'vitest';
import { type LibraryBundle, LibraryBundleSchema } from '@/lib/library/schema';
import { generateKeyPair, type KeyPair, signBytes } from '@/lib/library/signature';
import { MAX_BUNDLE_BYTES, verifyBundle } from '@/lib/library/verify-bundle';
import { encode, makeBundle, signed } from './fixtures';

let keys: KeyPair;
beforeAll(async () => {
  keys = await generateKeyPair();
});

async function check(bundle: LibraryBundle | string, extra: Parameters<typeof verifyBundle>[1] = {}) {
  const bytes = typeof bundle === 'string' ? encode(bundle) : encode(JSON.stringify(bundle));
  const signature = await signBytes(bytes, keys.privateJwk);
  return verifyBundle(bytes, { signature, publicKey: keys.publicJwk, ...extra });
}

describe('verifyBundle: the one gate', () => {
  it('accepts a signed, valid, newer, current bundle and returns the exact text', async () => {
    const { bytes, signature } = await signed(makeBundle({ version: 5 }), keys.privateJwk);
    const result = await verifyBundle(bytes, {
      signature,
      publicKey: keys.publicJwk,
      currentVersion: 4,
      rejectExpired: true,
      now: new Date('2026-12-01T00:00:00Z'),
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.bundle.version).toBe(5);
      expect(encode(result.raw)).toEqual(bytes);
    }
  });

  it('checks the signature before reading anything (a tampered body is a signature error)', async () => {
    const { bytes, signature } = await signed(makeBundle(), keys.privateJwk);
    const tampered = encode(new TextDecoder().decode(bytes).replace('rapat koordinasi', 'rapat koordinasI'));
    expect(await verifyBundle(tampered, { signature, publicKey: keys.publicJwk })).toEqual({
      ok: false,
      reason: { code: 'signature', detail: 'mismatch' },
    });
  });

  it('needs a key and a signature unless the bundle is the trusted embedded one', async () => {
    const bytes = encode(JSON.stringify(makeBundle()));
    expect(await verifyBundle(bytes, {})).toEqual({ ok: false, reason: { code: 'missing-key' } });
    expect(await verifyBundle(bytes, { publicKey: keys.publicJwk })).toEqual({
      ok: false,
      reason: { code: 'signature', detail: 'missing' },
    });
    expect((await verifyBundle(bytes, { trusted: true })).ok).toBe(true);
  });

  it('reports malformed JSON (signed, so it passed the signature)', async () => {
    const result = await check('{"format": "satu-pintu/library@1", ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.code).toBe('json');
  });

  it('names the path of a field of the wrong type', async () => {
    const bundle = makeBundle() as unknown as { captions: Array<Record<string, unknown>> };
    (bundle.captions[1] as Record<string, unknown>).platforms = ['facebook', 'tiktok'];
    const result = await check(JSON.stringify(bundle));
    expect(result).toMatchObject({ ok: false, reason: { code: 'schema', path: 'captions[1].platforms[1]' } });

    const wrongVersion = { ...makeBundle(), version: '3' };
    expect(await check(JSON.stringify(wrongVersion))).toMatchObject({
      ok: false,
      reason: { code: 'schema', path: 'version' },
    });
  });

  it('refuses a rollback: equal or lower versions', async () => {
    for (const currentVersion of [2, 3]) {
      expect(await check(makeBundle({ version: 2 }), { currentVersion })).toEqual({
        ok: false,
        reason: { code: 'rollback', version: 2, currentVersion },
      });
    }
    expect((await check(makeBundle({ version: 2 }), { currentVersion: 1 })).ok).toBe(true);
  });

  it('refuses an expired bundle when asked to (remote) and accepts it otherwise (embedded)', async () => {
    const bundle = makeBundle({ expiresAt: '2026-01-01T00:00:00.000Z' });
    const now = new Date('2026-06-01T00:00:00Z');
    expect(await check(bundle, { rejectExpired: true, now })).toEqual({
      ok: false,
      reason: { code: 'expired', expiresAt: '2026-01-01T00:00:00.000Z' },
    });
    expect((await check(bundle, { rejectExpired: false, now })).ok).toBe(true);
  });

  it('refuses bodies over 20 MB before verifying anything', async () => {
    const big = new Uint8Array(MAX_BUNDLE_BYTES + 1);
    expect(await verifyBundle(big, { trusted: true })).toEqual({
      ok: false,
      reason: { code: 'too-large', bytes: MAX_BUNDLE_BYTES + 1 },
    });
  });
});

describe('LibraryBundleSchema', () => {
  it('round-trips: parse(serialise(parse(x))) equals parse(x)', () => {
    const bundle = makeBundle({
      approvals: [
        {
          fingerprint: 'a'.repeat(64),
          status: 'approved',
          reviewer: 'Biro Adpim',
          decidedAt: '2026-11-25T10:00:00.000Z',
          expiresAt: '2026-12-31',
        },
      ],
      platforms: { facebook: { selectors: { caption: [{ name: 'role', selector: '[role="textbox"]' }] } } },
      endpoints: { submit: 'https://kalbarprov.go.id/api/persetujuan' },
    });
    const again = LibraryBundleSchema.parse(JSON.parse(JSON.stringify(bundle)));
    expect(again).toEqual(bundle);
  });

  it('fills documented defaults (bannedHashtags, approvals, allowlists) when absent', () => {
    const minimal = makeBundle();
    expect(minimal.bannedHashtags).toEqual([]);
    expect(minimal.approvals).toEqual([]);
    expect(minimal.allowlists).toEqual({ phones: [], domains: [] });
  });

  it('refuses another format and a bad fingerprint', () => {
    expect(LibraryBundleSchema.safeParse({ ...makeBundle(), format: 'satu-pintu/library@2' }).success).toBe(
      false,
    );
    const bad = makeBundle();
    const result = LibraryBundleSchema.safeParse({
      ...bad,
      approvals: [
        { fingerprint: 'ABC', status: 'approved', reviewer: 'x', decidedAt: '2026-11-25T10:00:00Z' },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['approvals', 0, 'fingerprint']);
  });
});

describe('verifyBundle: rules the engine cannot use', () => {
  it('refuses a bundle whose rule has a catastrophic-backtracking pattern, naming the rule', async () => {
    const rule = {
      id: 'X-REDOS',
      kind: 'pattern',
      category: 'style',
      severity: 'warning',
      message: { id: 'x', en: 'x' },
      patterns: ['(a+)+b'],
      examples: { bad: ['aaab'], good: [] },
    };
    const bundle = { ...makeBundle(), guidelines: [rule] };
    const result = await check(JSON.stringify(bundle));
    expect(result).toMatchObject({ ok: false, reason: { code: 'schema', path: 'guidelines[0]' } });
    if (!result.ok && result.reason.code === 'schema') expect(result.reason.detail).toMatch(/^X-REDOS: /);
  });

  it('refuses a bundle with a lexicon entry that can never fire, naming the rule and the entry', async () => {
    const rule = {
      id: 'X-DEAD',
      kind: 'terms',
      category: 'abuse',
      severity: 'error',
      message: { id: 'x %s', en: 'x %s' },
      terms: ['bangsat', 'tai chi'],
      exceptions: ['tai chi'],
      examples: { bad: ['dasar bangsat'], good: [] },
    };
    const bundle = { ...makeBundle(), guidelines: [rule] };
    const result = await check(JSON.stringify(bundle));
    expect(result).toMatchObject({ ok: false, reason: { code: 'schema', path: 'guidelines[0]' } });
    if (!result.ok && result.reason.code === 'schema') {
      expect(result.reason.detail).toMatch(/^X-DEAD: lexicon entry "tai chi" matches nothing/);
    }
  });
});
