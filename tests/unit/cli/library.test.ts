import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '@/lib/cli/io';
import { run } from '@/lib/cli/library';
import { LibraryBundleSchema } from '@/lib/library/schema';
import { makeBundle } from '../library/fixtures';

let dir: string;

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdin: async function* () {},
    cwd: dir,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sp-cli-library-'));
  await writeFile(join(dir, 'bundle.json'), `${JSON.stringify(makeBundle(), null, 2)}\n`);
});

describe('library CLI', () => {
  it('keygen writes a key pair and refuses to overwrite it', async () => {
    const first = await cli('keygen', '--out', 'keys');
    expect(first.code).toBe(0);
    const privateJwk = JSON.parse(await readFile(join(dir, 'keys/private.jwk.json'), 'utf8'));
    const publicJwk = JSON.parse(await readFile(join(dir, 'keys/public.jwk.json'), 'utf8'));
    expect(privateJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(typeof privateJwk.d).toBe('string');
    expect(publicJwk.d).toBeUndefined();
    const again = await cli('keygen', '--out', 'keys');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/refusing to overwrite/);
  });

  it('sign then verify: 0; one flipped byte: 1 with the reason; bad usage: 2', async () => {
    expect((await cli('sign', '--key', 'keys/private.jwk.json', 'bundle.json')).code).toBe(0);
    const valid = await cli('verify', '--key', 'keys/public.jwk.json', 'bundle.json');
    expect(valid).toMatchObject({ code: 0 });
    expect(valid.stdout).toMatch(/^valid: uji version 2/);

    const original = await readFile(join(dir, 'bundle.json'), 'utf8');
    await writeFile(join(dir, 'tampered.json'), original.replace('"version": 2', '"version": 3'));
    await writeFile(join(dir, 'tampered.json.sig'), await readFile(join(dir, 'bundle.json.sig'), 'utf8'));
    const invalid = await cli('verify', '--key', 'keys/public.jwk.json', 'tampered.json');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/invalid: the digital signature is not valid/);

    expect((await cli('verify', 'bundle.json')).code).toBe(2);
    expect((await cli('verify', '--key', 'keys/public.jwk.json')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    // The public key cannot sign.
    expect((await cli('sign', '--key', 'keys/public.jwk.json', 'bundle.json')).code).toBe(2);
  });

  it('approve adds or replaces a record and bumps the version, so the old signature no longer holds', async () => {
    const fingerprint = 'c'.repeat(64);
    const approve = await cli(
      'approve',
      '--fingerprint',
      fingerprint,
      '--status',
      'changes-requested',
      '--note',
      'Tambahkan sumber data.',
      'bundle.json',
    );
    expect(approve.code).toBe(0);
    let bundle = LibraryBundleSchema.parse(JSON.parse(await readFile(join(dir, 'bundle.json'), 'utf8')));
    expect(bundle.version).toBe(3);
    expect(bundle.approvals).toEqual([
      expect.objectContaining({ fingerprint, status: 'changes-requested', note: 'Tambahkan sumber data.' }),
    ]);
    expect((await cli('verify', '--key', 'keys/public.jwk.json', 'bundle.json')).code).toBe(1);

    await cli(
      'approve',
      '--fingerprint',
      fingerprint,
      '--status',
      'approved',
      '--reviewer',
      'Kabag Humas',
      '--expires',
      '2027-01-31',
      'bundle.json',
    );
    bundle = LibraryBundleSchema.parse(JSON.parse(await readFile(join(dir, 'bundle.json'), 'utf8')));
    expect(bundle.version).toBe(4);
    expect(bundle.approvals).toEqual([
      expect.objectContaining({
        fingerprint,
        status: 'approved',
        reviewer: 'Kabag Humas',
        expiresAt: '2027-01-31',
      }),
    ]);
    expect((await cli('sign', '--key', 'keys/private.jwk.json', 'bundle.json')).code).toBe(0);
    expect((await cli('verify', '--key', 'keys/public.jwk.json', 'bundle.json')).code).toBe(0);

    expect((await cli('approve', '--fingerprint', 'xyz', '--status', 'approved', 'bundle.json')).code).toBe(
      2,
    );
    expect(
      (await cli('approve', '--fingerprint', fingerprint, '--status', 'maybe', 'bundle.json')).code,
    ).toBe(2);
  });

  it('lint fails on a caption that breaks the bundle own rules and passes once fixed', async () => {
    const rule = {
      id: 'T-1',
      kind: 'terms',
      category: 'abuse',
      severity: 'error',
      message: { id: 'Kata kasar: %s', en: 'Abusive word: %s' },
      terms: ['goblok'],
      examples: { bad: ['dasar goblok'], good: ['dasar baik'] },
    };
    const bad = makeBundle({ guidelines: [rule] as never });
    bad.captions[0] = { ...bad.captions[0], text: 'Dasar goblok.' } as (typeof bad.captions)[number];
    await writeFile(join(dir, 'lint.json'), JSON.stringify(bad));
    const failing = await cli('lint', 'lint.json');
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/error +caption rapat-koordinasi .*T-1/);

    await writeFile(join(dir, 'lint.json'), JSON.stringify(makeBundle({ guidelines: [rule] as never })));
    const passing = await cli('lint', 'lint.json');
    expect(passing.stdout).toMatch(/^0 error\(s\)/m);
    expect(passing.code).toBe(0);
  });
});
