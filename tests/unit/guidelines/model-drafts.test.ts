import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText, compileRules, type Finding } from '@/lib/guidelines';
import { draftsChecker, modelCheckers } from '@/lib/guidelines/model/checker';
import { draftFindings, draftRuleId } from '@/lib/guidelines/model/drafts-findings';
import { decodeDraftsModel, scoreDraft } from '@/lib/guidelines/model/drafts-model';
import { loadDraftsModel } from '@/lib/guidelines/model/drafts-schema';
import { draftRow, draftsModelFile, quantiseHead, trainHeads } from '@/lib/guidelines/model/drafts-train';
import {
  DRAFT_HEAD_CATEGORIES,
  type DraftHeadCategory,
  type DraftsModelFile,
} from '@/lib/guidelines/model/drafts-types';
import { ModelFileError } from '@/lib/guidelines/model/schema';
import { predictQuantised } from '@/lib/guidelines/model/train';
import {
  structuredDraftsFile,
  tamperedDraftsFile,
  tinyDraftsFile,
  unknownStructureDraftsFile,
} from './model-drafts-fixtures';
import { tinyModelFile } from './model-fixtures';

const RUMOUR = 'Katanya air kelapa bisa menyembuhkan demam berdarah, sudah viral di grup.';
const CLEAN = 'Dinas Kesehatan mengimbau warga membawa balita ke posyandu.';
const ctx = { platform: 'facebook', field: 'caption', lang: 'id' } as const;

describe('draft classifier scoring', () => {
  const model = loadDraftsModel(tinyDraftsFile());

  it('is deterministic and scores only what its heads learned', () => {
    const a = scoreDraft(RUMOUR, model).scores;
    const b = scoreDraft(RUMOUR, model).scores;
    expect([...a]).toEqual([...b]);
    expect(a[0]).toBeGreaterThan(0.6);
    expect(a[1]).toBeLessThan(0.5);
    expect(scoreDraft(CLEAN, model).scores[0]).toBeLessThan(0.5);
  });

  it('reports one warning per firing head, over the driving words, with a review message', () => {
    const findings = draftFindings(RUMOUR, model, 'id');
    expect(findings).toHaveLength(1);
    const [finding] = findings as [Finding];
    expect(finding).toMatchObject({
      ruleId: draftRuleId('misinformation'),
      category: 'misinformation',
      severity: 'warning',
    });
    expect(finding.start).toBeGreaterThanOrEqual(0);
    expect(finding.end).toBeLessThanOrEqual(RUMOUR.length);
    // Both drivers lie within 120 characters: the finding spans them.
    expect(RUMOUR.slice(finding.start, finding.end)).toMatch(/^Katanya .* viral$/);
    expect(finding.message).toMatch(/^Mirip draf yang .* — periksa kembali/);
    expect(finding.message).toContain('“Katanya”');
    expect(finding.message).toContain('“viral”');
    expect(draftFindings(RUMOUR, model, 'en')[0]?.message).toMatch(
      /^Resembles drafts that .* — please review/,
    );
    expect(draftFindings(CLEAN, model, 'id')).toEqual([]);
    expect(draftFindings('', model, 'id')).toEqual([]);
    // Under the file's minimum length nothing is scored, however telling the words.
    expect(draftFindings('Katanya viral.', model, 'id')).toEqual([]);
    expect(draftFindings('Katanya viral sekali.', model, 'id')).toHaveLength(1);
  });

  it('stays silent on a category already reported on the text', () => {
    const both = `${RUMOUR} NIK 6171010101010001.`;
    expect(draftFindings(both, model, 'id').map((f) => f.category)).toEqual([
      'misinformation',
      'personal-data',
    ]);
    const reported: Finding[] = [
      { ruleId: 'KB-HOAX', category: 'misinformation', severity: 'error', start: 0, end: 7, message: 'x' },
    ];
    expect(draftFindings(both, model, 'id', reported).map((f) => f.category)).toEqual(['personal-data']);
    expect(draftsChecker(model)(both, ctx, reported).map((f) => f.category)).toEqual(['personal-data']);
  });

  it('is one of the library’s extra checkers, after the abuse model', () => {
    const checkers = modelCheckers({ abuse: tinyModelFile(), drafts: tinyDraftsFile() });
    expect(checkers).toHaveLength(2);
    expect(modelCheckers({ drafts: tinyDraftsFile() })).toHaveLength(1);
    const compiled = compileRules([], { checkers });
    const result = checkText(compiled, RUMOUR, ctx);
    expect(result.findings.map((f) => f.ruleId)).toEqual([draftRuleId('misinformation')]);
    expect(result.verdict).toBe('review');
  });
});

