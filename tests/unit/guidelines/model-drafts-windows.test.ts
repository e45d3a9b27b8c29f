import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftsChecksum } from '@/lib/guidelines/model/checksum';
import { draftFindings, draftRuleId } from '@/lib/guidelines/model/drafts-findings';
import { DRAFT_FEATURE_TABLES, scoreDraft } from '@/lib/guidelines/model/drafts-model';
import { loadDraftsModel } from '@/lib/guidelines/model/drafts-schema';
import {
  type DraftsTrainOptions,
  draftRow,
  draftsModelFile,
  type FileHead,
  fileHead,
  predictHead,
  type TrainedHead,
  trainHeads,
} from '@/lib/guidelines/model/drafts-train';
import {
  DRAFT_HEAD_CATEGORIES,
  DRAFTS_MODEL_FORMAT,
  DRAFTS_MODEL_FORMAT_STEMS,
  DRAFTS_MODEL_FORMAT_WINDOWS,
  type DraftHeadCategory,
  type DraftsFeatureSpec,
  type DraftsModelFile,
} from '@/lib/guidelines/model/drafts-types';
import { windowRanges } from '@/lib/guidelines/model/drafts-windows';
import { excerptPlaces, windowRows, windowTargets } from '@/lib/guidelines/model/drafts-windows-train';
import { extractFeatures, normaliseText, visitFeatures } from '@/lib/guidelines/model/features';
import { ModelFileError } from '@/lib/guidelines/model/schema';
import { seededRandom } from '@/lib/guidelines/model/train';
import { wordSums } from '@/lib/guidelines/model/word-sums';
import { LibraryBundleSchema } from '@/lib/library/schema';
import { makeBundle } from '../library/fixtures';
import { tinyDraftsFile } from './model-drafts-fixtures';

const SPEC: DraftsFeatureSpec = {
  hash: 'fnv1a-32',
  hashBits: 12,
  charMin: 3,
  charMax: 4,
  window: { cut: 'sentence', span: 1 },
};
const OPTIONS: DraftsTrainOptions = { epochs: 15, learningRate: 0.1, l2: 0.0001, seed: 7, positiveWeight: 1 };

const NEUTRAL = [
  'Dinas Pekerjaan Umum memperbaiki jalan provinsi di ruas Sanggau.',
  'Pekerjaan drainase telah selesai sepanjang dua kilometer.',
  'Masyarakat diimbau berhati-hati saat melintas di lokasi pekerjaan.',
  'Tim pengawas memantau mutu aspal setiap pekan.',
  'Pengguna jalan dapat menyampaikan masukan melalui kanal resmi dinas.',
  'Kegiatan ini dibiayai anggaran daerah tahun berjalan.',
  'Kepala bidang meninjau progres fisik bersama konsultan.',
  'Rambu sementara dipasang di titik rawan longsor.',
  'Pekerjaan dilanjutkan setelah cuaca membaik.',
  'Terima kasih atas kesabaran warga selama pekerjaan berlangsung.',
];
const PROBLEM = 'Warga bernama Rudi Hartono dengan nomor HP 081234567890 tinggal di RT 03.';

/** `n` neutral sentences picked by `random`, with the problem sentence at `at` when given. */
function release(random: () => number, n: number, at?: number): string {
  const out: string[] = [];
  for (let k = 0; k < n; k += 1) {
    if (k === at) out.push(PROBLEM);
    out.push(NEUTRAL[Math.floor(random() * NEUTRAL.length)] as string);
  }
  return out.join(' ');
}

