import { describe, expect, it } from 'vitest';
import { scoreDraft } from '@/lib/guidelines/model/drafts-model';
import { loadDraftsModel } from '@/lib/guidelines/model/drafts-schema';
import { stemBucket } from '@/lib/guidelines/model/drafts-stems';
import {
  draftRow,
  draftsModelFile,
  featureColumns,
  fileHead,
  predictHead,
  trainHeads,
} from '@/lib/guidelines/model/drafts-train';
import { DRAFT_HEAD_CATEGORIES, type DraftsFeatureSpec } from '@/lib/guidelines/model/drafts-types';

const plain: DraftsFeatureSpec = { hash: 'fnv1a-32', hashBits: 12, charMin: 3, charMax: 3 };
const stems: DraftsFeatureSpec = { ...plain, stems: true };

describe('the stem feature of the draft classifier', () => {
  it('gives inflections of one word one bucket, and adds one feature per word to a row', () => {
    const mask = 2 ** stems.hashBits - 1;
    expect(stemBucket('disalurkan', mask)).toBe(stemBucket('menyalurkan', mask));
    expect(stemBucket('disalurkan', mask)).not.toBe(stemBucket('dibagikan', mask));
    const text = 'Bantuan disalurkan kepada warga terdampak banjir.';
    const without = draftRow(text, plain);
    const withStems = draftRow(text, stems);
    expect(withStems.buckets).toHaveLength(without.buckets.length + 6);
    expect(withStems.buckets.slice(0, without.buckets.length)).toEqual(without.buckets);
    // The first feature is a word (value 1/√n): the stems raise n by one per word.
    const n = 1 / (without.values[0] as number) ** 2;
    expect(withStems.values[0]).toBeCloseTo(1 / Math.sqrt(n + 6), 12);
    expect(withStems.values.at(-1)).toBeCloseTo(1 / Math.sqrt(n + 6), 12);
  });

  it('round-trips through the file: the scorer gives the trainer’s scores, and old files score as before', () => {
    const texts = [
      ['Bantuan disalurkan langsung kepada warga terdampak banjir di desa.', true],
      ['Petugas menyalurkan bantuan kepada warga terdampak banjir di desa.', true],
      ['Penyaluran bantuan kepada warga terdampak banjir berjalan lancar di desa.', true],
      ['Warga desa bergotong royong membersihkan saluran air di desa.', false],
      ['Rapat koordinasi membahas jadwal posyandu balita di desa.', false],
      ['Lomba kebersihan kampung diikuti warga dengan antusias di desa.', false],
    ] as const;
    const h = DRAFT_HEAD_CATEGORIES.indexOf('credibility');
    const rows = texts.map(([text]) => draftRow(text, stems));
    const labels = texts.map(([, y]) => DRAFT_HEAD_CATEGORIES.map((_, k) => k === h && y));
    const options = { epochs: 30, learningRate: 0.3, l2: 0, seed: 3, positiveWeight: 1 };
    const models = trainHeads(rows, labels, DRAFT_HEAD_CATEGORIES.length, featureColumns(stems), options);
    const head = fileHead(models[h] as (typeof models)[number], 300, stems.hashBits);
    const meta = {
      id: 'tiny-stems',
      trainedAt: '2026-11-30T00:00:00Z',
      dataset: { name: 'tiny', source: 'test', drafts: texts.length, writers: 1 },
      evaluation: {},
    };
    const file = draftsModelFile([{ category: 'credibility', ...head, threshold: 0.5 }], stems, 0, meta);
    expect(file.features.stems).toBe(true);
    // A version without the stem feature must refuse the file rather than score it without stems.
    expect(file.format).toBe('satu-pintu/drafts-model@2');
    expect(() => loadDraftsModel({ ...file, format: 'satu-pintu/drafts-model@1' })).toThrow(
      /format: .*stem features go with satu-pintu\/drafts-model@2 only/,
    );
    const model = loadDraftsModel(JSON.parse(JSON.stringify(file)));
    expect(model.features.stems).toBe(true);
    texts.forEach(([text], i) => {
      expect(scoreDraft(text, model).scores[0]).toBeCloseTo(predictHead(head, rows[i]!), 12);
    });
    // The same weights read without the stem feature score differently: the flag is part of the file.
    const unstemmed = draftsModelFile([{ category: 'credibility', ...head, threshold: 0.5 }], plain, 0, meta);
    const old = loadDraftsModel(JSON.parse(JSON.stringify(unstemmed)));
    expect(old.features.stems).toBeUndefined();
    expect(unstemmed.format).toBe('satu-pintu/drafts-model@1');
    expect(() => loadDraftsModel({ ...unstemmed, format: 'satu-pintu/drafts-model@2' })).toThrow(/format/);
    expect(scoreDraft(texts[0][0], old).scores[0]).not.toBeCloseTo(predictHead(head, rows[0]!), 6);
    expect(scoreDraft(texts[0][0], old).scores[0]).toBeCloseTo(
      predictHead(head, draftRow(texts[0][0], plain)),
      12,
    );
  });
});
