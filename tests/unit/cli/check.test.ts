import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '@/lib/cli/check';
import type { CliIo } from '@/lib/cli/io';
import { fakeIo } from './fake-io';

const CLEAN =
  'Dinas Kesehatan Provinsi Kalimantan Barat mengimbau warga hidup sehat.\n\nSumber: Dinas Kesehatan Provinsi Kalimantan Barat';

// The first check in a file loads and audits the embedded library (the ReDoS checker runs for any
// pattern its ledger does not know yet): on a loaded machine that takes longer than vitest's 5 s.
describe('check (single text)', () => {
  it('prints one JSON object and exits 0 without error findings', async () => {
    const t = fakeIo(CLEAN);
    expect(await run(['-'], t.io)).toBe(0);
    expect(JSON.parse(t.stdout())).toEqual({ verdict: 'ready', score: 100, findings: [] });
  }, 60_000);

  it('exits 1 when a finding has severity error, with offsets into the text', async () => {
    const text = 'Data warga: NIK 6171045203850002.\n\nSumber: Disdukcapil';
    const t = fakeIo(text);
    expect(await run([], t.io)).toBe(1);
    const result = JSON.parse(t.stdout());
    expect(result.verdict).toBe('blocked');
    const nik = result.findings.find((f: { ruleId: string }) => f.ruleId === 'KB-PDP-01');
    expect(text.slice(nik.start, nik.end)).toBe('6171045203850002');
  });

  it('reads a file, applies --platform/--field and --lang', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-check-'));
    writeFileSync(join(dir, 'title.txt'), 'Jadwal <Imunisasi> 2025');
    const t = fakeIo('', dir);
    expect(await run(['--platform', 'youtube', '--field=title', '--lang', 'en', 'title.txt'], t.io)).toBe(1);
    const result = JSON.parse(t.stdout());
    expect(result.findings[0]).toMatchObject({ ruleId: 'KB-LIMIT-YT-ANGLE', start: 7, end: 8 });
    expect(result.findings[0].message).toMatch(/^YouTube rejects/);
  });

  it('exits 2 with one line on stderr for bad usage and bad input', async () => {
    for (const args of [
      ['--platform', 'tiktok'],
      ['--field', 'body'],
      ['--bogus'],
      ['/no/such/file.txt'],
      ['--agency', 'nope'],
      ['--lang'],
    ]) {
      const t = fakeIo('x');
      expect(await run(args, t.io)).toBe(2);
      expect(t.stdout()).toBe('');
      expect(t.stderr().trim().split('\n')).toHaveLength(1);
      expect(t.stderr()).toMatch(/^check: /);
    }
  });

  it('loads --library FILE (rules, agencies, allow-lists) and rejects a broken one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-lib-'));
    const library = {
      guidelines: [
        {
          id: 'L-1',
          kind: 'required',
          category: 'hashtags',
          severity: 'warning',
          message: { id: 'Tagar %s belum ada', en: 'Missing %s' },
          agencyHashtags: true,
        },
        {
          id: 'L-2',
          kind: 'pattern',
          category: 'personal-data',
          severity: 'error',
          message: { id: 'Nomor %s', en: 'Number %s' },
          validator: 'phone',
          patterns: ['08\\d{8,11}'],
          examples: { bad: ['0812345678901'], good: [] },
        },
      ],
      agencies: [
        {
          id: 'dinkes',
          name: 'Dinas Kesehatan',
          shortName: 'Dinkes',
          kind: 'dinas',
          handles: {},
          requiredHashtags: ['#KalbarSehat'],
          officialPhones: ['081234567890'],
        },
      ],
      allowlists: { phones: [], domains: [] },
    };
    writeFileSync(join(dir, 'lib.json'), JSON.stringify(library));
    writeFileSync(join(dir, 'broken.json'), '{"guidelines": [{"id": "X"}]}');
    const t = fakeIo('Hubungi 081234567890');
    expect(await run(['--library', 'lib.json', '--agency', 'dinkes'], { ...t.io, cwd: dir })).toBe(0);
    expect(
      JSON.parse(t.stdout()).findings.map((f: { ruleId: string; message: string }) => [f.ruleId, f.message]),
    ).toEqual([['L-1', 'Tagar #KalbarSehat belum ada']]);
    const b = fakeIo('x');
    expect(await run(['--library', 'broken.json'], { ...b.io, cwd: dir })).toBe(2);
    expect(b.stderr()).toMatch(/^check: broken\.json: guidelines\[0\]/);
  });
});