describe('draft windows', () => {
  it('cuts by sentence or by line, `span` units to a window, passing over units without words', () => {
    const text = 'Satu dua. Tiga empat!\n\n---\nLima enam? Tujuh';
    const words = normaliseText(text, DRAFT_FEATURE_TABLES);
    const keys = (ranges: Int32Array) =>
      Array.from({ length: ranges.length / 2 }, (_, k) =>
        words.slice(ranges[2 * k], ranges[2 * k + 1]).map((w) => w.key),
      );
    expect(keys(windowRanges(text, words, { cut: 'sentence', span: 1 }))).toEqual([
      ['satu', 'dua'],
      ['tiga', 'empat'],
      ['lima', 'enam'],
      ['tujuh'],
    ]);
    expect(keys(windowRanges(text, words, { cut: 'sentence', span: 2 }))).toEqual([
      ['satu', 'dua', 'tiga', 'empat'],
      ['tiga', 'empat', 'lima', 'enam'],
      ['lima', 'enam', 'tujuh'],
    ]);
    expect(keys(windowRanges(text, words, { cut: 'line', span: 1 }))).toEqual([
      ['satu', 'dua', 'tiga', 'empat'],
      ['lima', 'enam', 'tujuh'],
    ]);
    expect(keys(windowRanges('Satu dua.', words.slice(0, 2), { cut: 'sentence', span: 3 }))).toEqual([
      ['satu', 'dua'],
    ]);
    expect(windowRanges('', [], { cut: 'sentence', span: 1 })).toHaveLength(0);
  });

  it('labels a window by the excerpts it overlaps, and leaves out the rest of a labelled draft', () => {
    const text = `${NEUTRAL[0]} ${PROBLEM} ${NEUTRAL[1]}`;
    const { spans } = windowRows(text, SPEC, { cut: 'sentence', span: 1 });
    // A window spans its words: from the first word's start to the last word's end.
    const bare = (sentence?: string) => sentence?.replace(/\.$/, '');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      bare(NEUTRAL[0]),
      bare(PROBLEM),
      bare(NEUTRAL[1]),
    ]);
    expect(excerptPlaces(text, 'Pekerjaan')).toEqual([
      { start: 6, end: 15 },
      { start: text.indexOf('Pekerjaan drainase'), end: text.indexOf('Pekerjaan drainase') + 9 },
    ]);
    expect(excerptPlaces(text, '')).toEqual([]);
    const excerpts = [{ category: 'personal-data', excerpt: 'nomor HP 081234567890' }];
    const left = windowTargets(text, spans, ['personal-data', 'neutrality'], [true, false], excerpts, 0);
    expect(left.labels.map((l) => l[0])).toEqual([false, true, false]);
    expect(left.weights.map((w) => [...w])).toEqual([
      [0, 1],
      [1, 1],
      [0, 1],
    ]);
    const low = windowTargets(text, spans, ['personal-data'], [true], excerpts, 0.25);
    expect(low.weights.map((w) => w[0])).toEqual([0.25, 1, 0.25]);
  });
});

/** Window heads and a draft head trained the same way on the same drafts (short releases). */
function trainedPair() {
  const random = seededRandom(11);
  const drafts = Array.from({ length: 160 }, (_, i) => {
    const n = 3 + Math.floor(random() * 3);
    const positive = i % 2 === 0;
    return { text: release(random, n, positive ? Math.floor(random() * n) : undefined), positive };
  });
  const size = 2 ** SPEC.hashBits;
  const draftModel = trainHeads(
    drafts.map((d) => draftRow(d.text, SPEC)),
    drafts.map((d) => [d.positive]),
    1,
    size,
    OPTIONS,
  )[0];
  const rows = [];
  const labels = [];
  const weights = [];
  for (const d of drafts) {
    const windows = windowRows(d.text, SPEC, SPEC.window as NonNullable<DraftsFeatureSpec['window']>);
    const excerpts = d.positive ? [{ category: 'personal-data', excerpt: 'nomor HP 081234567890' }] : [];
    const targets = windowTargets(d.text, windows.spans, ['personal-data'], [d.positive], excerpts, 0);
    rows.push(...windows.rows);
    labels.push(...targets.labels);
    weights.push(...targets.weights);
  }
  const windowModel = trainHeads(rows, labels, 1, size, OPTIONS, weights)[0];
  if (!draftModel || !windowModel) throw new Error('no model');
  const head = (model: typeof draftModel, unit?: 'window'): TrainedHead => ({
    category: 'personal-data',
    ...fileHead(model, 4000, SPEC.hashBits),
    threshold: 0.5,
    ...(unit ? { unit } : {}),
  });
  const meta = {
    id: 'windows-test',
    trainedAt: '2026-01-01T00:00:00Z',
    dataset: { name: 'x', source: 'x', drafts: 1, writers: 1 },
    evaluation: {},
  };
  return {
    windowFile: draftsModelFile([head(windowModel, 'window')], SPEC, 3, meta),
    draftFile: draftsModelFile([head(draftModel)], SPEC, 3, meta),
    windowHead: head(windowModel, 'window'),
  };
}

