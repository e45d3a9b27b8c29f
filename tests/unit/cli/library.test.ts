import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprintText, shortCode } from '@/lib/approvals/fingerprint';
import type { CliIo } from '@/lib/cli/io';
import { run } from '@/lib/cli/library';
import { LibraryBundleSchema } from '@/lib/library/schema';
import { makeBundle } from '../library/fixtures';

let dir: string;

/** Runs a library command with English messages (the checks below read them); `cliIn` picks the language. */
function cli(...args: string[]) {
  return cliIn('en', ...args);
}

async function cliIn(lang: 'id' | 'en' | null, ...args: string[]) {
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
  const code = await run(lang ? ['--lang', lang, ...args] : args, io);
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

  it('speaks Bahasa Indonesia by default and its hints are whole commands', async () => {
    const fingerprint = 'd'.repeat(64);
    const approve = await cliIn(
      null,
      'approve',
      '--fingerprint',
      fingerprint,
      '--status',
      'approved',
      'bundle.json',
    );
    expect(approve.code).toBe(0);
    expect(approve.stdout).toMatch(
      /versi \d+ → \d+\. Tandatangani lagi: npm run --silent cli -- library sign --key PRIVATE bundle\.json/,
    );
    const english = await cli('approve', '--fingerprint', fingerprint, '--status', 'approved', 'bundle.json');
    expect(english.stdout).toMatch(
      /Sign it again: npm run --silent cli -- library sign --key PRIVATE bundle\.json/,
    );
    const usage = await cliIn(null, 'frobnicate');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/perintah library tidak dikenal: frobnicate/);
    expect(usage.stderr).toMatch(/pemakaian: npm run --silent cli -- library/);
    expect((await cliIn(null, '--lang', 'xx', 'lint', 'bundle.json')).code).toBe(2);
  });

  it('approve takes the 8-character code admins quote, when it names one known fingerprint', async () => {
    const texts = ['Diskominfo Kalbar menggelar rapat.', 'Dinkes Kalbar membuka vaksinasi.'];
    const fingerprints = await Promise.all(texts.map((text) => fingerprintText(text)));
    await writeFile(
      join(dir, 'submissions.jsonl'),
      `${fingerprints.map((fingerprint, i) => JSON.stringify({ id: `s${i}`, fingerprint, text: texts[i] })).join('\n')}\n`,
    );
    const code = shortCode(fingerprints[1] as string);
    // Typed in lower case and with O for 0 / L for 1, as people copy it from a chat.
    const typed = code.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    const approved = await cli(
      'approve',
      '--fingerprint',
      typed,
      '--submissions',
      'submissions.jsonl',
      '--status',
      'rejected',
      'bundle.json',
    );
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain(`rejected ${code}`);
    const bundle = LibraryBundleSchema.parse(JSON.parse(await readFile(join(dir, 'bundle.json'), 'utf8')));
    expect(bundle.approvals).toContainEqual(
      expect.objectContaining({ fingerprint: fingerprints[1], status: 'rejected' }),
    );

    // Known from the bundle itself (a decision being changed): no submissions file needed.
    const again = await cli('approve', '--fingerprint', code, '--status', 'approved', 'bundle.json');
    expect(again.code).toBe(0);

    const unknown = await cliIn(
      'id',
      'approve',
      '--fingerprint',
      'ZZZZZZZZ',
      '--status',
      'approved',
      'bundle.json',
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/kode ZZZZZZZZ tidak cocok.*npm run --silent cli -- fingerprint/);
    const malformed = await cli('approve', '--fingerprint', 'abc', '--status', 'approved', 'bundle.json');
    expect(malformed.stderr).toMatch(/64 hexadecimal digits or an 8-character code/);

    // Two fingerprints with one code: refused, the full fingerprint is needed.
    const twin = `${(fingerprints[0] as string).slice(0, 10)}${'0'.repeat(54)}`;
    await writeFile(
      join(dir, 'twins.json'),
      JSON.stringify([{ fingerprint: fingerprints[0] }, { fingerprint: twin }]),
    );
    const ambiguous = await cli(
      'approve',
      '--fingerprint',
      shortCode(fingerprints[0] as string),
      '--submissions',
      'twins.json',
      '--status',
      'approved',
      'bundle.json',
    );
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/matches several fingerprints/);
  });

  it('build continues from the last published version given with --previous, keeping its decisions', async () => {
    await cp('library/src', join(dir, 'src'), { recursive: true });
    const published = makeBundle({
      id: 'kalbar',
      version: 10,
      approvals: [
        {
          fingerprint: 'e'.repeat(64),
          status: 'approved',
          reviewer: 'Biro',
          decidedAt: '2026-11-20T01:00:00.000Z',
        },
      ],
    });
    await writeFile(join(dir, 'published.json'), JSON.stringify(published));
    const fresh = await cli('build', 'src', '--out', 'fresh.json', '--previous', 'published.json');
    expect(fresh.code).toBe(0);
    let built = LibraryBundleSchema.parse(JSON.parse(await readFile(join(dir, 'fresh.json'), 'utf8')));
    expect(built.version).toBe(11);
    expect(built.approvals.map((record) => record.fingerprint)).toContain('e'.repeat(64));

    // Without it, a new output file starts over, and says how to avoid that.
    const alone = await cliIn('id', 'build', 'src', '--out', 'alone.json');
    expect(alone.code).toBe(0);
    expect(alone.stderr).toMatch(/tidak ada bundel sebelumnya.*--previous/);
    built = LibraryBundleSchema.parse(JSON.parse(await readFile(join(dir, 'alone.json'), 'utf8')));
    expect(built.version).toBeLessThan(11);
    expect((await cli('build', 'src', '--out', 'x.json', '--previous', 'missing.json')).code).toBe(2);
    // Two builds of the whole library (every rule's examples checked): seconds each on a loaded 2-core machine.
  }, 120_000);
});