describe('check --jsonl', () => {
  it('answers every line in order, reports bad lines on their own line and goes on', async () => {
    const lines = [
      JSON.stringify({ id: 'a', text: CLEAN, platform: 'facebook' }),
      'not json',
      JSON.stringify({ id: 'b', text: 'Slot gacor hari ini!', platform: 'instagram', field: 'caption' }),
      JSON.stringify({ id: 'c', text: 'x', platform: 'myspace' }),
      '',
      JSON.stringify({ id: 7, text: CLEAN, platform: 'facebook' }),
    ];
    const t = fakeIo(lines.join('\n'));
    expect(await run(['--jsonl'], t.io)).toBe(2);
    const out = t
      .stdout()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', null, 'b', 'c', null, 7]);
    expect(out[0]).toMatchObject({ verdict: 'ready' });
    expect(out[1]).toEqual({ id: null, error: 'invalid JSON line' });
    expect(out[2]).toMatchObject({ verdict: 'blocked' });
    expect(out[3].error).toMatch(/^platform: /);
    // A blank line is an input line too: it gets its own error object, so positions never shift.
    expect(out[4]).toEqual({ id: null, error: 'blank line' });
    expect(t.stderr().trim().split('\n')).toEqual([
      'check: line 2: invalid JSON line',
      expect.stringMatching(/^check: line 4: platform: /),
      'check: line 5: blank line',
    ]);
  }, 60_000);

  it('shows a progress line on an interactive stderr once a batch runs past two seconds, then clears it', async () => {
    const line = `${JSON.stringify({ id: 1, text: CLEAN, platform: 'facebook' })}\n`;
    const t = fakeIo();
    const io: CliIo = {
      ...t.io,
      interactive: true,
      // Two chunks at once, then a pause past the two seconds, then the rest.
      stdin: async function* () {
        yield new TextEncoder().encode(line.repeat(260));
        await new Promise((resolve) => setTimeout(resolve, 2_300));
        yield new TextEncoder().encode(line.repeat(250));
      },
    };
    expect(await run(['--jsonl', '--workers', '0'], io)).toBe(0);
    expect(t.stdout().trim().split('\n')).toHaveLength(510);
    const err = t.err.join('');
    expect(err).toMatch(/\rcheck: (?:250|500) lines, [\d,]+ lines\/s/);
    expect(err.endsWith('\r\u001b[K')).toBe(true);
  }, 60_000);

  it('exits 1 when a line has an error finding and 0 when none has', async () => {
    const blocked = fakeIo(JSON.stringify({ id: 1, text: 'Slot gacor', platform: 'facebook' }));
    expect(await run(['--jsonl'], blocked.io)).toBe(1);
    const clean = fakeIo(`${JSON.stringify({ id: 1, text: CLEAN, platform: 'facebook' })}\n`);
    expect(await run(['--jsonl'], clean.io)).toBe(0);
  });
});

describe('check through the real command line', () => {
  it('runs `tsx lib/cli/main.ts check` with exit codes 1 and 2', async () => {
    const { spawnSync } = await import('node:child_process');
    const cli = (args: string[], input: string) =>
      spawnSync('npx', ['tsx', 'lib/cli/main.ts', 'check', ...args], {
        input,
        encoding: 'utf8',
        cwd: process.cwd(),
      });
    const blocked = cli(['--platform', 'instagram'], 'Slot gacor hari ini, deposit pulsa!');
    expect(blocked.status).toBe(1);
    expect(JSON.parse(blocked.stdout).verdict).toBe('blocked');
    const usage = cli(['--platform', 'tiktok'], '');
    expect(usage.status).toBe(2);
    expect(usage.stdout).toBe('');
    expect(usage.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});

describe('check on bad input', () => {
  it('refuses invalid UTF-8 and binary input with exit 2 and one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-bad-'));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x53, 0x61, 0x6d, 0x62, 0x61, 0x73, 0xe9, 0x0a]));
    writeFileSync(
      join(dir, 'image.png'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    );
    writeFileSync(join(dir, 'nul.txt'), 'teks\u0000biner');
    for (const [args, stdin, message] of [
      [['latin1.txt'], '', /^check: latin1\.txt is not valid UTF-8 text\n$/],
      [['image.png'], '', /^check: image\.png is not valid UTF-8 text\n$/],
      [['nul.txt'], '', /^check: nul\.txt looks binary \(control character U\+0000 at offset 4\)\n$/],
      [[], new Uint8Array([0xff, 0xfe, 0x41]), /^check: standard input is not valid UTF-8 text\n$/],
    ] as const) {
      const t = fakeIo(stdin, dir);
      expect(await run([...args], t.io)).toBe(2);
      expect(t.stdout()).toBe('');
      expect(t.stderr()).toMatch(message);
    }
  });

  it('keeps a multi-byte character split across input chunks intact', async () => {
    const t = fakeIo('Pontianak — kota khatulistiwa ✓');
    expect(await run([], t.io)).toBe(0);
  });

  it('--jsonl answers a line of invalid UTF-8 with an error object and goes on', async () => {
    const good = JSON.stringify({ id: 'a', text: CLEAN, platform: 'facebook' });
    const bytes = Buffer.concat([
      Buffer.from(`${good}\r\n`),
      Buffer.from([0x7b, 0xc3, 0x28, 0x7d, 0x0a]),
      Buffer.from(`${good.replace('"a"', '"b"')}\n`),
    ]);
    const t = fakeIo(new Uint8Array(bytes));
    expect(await run(['--jsonl'], t.io)).toBe(2);
    const out = t
      .stdout()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out.map((o) => o.id)).toEqual(['a', null, 'b']);
    expect(out[1]).toEqual({ id: null, error: 'is not valid UTF-8 text' });
    expect(t.stderr()).toBe('check: line 2: is not valid UTF-8 text\n');
  });
});

