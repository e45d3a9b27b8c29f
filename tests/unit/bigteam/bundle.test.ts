import { beforeAll, describe, expect, it } from 'vitest';
import { BuildError, buildBundleFromSources, readSourceDir } from '@/lib/library/build-bundle';
import { formatLintReport, lintBundle } from '@/lib/library/lint-bundle';

let sources: Record<string, string>;
beforeAll(async () => {
  sources = await readSourceDir('library/src');
});

const NOW = new Date('2026-11-30T00:00:00Z');
const build = (changes: Record<string, string>) =>
  buildBundleFromSources({ ...sources, ...changes }, { now: NOW });

describe('big-team parts of the library', () => {
  it('builds requests, reply templates, the commitment and PPID contacts from the sources', () => {
    const { bundle } = build({});
    expect(bundle.requests.map((request) => request.id)).toContain('hari-disabilitas-2026');
    expect(bundle.replyTemplates.map((template) => template.situation).sort()).toEqual([
      'complaint',
      'correction',
      'emergency',
      'information',
      'thanks',
    ]);
    expect(bundle.commitment?.version).toBe('2026-11');
    expect(bundle.commitment?.text).toMatch(/^Komitmen Admin/);
    expect(bundle.agencies.find((agency) => agency.id === 'diskominfo')?.ppid?.name).toMatch(/PPID/);
  });

  it('refuses a request for an unknown caption or agency, or one that ends before it starts', () => {
    const request = (fields: string) =>
      `- id: x\n  title: X\n  captionId: layanan-darurat-112\n  from: '2026-12-01'\n  until: '2026-12-31'\n${fields}`;
    expect(() => build({ 'requests.yaml': request('  agencies: [nobody]\n') })).toThrow(
      /requests\[0\]\.agencies: unknown agency nobody/,
    );
    expect(() => build({ 'requests.yaml': request('').replace('layanan-darurat-112', 'nothing') })).toThrow(
      /captionId: no caption nothing/,
    );
    expect(() => build({ 'requests.yaml': request('').replace("'2026-12-31'", "'2026-11-01'") })).toThrow(
      BuildError,
    );
  });

  it('refuses a reply with an unknown placeholder and a commitment text without a version', () => {
    expect(() =>
      build({ 'replies.yaml': '- id: a\n  title: A\n  situation: thanks\n  text: Halo {{ppid.phone}}\n' }),
    ).toThrow(/unknown placeholder \{\{ppid_phone\}\}/);
    expect(() => build({ 'commitment.md': '---\ntitle: x\n---\nTeks' })).toThrow(/commitment\.version/);
  });

  it('a numeric version is kept as text', () => {
    expect(build({ 'commitment.md': '---\nversion: 3\n---\nTeks' }).bundle.commitment).toEqual({
      version: '3',
      text: 'Teks',
    });
  });

  // Lint compiles the whole rule set twice: seconds on a loaded 2-core machine.
  it('library lint checks reply templates as replies, with the PPID filled', { timeout: 60_000 }, () => {
    const { bundle } = build({});
    expect(lintBundle(bundle).captions.filter((entry) => entry.kind === 'reply')).toEqual([]);
    const heated = {
      ...bundle,
      replyTemplates: [
        ...bundle.replyTemplates,
        {
          id: 'marah',
          title: 'Marah',
          situation: 'complaint' as const,
          platforms: ['facebook' as const],
          text: 'Dasar goblok, {{user}}! Tanya saja ke {{ppid.name}}.',
        },
      ],
    };
    const report = lintBundle(heated);
    const replies = report.captions.filter((entry) => entry.kind === 'reply');
    expect(replies.map((entry) => [entry.captionId, entry.platform, entry.field])).toEqual([
      ['marah', 'facebook', 'reply'],
    ]);
    expect(replies[0]?.text).toBe('Dasar goblok, Budi! Tanya saja ke PPID Utama Provinsi Kalimantan Barat.');
    expect(replies[0]?.findings.map((finding) => finding.category)).toContain('abuse');
    expect(formatLintReport(report)).toContain('reply marah [facebook/reply, setda]');
  });
});
