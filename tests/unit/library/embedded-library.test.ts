import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildError, buildBundle, parseCaptionFile } from '@/lib/library/build-bundle';
import { lintBundle } from '@/lib/library/lint-bundle';
import { type LibraryBundle, LibraryBundleSchema } from '@/lib/library/schema';

const ROOT = join(import.meta.dirname, '../../..');
const SRC = join(ROOT, 'library/src');
const EMBEDDED = join(ROOT, 'public/library/kalbar.json');

async function committed(): Promise<{ text: string; bundle: LibraryBundle }> {
  const text = await readFile(EMBEDDED, 'utf8');
  return { text, bundle: LibraryBundleSchema.parse(JSON.parse(text)) };
}

describe('the embedded Kalimantan Barat library', () => {
  it('is exactly what library/src builds (rebuild: npm run --silent cli -- library build library/src --out public/library/kalbar.json)', async () => {
    const { text, bundle } = await committed();
    const rebuilt = await buildBundle(SRC, { previous: bundle });
    expect(rebuilt.json).toBe(text);
    expect(rebuilt.changed).toBe(false);
  });

  it('has the agencies, captions and hashtag sets the admins need: 40+ of each, multi-line and templated', async () => {
    const { bundle } = await committed();
    expect(bundle.agencies.length).toBeGreaterThanOrEqual(40);
    expect(bundle.captions.length).toBeGreaterThanOrEqual(40);
    const multiLine = bundle.captions.filter((caption) => caption.text.includes('\n\n'));
    expect(multiLine.length).toBeGreaterThanOrEqual(30);
    expect(bundle.captions.filter((caption) => caption.text.includes('{{')).length).toBeGreaterThanOrEqual(
      10,
    );
    expect(bundle.hashtagSets.find((set) => set.kind === 'required')?.hashtags).toContain('#PemprovKalbar');
    expect(bundle.guidelines.length).toBeGreaterThan(0);
    // Every caption names only agencies of the directory.
    const ids = new Set(bundle.agencies.map((agency) => agency.id));
    for (const caption of bundle.captions)
      for (const id of caption.agencies) expect(ids, caption.id).toContain(id);
  });

  // Every rule's examples run against the whole compiled set: seconds on a loaded 2-core machine.
  it('passes its own guidelines: no caption has an error finding, every rule example holds', {
    timeout: 60_000,
  }, async () => {
    const { bundle } = await committed();
    const report = lintBundle(bundle, { now: new Date('2026-11-26T00:00:00Z') });
    expect(report.ruleProblems).toEqual([]);
    expect(report.problems).toEqual([]);
    expect(report.advice).toEqual([]);
    const errors = report.captions.flatMap((entry) =>
      entry.findings.filter((f) => f.severity === 'error').map((f) => `${entry.captionId}: ${f.ruleId}`),
    );
    expect(errors).toEqual([]);
  });
});

describe('library build', () => {
  async function scratch(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'sp-build-'));
    await cp(SRC, dir, { recursive: true });
    return dir;
  }

  it('bumps the version only when the content changes, and keeps approvals from the previous file', async () => {
    const dir = await scratch();
    const now = new Date('2026-12-01T00:00:00Z');
    const first = await buildBundle(dir, { now });
    expect(first.bundle.version).toBe(1);
    const approved = {
      ...first.bundle,
      approvals: [
        {
          fingerprint: 'b'.repeat(64),
          status: 'approved' as const,
          reviewer: 'Biro Adpim',
          decidedAt: '2026-12-01T01:00:00.000Z',
        },
      ],
    };
    expect((await buildBundle(dir, { previous: approved, now })).changed).toBe(false);
    const captionPath = join(dir, 'captions/layanan-darurat-112.md');
    await writeFile(
      captionPath,
      (await readFile(captionPath, 'utf8')).replace('bebas pulsa', 'gratis dan bebas pulsa'),
    );
    const later = new Date('2026-12-02T00:00:00Z');
    const second = await buildBundle(dir, { previous: approved, now: later });
    expect(second.changed).toBe(true);
    expect(second.bundle.version).toBe(2);
    expect(second.bundle.issuedAt).toBe(later.toISOString());
    expect(second.bundle.approvals.map((a) => a.fingerprint)).toEqual(['b'.repeat(64)]);
  });

  it('names the source file and the field of a bad caption', async () => {
    const dir = await scratch();
    await mkdir(join(dir, 'captions'), { recursive: true });
    await writeFile(
      join(dir, 'captions/zz-rusak.md'),
      "---\ntitle: Rusak\nplatforms: [tiktok]\napprovedBy: Biro\napprovedAt: '2026-11-20'\n---\nTeks.\n",
    );
    const error = await buildBundle(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuildError);
    expect((error as Error).message).toMatch(/^captions\[\d+\]\.platforms\[0\] \(captions\/zz-rusak\.md\): /);
  });

  it('reads captions as front matter + text, the id from the file name', () => {
    const caption = parseCaptionFile(
      '---\ntitle: Judul\ntags: [a]\n---\n\nBaris satu.\n\nBaris dua.\n\n',
      'captions/contoh.md',
    );
    expect(caption).toEqual({ id: 'contoh', title: 'Judul', tags: ['a'], text: 'Baris satu.\n\nBaris dua.' });
    expect(() => parseCaptionFile('no front matter', 'x.md')).toThrow(BuildError);
  });
});

describe('library lint advice', () => {
  it('warns when a rule pattern can match the start of a longer word', async () => {
    const { bundle } = await committed();
    const rule = bundle.guidelines.find((candidate) => candidate.id === 'KB-KIP-02');
    if (rule?.kind !== 'pattern') throw new Error('KB-KIP-02 is a pattern rule');
    // KB-KIP-02 as it was before the demo showed "Saksikan di Taman Alun" flagged as a witness.
    const before = { ...rule, patterns: rule.patterns.map((p) => p.replace(')\\b[', ')[')) };
    expect(before.patterns[0]).not.toEqual(rule.patterns[0]);
    const report = lintBundle({ ...bundle, guidelines: [before] });
    expect(report.advice).toEqual([
      expect.objectContaining({
        ruleId: 'KB-KIP-02',
        message: expect.stringContaining('start of longer words'),
      }),
    ]);
    expect(report.warnings).toBeGreaterThanOrEqual(1);
  });
});
