import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '@/lib/cli/check';
import { fakeIo } from './fake-io';

const CLEAN =
  'Dinas Kesehatan Provinsi Kalimantan Barat mengimbau warga hidup sehat.\n\nSumber: Dinas Kesehatan Provinsi Kalimantan Barat';

describe('check (single text)', () => {
  it('prints one JSON object and exits 0 without error findings', async () => {
    const t = fakeIo(CLEAN);
    expect(await run(['-'], t.io)).toBe(0);
    expect(JSON.parse(t.stdout())).toEqual({ verdict: 'ready', score: 100, findings: [] });
  });

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
    expect(out.map((o) => o.id)).toEqual(['a', null, 'b', 'c', 7]);
    expect(out[0]).toMatchObject({ verdict: 'ready' });
    expect(out[1]).toEqual({ id: null, error: 'invalid JSON line' });
    expect(out[2]).toMatchObject({ verdict: 'blocked' });
    expect(out[3].error).toMatch(/^platform: /);
  });

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