describe('running totals over the words (word-sums.ts, cumulative)', () => {
  it('give every window exactly the sums of walking its own features', () => {
    const model = loadDraftsModel(tinyDraftsFile());
    const heads = model.heads.length;
    const sums = wordSums(model.weights, heads, DRAFT_FEATURE_TABLES.lexicon, model.features);
    const text = `Katanya viral: NIK warga tersebar. ${PROBLEM} Katanya viral lagi, viral sekali.`;
    const words = normaliseText(text, DRAFT_FEATURE_TABLES);
    const { totals, joins } = sums.cumulative(words);
    const whole = new Float64Array(heads);
    expect(totals[words.length * (heads + 1) + heads]).toBe(sums.add(words, whole));
    for (let h = 0; h < heads; h += 1) expect(totals[words.length * (heads + 1) + h]).toBe(whole[h]);
    for (let a = 0; a < words.length; a += 3)
      for (let b = a + 1; b <= words.length; b += 2) {
        const walked = new Float64Array(heads + 1);
        visitFeatures(words.slice(a, b), DRAFT_FEATURE_TABLES.lexicon, model.features, (bucket, _, half) => {
          for (let h = 0; h < heads; h += 1)
            walked[h] =
              (walked[h] as number) + (model.weights[bucket * heads + h] as number) * (half ? 0.5 : 1);
          walked[heads] = (walked[heads] as number) + (half ? 0.5 : 1);
        });
        for (let h = 0; h <= heads; h += 1) {
          const windowSum =
            (totals[b * (heads + 1) + h] as number) -
            (totals[a * (heads + 1) + h] as number) -
            (a > 0 ? (joins[a * (heads + 1) + h] as number) : 0);
          expect(windowSum).toBe(walked[h]);
        }
      }
  });
});