describe('structural features in the draft classifier', () => {
  const model = loadDraftsModel(structuredDraftsFile());
  const REPORT = 'Bupati meninjau lokasi banjir bersama camat dan kepala desa setempat pagi ini.';
  const DATED = 'Bupati meninjau lokasi banjir bersama camat dan kepala desa, Rabu (25/11/2026).';

  it('adds a structural weight to the logit only when its feature holds', () => {
    const h = model.heads.findIndex((head) => head.category === 'attribution');
    const report = scoreDraft(REPORT, model);
    expect([...report.structure]).toEqual([1, 0]);
    expect(report.scores[h]).toBeCloseTo(1 / (1 + Math.exp(-(-2 + 3))), 12);
    const dated = scoreDraft(DATED, model);
    expect([...dated.structure]).toEqual([0, 0]);
    expect(dated.scores[h]).toBeCloseTo(1 / (1 + Math.exp(2)), 12);
  });

  it('names what is missing in the warning, in both languages, over the whole text when no word drove it', () => {
    const [finding] = draftFindings(REPORT, model, 'id');
    expect(finding).toMatchObject({
      ruleId: draftRuleId('attribution'),
      category: 'attribution',
      severity: 'warning',
      start: 0,
      end: REPORT.length,
    });
    expect(finding?.message).toContain('Ciri: laporan kegiatan tanpa tanggal.');
    expect(draftFindings(REPORT, model, 'en')[0]?.message).toContain(
      'Signs: an activity report with no date.',
    );
    expect(draftFindings(DATED, model, 'id')).toEqual([]);
  });

  it('refuses a file naming a structural feature this version does not know, or weights that do not match', () => {
    expect(() => loadDraftsModel(unknownStructureDraftsFile())).toThrow(
      /drafts model refused: features\.structure\.0: unknown structural feature "no-date@9"/,
    );
    const file = structuredDraftsFile();
    const short = { ...file, heads: file.heads.map((head) => ({ ...head, structure: [1] })) };
    expect(() => loadDraftsModel(short)).toThrow(/heads\.0\.structure: 1 structural weights for 2/);
  });
});

describe('draft classifier file', () => {
  it('is refused when its weights do not match the checksum', () => {
    expect(() => loadDraftsModel(tamperedDraftsFile())).toThrow(ModelFileError);
    expect(() => loadDraftsModel(tamperedDraftsFile())).toThrow(
      /drafts model refused: checksum: checksum mismatch/,
    );
  });

  it('is refused with two heads for one category, a foreign category or an unknown format', () => {
    const file = tinyDraftsFile();
    const twice = { ...file, heads: [file.heads[0], file.heads[0]] };
    expect(() => loadDraftsModel(twice)).toThrow(/heads\.1\.category: a second head/);
    const spelling = { ...file, heads: [{ ...file.heads[0], category: 'spelling' }] };
    expect(() => loadDraftsModel(spelling)).toThrow(/heads\.0\.category/);
    expect(() => loadDraftsModel({ ...file, format: 'satu-pintu/drafts-model@9' })).toThrow(/format/);
    expect(() => loadDraftsModel({ ...file, features: { ...file.features, hashBits: 20 } })).toThrow(
      /features\.hashBits/,
    );
  });
});

describe('training on a tiny corpus', () => {
  const features = { hash: 'fnv1a-32' as const, hashBits: 12, charMin: 3, charMax: 4 };
  const texts = [
    ['Katanya vaksin berbahaya, sebarkan ke semua grup!', ['misinformation']],
    ['Info dari grup sebelah: minum air garam sembuhkan covid, viralkan.', ['misinformation']],
    ['Kabar viral katanya jembatan ambruk, belum tentu benar tapi bagikan.', ['misinformation']],
    ['Dinas Kesehatan membuka layanan imunisasi di puskesmas.', []],
    ['Gubernur meninjau lokasi banjir dan menyalurkan bantuan.', []],
    ['Pendaftaran sekolah dibuka melalui laman resmi dinas.', []],
  ] as const;
  const train = () => {
    const rows = texts.map(([text]) => draftRow(text, features));
    const labels = texts.map(([, cats]) =>
      DRAFT_HEAD_CATEGORIES.map((c) => (cats as readonly string[]).includes(c)),
    );
    const options = { epochs: 30, learningRate: 0.3, l2: 0, seed: 7, positiveWeight: 1 };
    const models = trainHeads(rows, labels, DRAFT_HEAD_CATEGORIES.length, 2 ** features.hashBits, options);
    const h = DRAFT_HEAD_CATEGORIES.indexOf('misinformation');
    const model = quantiseHead(models[h] as (typeof models)[number], 500);
    return { rows, model };
  };

  it('learns a head, writes a file the schema accepts and scores as the trainer did, byte for byte', () => {
    const { rows, model } = train();
    const meta = {
      id: 'tiny',
      trainedAt: '2026-11-30T00:00:00Z',
      dataset: { name: 'tiny', source: 'test', drafts: texts.length, writers: 1 },
      evaluation: {},
    };
    const file = draftsModelFile([{ category: 'misinformation', model, threshold: 0.5 }], features, 0, meta);
    const decoded = loadDraftsModel(JSON.parse(JSON.stringify(file)));
    texts.forEach(([text], i) => {
      expect(scoreDraft(text, decoded).scores[0]).toBeCloseTo(predictQuantised(model, rows[i]!), 12);
    });
    const rumour = scoreDraft('Katanya ada hoaks viral, bagikan ke grup!', decoded).scores[0] as number;
    const notice = scoreDraft('Dinas membuka layanan di puskesmas.', decoded).scores[0] as number;
    expect(rumour).toBeGreaterThan(notice);
    const again = train();
    expect(
      draftsModelFile(
        [{ category: 'misinformation', model: again.model, threshold: 0.5 }],
        features,
        0,
        meta,
      ),
    ).toEqual(file);
    expect(decodeDraftsModel(file).weights.byteLength).toBe(2 ** features.hashBits);
  });
});

