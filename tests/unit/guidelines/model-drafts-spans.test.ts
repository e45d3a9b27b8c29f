import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftsChecksum } from '@/lib/guidelines/model/checksum';
import { draftFindings, draftRuleId } from '@/lib/guidelines/model/drafts-findings';
import { scoreDraft } from '@/lib/guidelines/model/drafts-model';
import { loadDraftsModel } from '@/lib/guidelines/model/drafts-schema';
import { bestSpan } from '@/lib/guidelines/model/drafts-spans';
import { spanDraftScore, tokenSet, trainSpanHead } from '@/lib/guidelines/model/drafts-spans-train';
import {
  type DraftsTrainOptions,
  draftRow,
  draftsModelFile,
  fileHead,
  type TrainedHead,
  trainHeads,
} from '@/lib/guidelines/model/drafts-train';
import {
  DRAFTS_MODEL_FORMAT,
  DRAFTS_MODEL_FORMAT_SPANS,
  DRAFTS_MODEL_FORMAT_WINDOWS,
  type DraftsFeatureSpec,
  type DraftsModelFile,
  type DraftsSpanSpec,
} from '@/lib/guidelines/model/drafts-types';
import { ModelFileError } from '@/lib/guidelines/model/schema';
import { seededRandom } from '@/lib/guidelines/model/train';
import { LibraryBundleSchema } from '@/lib/library/schema';
import { makeBundle } from '../library/fixtures';

const SPEC: DraftsFeatureSpec = { hash: 'fnv1a-32', hashBits: 12, charMin: 3, charMax: 4 };
const SPAN: DraftsSpanSpec = { hashBits: 13, charMin: 3, charMax: 4, context: 2, personReach: 8, k: 6 };
const OPTIONS: DraftsTrainOptions = { epochs: 15, learningRate: 0.1, l2: 0.0001, seed: 7, positiveWeight: 1 };

const NEUTRAL = [
  'Dinas Kesehatan membuka layanan vaksinasi di puskesmas kecamatan.',
  'Pemeriksaan gratis berlangsung setiap Senin sampai Jumat pagi.',
  'Masyarakat diimbau membawa kartu identitas saat berobat.',
  'Tim medis memantau ketersediaan obat di setiap posyandu.',
  'Warga dapat menyampaikan masukan melalui kanal resmi dinas.',
  'Kegiatan ini dibiayai anggaran daerah tahun berjalan.',
  'Kepala dinas meninjau kesiapan ruang rawat inap bersama direktur.',
  'Ambulans siaga disiapkan di titik rawan kecelakaan.',
  'Layanan dilanjutkan setelah libur nasional berakhir.',
  'Terima kasih atas kesabaran warga selama antrean berlangsung.',
];
/** A named patient and her diagnosis: personal data. */
const PATIENT = 'Ibu Rosmala (41), warga Dusun Sebayan, menjalani cuci darah karena gagal ginjal.';
const EXCERPT = 'Ibu Rosmala (41), warga Dusun Sebayan, menjalani cuci darah karena gagal ginjal';
/** The same kind of detail without anyone identifiable: fine. */
const ANONYMOUS = 'Tiga warga menjalani cuci darah karena gagal ginjal di rumah sakit daerah.';

/** `n` neutral sentences picked by `random`, with `extra` at `at` when given. */
function release(random: () => number, n: number, extra?: string, at = 0): string {
  const out: string[] = [];
  for (let k = 0; k < n; k += 1) {
    if (extra && k === at) out.push(extra);
    out.push(NEUTRAL[Math.floor(random() * NEUTRAL.length)] as string);
  }
  return out.join(' ');
}

const META = {
  id: 'spans-test',
  trainedAt: '2026-01-01T00:00:00Z',
  dataset: { name: 'x', source: 'x', drafts: 1, writers: 1 },
  evaluation: {},
};

