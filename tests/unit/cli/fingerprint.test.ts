import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintText, shortCode } from '@/lib/approvals/fingerprint';
import { run } from '@/lib/cli/fingerprint';
import { fakeIo } from './fake-io';

describe('cli fingerprint', () => {
  it('prints only the fingerprint of stdin', async () => {
    const { io, out, err } = fakeIo('Halo Kalbar\r\n');
    expect(await run(['-'], io)).toBe(0);
    expect(out.join('')).toBe(`${await fingerprintText('Halo Kalbar')}\n`);
    expect(err).toEqual([]);
  });

  it('reads a file relative to cwd, and --short prints the code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sp-fp-'));
    await writeFile(join(dir, 'post.txt'), 'Selamat pagi\n\nKalbar');
    const { io, out } = fakeIo('', dir);
    expect(await run(['--short', 'post.txt'], io)).toBe(0);
    expect(out.join('')).toBe(`${shortCode(await fingerprintText('Selamat pagi\nKalbar'))}\n`);
  });

  it('exits 2 on bad usage or a missing file', async () => {
    const bad = fakeIo('');
    expect(await run(['--nope'], bad.io)).toBe(2);
    expect(bad.err.join('')).toContain('unknown option');
    const missing = fakeIo('');
    expect(await run(['/does/not/exist.txt'], missing.io)).toBe(2);
    expect(missing.out).toEqual([]);
  });
});