describe('the shipped draft classifier (library/src/models/drafts.json)', () => {
  const path = join(import.meta.dirname, '../../../library/src/models/drafts.json');
  const file = JSON.parse(readFileSync(path, 'utf8')) as DraftsModelFile;
  const model = loadDraftsModel(file);

  it('passes its schema, ships only heads its leave-one-writer-out table accepted, within half a megabyte', () => {
    const table = (file.evaluation as { categories: Record<string, { shipped: boolean }> }).categories;
    expect(file.heads.map((h) => h.category)).toEqual(
      DRAFT_HEAD_CATEGORIES.filter((category) => table[category]?.shipped === true),
    );
    expect(model.weights.byteLength).toBeLessThanOrEqual(512 * 1024);
  });

  /** A draft of each category a head may ship for, which that head should recognise. */
  const TYPICAL: Partial<Record<DraftHeadCategory, string>> = {
    'hate-speech':
      'Warga pendatang dari suku itu memang biang penyakit, usir saja mereka dari kampung kita sebelum semua tertular.',
    'child-protection':
      'Semangat pulih, adik kami! Siswi kelas 5 SDN 12 Dusun Sungai Bulan yang menjadi korban kekerasan seksual kini didampingi psikolog dan orang tuanya.',
    confidential:
      'Bocoran hasil audit internal Inspektorat: dokumen rahasia ini belum boleh disebar, tapi kami bagikan ke grup supaya semua tahu isinya.',
    attribution:
      'Kepala Dinas Pertanian meninjau panen raya padi bersama kelompok tani dan menyerahkan bantuan benih unggul serta pupuk kepada para petani yang hadir dalam kegiatan tersebut.',
    'personal-data':
      'Dicari pemilik KTP atas nama Siti Aminah, NIK 6171045505900003, alamat rumah di belakang masjid Gang Sepakat nomor 7, silakan ambil di kantor desa atau hubungi nomor pribadi istrinya.',
    credibility:
      'Menurut seorang pejabat yang enggan disebut namanya, angka kemiskinan di daerah kita turun drastis tahun ini dan program kita disebut yang terbaik se-Indonesia, jauh mengungguli provinsi lain.',
    misinformation:
      'Info dari grup sebelah, katanya air rebusan daun sirsak bisa menyembuhkan kanker dan demam berdarah dalam tiga hari, tidak perlu ke rumah sakit. Sebarkan ke keluarga sebelum dihapus!',
    'illegal-content':
      'Dijual kayu belian dan kayu meranti langsung dari hutan, tanpa dokumen tapi aman sampai tujuan, bisa antar malam hari. Ada juga sisik trenggiling kering, harga nego, hubungi kami lewat pesan pribadi.',
    abuse:
      'Dasar pejabat tidak tahu malu, kerjanya cuma makan gaji buta. Kalau masih berani datang ke kampung kami, jangan salahkan warga kalau nanti terjadi apa-apa sama kau.',
    neutrality:
      'Mari kita dukung terus Bapak Bupati agar bisa melanjutkan pembangunan di periode kedua, jangan lupa coblos nomor dua pada hari pemungutan suara nanti ya, demi kemajuan daerah kita.',
  };

  it('has a typical draft for every shipped head', () => {
    expect(file.heads.filter((head) => TYPICAL[head.category] === undefined)).toEqual([]);
  });

  it.each(
    file.heads.flatMap((head): Array<[string, string]> => {
      const draft = TYPICAL[head.category];
      return draft ? [[head.category, draft]] : [];
    }),
  )(
    'gives a typical %s draft the same findings on every run, as warnings over words of the draft',
    (category, draft) => {
      const first = draftFindings(draft, model, 'id');
      expect(first.map((f) => f.category)).toContain(category);
      expect(draftFindings(draft, model, 'id')).toEqual(first);
      expect(
        draftFindings('Dinas Kesehatan mengimbau warga membawa balita ke posyandu terdekat.', model, 'id'),
      ).toEqual([]);
      for (const finding of first) {
        expect(finding.severity).toBe('warning');
        expect(finding.start).toBeLessThan(finding.end);
        expect(finding.end).toBeLessThanOrEqual(draft.length);
        expect(new Set(first.map((f) => f.category)).size).toBe(first.length);
      }
    },
  );
});