/** A span head and a draft head trained on the same drafts, each in its own file. */
function trainedPair() {
  const random = seededRandom(3);
  const drafts = Array.from({ length: 180 }, (_, i) => {
    const n = 3 + Math.floor(random() * 3);
    const kind = i % 3; // 0: the patient, 1: the anonymous detail, 2: neither
    const extra = kind === 0 ? PATIENT : kind === 1 ? ANONYMOUS : undefined;
    return { text: release(random, n, extra, Math.floor(random() * n)), positive: kind === 0 };
  });
  const draftModel = trainHeads(
    drafts.map((d) => draftRow(d.text, SPEC)),
    drafts.map((d) => [d.positive]),
    1,
    2 ** SPEC.hashBits,
    OPTIONS,
  )[0];
  if (!draftModel) throw new Error('no model');
  const set = tokenSet(
    drafts.map((d) => ({ text: d.text, labelled: d.positive, excerpts: d.positive ? [EXCERPT] : [] })),
    SPAN,
    { unplaced: 0, negativeRate: 1, seed: 7 },
  );
  const spanModel = trainSpanHead(set, () => true, SPAN.hashBits, { ...OPTIONS, seeds: 1, keep: 4000 });
  const spanHead: TrainedHead = {
    category: 'personal-data',
    model: spanModel,
    threshold: 0.5,
    unit: 'span',
    span: SPAN,
  };
  const draftHead: TrainedHead = {
    category: 'personal-data',
    ...fileHead(draftModel, 4000, SPEC.hashBits),
    threshold: 0.5,
  };
  return {
    spanFile: draftsModelFile([spanHead], SPEC, 5, META),
    draftFile: draftsModelFile([draftHead], SPEC, 5, META),
    spanHead,
  };
}

const resign = (file: DraftsModelFile): DraftsModelFile => ({ ...file, checksum: draftsChecksum(file) });

describe('bestSpan', () => {
  it('finds the run of k with the highest mean, the first on a tie, the whole text when shorter', () => {
    expect(bestSpan([0, 1, 5, 5, 0, 9], 2)).toEqual({ score: 5, from: 2, to: 4 });
    expect(bestSpan([3, 1, 1, 3], 1)).toEqual({ score: 3, from: 0, to: 1 });
    expect(bestSpan([-1, -3], 6)).toEqual({ score: -2, from: 0, to: 2 });
    expect(bestSpan([], 6)).toEqual({ score: 0, from: 0, to: 0 });
  });
});