describe('check --library with --key', () => {
  it('verifies the signature, refuses a bad one and warns about unsigned or expired bundles', async () => {
    const { generateKeyPair, signBytes } = await import('@/lib/library/signature');
    const dir = mkdtempSync(join(tmpdir(), 'sp-key-'));
    const bundle = JSON.parse(readFileSync(join(process.cwd(), 'public/library/kalbar.json'), 'utf8'));
    const bytes = Buffer.from(JSON.stringify(bundle));
    const pair = await generateKeyPair();
    const other = await generateKeyPair();
    writeFileSync(join(dir, 'lib.json'), bytes);
    writeFileSync(join(dir, 'lib.json.sig'), `${await signBytes(new Uint8Array(bytes), pair.privateJwk)}\n`);
    writeFileSync(join(dir, 'public.jwk.json'), JSON.stringify(pair.publicJwk));
    writeFileSync(join(dir, 'other.jwk.json'), JSON.stringify(other.publicJwk));
    const ok = fakeIo(CLEAN, dir);
    expect(await run(['--library', 'lib.json', '--key', 'public.jwk.json'], ok.io)).toBe(0);
    expect(ok.stderr()).toBe('');

    const wrong = fakeIo(CLEAN, dir);
    expect(await run(['--library', 'lib.json', '--key', 'other.jwk.json'], wrong.io)).toBe(2);
    expect(wrong.stdout()).toBe('');
    expect(wrong.stderr().trim().split('\n')).toHaveLength(1);
    expect(wrong.stderr()).toMatch(/^check: lib\.json: /);

    const unverified = fakeIo(CLEAN, dir);
    expect(await run(['--library', 'lib.json'], unverified.io)).toBe(0);
    expect(unverified.stderr()).toMatch(/^check: warning: lib\.json: signature not verified/);

    writeFileSync(join(dir, 'old.json'), JSON.stringify({ ...bundle, expiresAt: '2020-01-01T00:00:00Z' }));
    const old = fakeIo(CLEAN, dir);
    expect(await run(['--library', 'old.json'], old.io)).toBe(0);
    expect(old.stderr()).toContain('check: warning: old.json is unsigned');
    expect(old.stderr()).toContain('check: warning: old.json expired on 2020-01-01T00:00:00Z');
  }, 60_000);

  it('refuses a library whose pattern the ReDoS checker proves polynomial, naming the rule', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-redos-'));
    const guidelines = [
      {
        id: 'X-REDOS',
        kind: 'pattern',
        category: 'style',
        severity: 'warning',
        message: { id: '%s', en: '%s' },
        patterns: ['\\d+\\d+\\d+\\d+z'],
        examples: { bad: ['12z'], good: [] },
      },
    ];
    writeFileSync(join(dir, 'lib.json'), JSON.stringify({ guidelines }));
    const t = fakeIo('x', dir);
    expect(await run(['--library', 'lib.json'], t.io)).toBe(2);
    expect(t.stderr()).toMatch(/^check: lib\.json: X-REDOS: pattern .*polynomial/m);
  }, 60_000);
});

describe('the built command line', () => {
  it('builds to plain JavaScript and answers a large batch through worker threads, in input order', async () => {
    const { spawnSync } = await import('node:child_process');
    const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { encoding: 'utf8' });
    expect(build.status).toBe(0);
    const lines: string[] = [];
    for (let i = 0; i < 700; i++) {
      lines.push(
        i === 300
          ? ''
          : JSON.stringify({
              id: i,
              text: i % 7 === 0 ? 'Slot gacor hari ini!' : CLEAN,
              platform: 'facebook',
            }),
      );
    }
    const input = `${lines.join('\n')}\n`;
    const cli = (workers: string) =>
      // A generous budget: on a loaded machine a pause must not disable a rule in one run only.
      spawnSync(
        process.execPath,
        ['dist/cli/satu-pintu.mjs', 'check', '--jsonl', '--budget', '60000', '--workers', workers],
        {
          input,
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        },
      );
    const pooled = cli('2');
    const inline = cli('0');
    expect(pooled.status).toBe(2);
    expect(pooled.stdout).toBe(inline.stdout);
    // By now the start-up cache holds the library and its analyses: the same answers from it.
    const { existsSync } = await import('node:fs');
    const { compileCachePath } = await import('@/lib/cli/compile-cache');
    expect(existsSync(compileCachePath())).toBe(true);
    const cached = cli('2');
    expect(cached.stdout).toBe(inline.stdout);
    const out = pooled.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(700);
    expect(out[300]).toEqual({ id: null, error: 'blank line' });
    expect(out[699].id).toBe(699);
    expect(out[7].verdict).toBe('blocked');
    // A loaded machine may add a budget warning; the error line is the one that must be there.
    expect(pooled.stderr.split('\n').filter((l) => !l.startsWith('check: warning:'))).toEqual([
      'check: line 301: blank line',
      '',
    ]);
  }, 120_000);
});