describe('window heads', () => {
  const { windowFile, draftFile, windowHead } = trainedPair();
  const long = release(seededRandom(5), 40, 23);

  it('fire on a long draft whose one sentence carries the problem, where the draft head does not', () => {
    const byWindow = loadDraftsModel(windowFile);
    const byDraft = loadDraftsModel(draftFile);
    expect(scoreDraft(long, byWindow).scores[0]).toBeGreaterThan(0.5);
    expect(scoreDraft(long, byDraft).scores[0]).toBeLessThan(0.5);
    // Both learned the problem: on a short draft both fire, and neither on a long clean one.
    const short = `${NEUTRAL[0]} ${PROBLEM}`;
    expect(scoreDraft(short, byDraft).scores[0]).toBeGreaterThan(0.5);
    expect(scoreDraft(short, byWindow).scores[0]).toBeGreaterThan(0.5);
    const clean = release(seededRandom(5), 40);
    expect(scoreDraft(clean, byWindow).scores[0]).toBeLessThan(0.5);
  });

  it('span the best window and name the words that drove it there', () => {
    const model = loadDraftsModel(windowFile);
    const findings = draftFindings(long, model, 'id');
    expect(findings).toHaveLength(1);
    const finding = findings[0];
    expect(finding).toMatchObject({ ruleId: draftRuleId('personal-data'), severity: 'warning' });
    expect(long.slice(finding?.start, finding?.end)).toBe(PROBLEM.slice(0, -1));
    const quoted = [...(finding?.message.matchAll(/“([^”]+)”/g) ?? [])].map((m) => m[1] as string);
    expect(quoted.length).toBeGreaterThan(0);
    for (const word of quoted) expect(PROBLEM).toContain(word);
    // Silent where something already reported the category, as every draft head.
    const reported = [{ ...(finding as NonNullable<typeof finding>), ruleId: 'KB-X' }];
    expect(draftFindings(long, model, 'id', reported)).toEqual([]);
  });

  it('round-trip through the file: @3, the window spec, and the trainer’s best-window score', () => {
    expect(windowFile.format).toBe(DRAFTS_MODEL_FORMAT_WINDOWS);
    expect(windowFile.features.window).toEqual({ cut: 'sentence', span: 1 });
    expect(windowFile.heads[0]?.unit).toBe('window');
    // A file without window heads keeps the older format and carries no window spec.
    expect(draftFile.format).toBe(DRAFTS_MODEL_FORMAT);
    expect(draftFile.features.window).toBeUndefined();
    const model = loadDraftsModel(JSON.parse(JSON.stringify(windowFile)));
    // The library bundle carries it like any classifier file.
    expect(LibraryBundleSchema.safeParse({ ...makeBundle(), models: { drafts: windowFile } }).success).toBe(
      true,
    );
    for (const text of [long, `${NEUTRAL[2]} ${PROBLEM}`, NEUTRAL.join('\n')]) {
      const { rows } = windowRows(text, SPEC, { cut: 'sentence', span: 1 });
      const expected = Math.max(...rows.map((row) => predictHead(windowHead as FileHead, row)));
      expect(scoreDraft(text, model).scores[0]).toBeCloseTo(expected, 9);
    }
  });

  it('are refused in a file that does not say so, or with stems', () => {
    const resign = (file: DraftsModelFile): DraftsModelFile => ({ ...file, checksum: draftsChecksum(file) });
    const refused = (file: DraftsModelFile) =>
      expect(() => loadDraftsModel(resign(file))).toThrow(ModelFileError);
    refused({ ...windowFile, format: DRAFTS_MODEL_FORMAT });
    refused({ ...draftFile, format: DRAFTS_MODEL_FORMAT_WINDOWS });
    const { window: _, ...noWindow } = windowFile.features;
    refused({ ...windowFile, features: noWindow });
    refused({ ...windowFile, features: { ...windowFile.features, stems: true } });
    refused({
      ...windowFile,
      format: DRAFTS_MODEL_FORMAT_STEMS,
      features: { ...windowFile.features, stems: true },
    });
    refused({
      ...windowFile,
      features: { ...windowFile.features, window: { cut: 'page', span: 1 } } as never,
    });
  });

  it.each([
    ['a hand-made @1 file', () => tinyDraftsFile()],
    [
      "the shipped file's whole-draft heads",
      () =>
        wholeDraftHeads(
          JSON.parse(
            readFileSync(join(import.meta.dirname, '../../../library/src/models/drafts.json'), 'utf8'),
          ) as DraftsModelFile,
        ),
    ],
  ])(
    'leave older files scoring as before (%s): a whole-draft head is the walk over every feature',
    (_, make) => {
      const file = make() as DraftsModelFile;
      const model = loadDraftsModel(file);
      const mixed = loadDraftsModel(
        resignHeads(file, [
          ...file.heads,
          { ...(windowFile.heads[0] as DraftsModelFile['heads'][0]), category: freeCategory(file) },
        ]),
      );
      const weightsOf = file.heads.map((_, h) => loadWeights(file, h));
      for (const text of [long, 'Katanya viral, NIK warga tersebar. Mohon cek.', NEUTRAL.join(' ')]) {
        const features = extractFeatures(text, DRAFT_FEATURE_TABLES, file.features);
        const scores = scoreDraft(text, model).scores;
        file.heads.forEach((head, h) => {
          let sum = 0;
          const weights = weightsOf[h] as Int8Array;
          features.buckets.forEach((b, k) => {
            sum += (weights[b] as number) * (features.values[k] as number);
          });
          expect(scores[h]).toBeCloseTo(1 / (1 + Math.exp(-(head.bias + sum * head.scale))), 12);
        });
        // Beside a window head the same draft heads give the very same numbers.
        const beside = scoreDraft(text, mixed).scores;
        expect([...beside.subarray(0, file.heads.length)]).toEqual([...scores]);
      }
    },
  );
});

/** The file's whole-draft heads alone, as the @1 file an older trainer would have written. */
function wholeDraftHeads(file: DraftsModelFile): DraftsModelFile {
  const { window: _, ...features } = file.features;
  const heads = file.heads.filter((head) => head.unit === undefined);
  const payload = { features, minWords: file.minWords, heads };
  return { ...file, format: DRAFTS_MODEL_FORMAT, ...payload, checksum: draftsChecksum(payload) };
}

/** A category the file has no head for, to add a window head under. */
function freeCategory(file: DraftsModelFile): DraftHeadCategory {
  const free = DRAFT_HEAD_CATEGORIES.find((category) => !file.heads.some((h) => h.category === category));
  if (!free) throw new Error('every category has a head');
  return free;
}

function resignHeads(file: DraftsModelFile, heads: DraftsModelFile['heads']): DraftsModelFile {
  const payload = {
    features: { ...file.features, window: { cut: 'sentence' as const, span: 1 } },
    minWords: file.minWords,
    heads,
  };
  return { ...file, format: DRAFTS_MODEL_FORMAT_WINDOWS, ...payload, checksum: draftsChecksum(payload) };
}

function loadWeights(file: DraftsModelFile, h: number): Int8Array {
  const model = loadDraftsModel(file);
  const out = new Int8Array(2 ** file.features.hashBits);
  for (let b = 0; b < out.length; b += 1) out[b] = model.weights[b * model.heads.length + h] as number;
  return out;
}