describe('span heads', () => {
  const { spanFile, draftFile, spanHead } = trainedPair();
  const long = release(seededRandom(5), 40, PATIENT, 23);

  it('fire on a long release whose one clause names a patient with a diagnosis, where the draft head does not', () => {
    const bySpan = loadDraftsModel(spanFile);
    const byDraft = loadDraftsModel(draftFile);
    expect(scoreDraft(long, bySpan).scores[0]).toBeGreaterThan(0.5);
    expect(scoreDraft(long, byDraft).scores[0]).toBeLessThan(0.5);
    // Both learned the problem on a short draft; the span head stays silent on the detail alone.
    const short = `${NEUTRAL[0]} ${PATIENT}`;
    expect(scoreDraft(short, byDraft).scores[0]).toBeGreaterThan(0.5);
    expect(scoreDraft(short, bySpan).scores[0]).toBeGreaterThan(0.5);
    expect(scoreDraft(release(seededRandom(5), 40, ANONYMOUS, 23), bySpan).scores[0]).toBeLessThan(0.5);
    expect(scoreDraft(release(seededRandom(5), 40), bySpan).scores[0]).toBeLessThan(0.5);
  });

  it('span their best run of words and name the words that drove it there', () => {
    const model = loadDraftsModel(spanFile);
    const findings = draftFindings(long, model, 'id');
    expect(findings).toHaveLength(1);
    const finding = findings[0];
    expect(finding).toMatchObject({ ruleId: draftRuleId('personal-data'), severity: 'warning' });
    const spanned = long.slice(finding?.start, finding?.end);
    expect(PATIENT).toContain(spanned);
    expect(spanned.split(' ').length).toBeLessThanOrEqual(SPAN.k);
    const quoted = [...(finding?.message.matchAll(/“([^”]+)”/g) ?? [])].map((m) => m[1] as string);
    expect(quoted.length).toBeGreaterThan(0);
    for (const word of quoted) expect(spanned).toContain(word);
  });

  it('round-trip through the file: @4, the span spec, and the trainer’s best-run score', () => {
    expect(spanFile.format).toBe(DRAFTS_MODEL_FORMAT_SPANS);
    expect(spanFile.heads[0]).toMatchObject({ unit: 'span', span: SPAN });
    expect(draftFile.format).toBe(DRAFTS_MODEL_FORMAT);
    expect(LibraryBundleSchema.safeParse({ ...makeBundle(), models: { drafts: spanFile } }).success).toBe(
      true,
    );
    const model = loadDraftsModel(JSON.parse(JSON.stringify(spanFile)));
    const texts = [long, `${NEUTRAL[2]} ${PATIENT}`, NEUTRAL.join('\n'), ANONYMOUS];
    const set = tokenSet(
      texts.map((text) => ({ text, labelled: false, excerpts: [] })),
      SPAN,
      { unplaced: 0, negativeRate: 1, seed: 1 },
    );
    texts.forEach((text, d) => {
      expect(scoreDraft(text, model).scores[0]).toBeCloseTo(
        spanDraftScore(set, d, spanHead.model, SPAN.k),
        9,
      );
    });
  });

  it('are refused without their spec, in a file that does not say so, or with stems', () => {
    const head = spanFile.heads[0] as DraftsModelFile['heads'][number];
    const refused = (file: DraftsModelFile, message: RegExp) => {
      expect(() => loadDraftsModel(resign(file))).toThrow(ModelFileError);
      expect(() => loadDraftsModel(resign(file))).toThrow(message);
    };
    refused({ ...spanFile, format: DRAFTS_MODEL_FORMAT_WINDOWS }, /span heads go with/);
    refused({ ...draftFile, format: DRAFTS_MODEL_FORMAT_SPANS }, /without span heads/);
    const { span: _, ...noSpec } = head;
    refused({ ...spanFile, heads: [noSpec] }, /without its span spec/);
    const { unit: __, ...draftUnit } = head;
    refused(
      { ...spanFile, heads: [draftUnit, { ...head, category: 'misinformation' }] },
      /a span spec on a draft head/,
    );
    refused({ ...spanFile, features: { ...spanFile.features, stems: true } }, /with stem features/);
    refused(
      { ...spanFile, features: { ...spanFile.features, structure: ['dateline@1'] } },
      /span heads with stem or structural features/,
    );
    refused(
      { ...spanFile, heads: [{ ...head, span: { ...SPAN, charMin: 5, charMax: 3 } }] },
      /charMin above charMax/,
    );
    refused({ ...spanFile, heads: [{ ...head, span: { ...SPAN, k: 0 } }] }, /k/);
    refused({ ...spanFile, heads: [{ ...head, span: { ...SPAN, window: 3 } as never }] }, /window/);
    // The weights must decode against the span head's own bucket count.
    refused({ ...spanFile, heads: [{ ...head, span: { ...SPAN, hashBits: 9 } }] }, /weights/);
  });

  it("leave the shipped file's other heads scoring as before beside a span head", () => {
    const shipped = withoutSpanHeads(
      JSON.parse(
        readFileSync(join(import.meta.dirname, '../../../library/src/models/drafts.json'), 'utf8'),
      ) as DraftsModelFile,
    );
    const taken = new Set(shipped.heads.map((h) => h.category));
    expect(taken.has('personal-data')).toBe(false);
    const payload = {
      features: shipped.features,
      minWords: shipped.minWords,
      heads: [...shipped.heads, spanFile.heads[0] as DraftsModelFile['heads'][number]],
    };
    const mixed = loadDraftsModel({
      ...shipped,
      format: DRAFTS_MODEL_FORMAT_SPANS,
      ...payload,
      checksum: draftsChecksum(payload),
    });
    const alone = loadDraftsModel(shipped);
    for (const text of [long, 'Katanya viral, NIK warga tersebar. Mohon cek.', NEUTRAL.join(' ')]) {
      const before = scoreDraft(text, alone);
      const beside = scoreDraft(text, mixed);
      expect([...beside.scores.subarray(0, shipped.heads.length)]).toEqual([...before.scores]);
      expect([...beside.windows.subarray(0, 2 * shipped.heads.length)]).toEqual([...before.windows]);
    }
  });
});

/** The shipped file without its span heads, re-signed as the format its other heads need. */
function withoutSpanHeads(file: DraftsModelFile): DraftsModelFile {
  const heads = file.heads.filter((head) => head.unit !== 'span');
  const payload = { features: file.features, minWords: file.minWords, heads };
  const format = file.features.window ? DRAFTS_MODEL_FORMAT_WINDOWS : DRAFTS_MODEL_FORMAT;
  return { ...file, format, ...payload, checksum: draftsChecksum(payload) };
}
