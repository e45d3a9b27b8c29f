import { describe, expect, it } from 'vitest';
import { scoreDraft } from '@/lib/guidelines/model/drafts-model';
import { loadDraftsModel } from '@/lib/guidelines/model/drafts-schema';
import {
  draftRow,
  draftsModelFile,
  featureColumns,
  fileHead,
  pickUnionThreshold,
  predictHead,
  trainHeads,
} from '@/lib/guidelines/model/drafts-train';
import { DRAFT_HEAD_CATEGORIES } from '@/lib/guidelines/model/drafts-types';
import { normaliseText } from '@/lib/guidelines/model/features';
import { STRUCTURE_SIGNS, structureSign } from '@/lib/guidelines/model/messages';
import { isStructureName, STRUCTURE_NAMES, structureValues } from '@/lib/guidelines/model/structure';

const tables = { slang: new Map<string, string>(), lexicon: new Set<string>() };
const holds = (name: string, text: string): boolean =>
  structureValues({ text, words: normaliseText(text, tables) }, [name])[0] === 1;

const LONG = Array.from({ length: 120 }, (_, i) => `kata${i}`).join(' ');
const MEDIUM = Array.from({ length: 40 }, (_, i) => `kata${i}`).join(' ');

/** For every extractor: a sentence where it holds and one where it does not. */
const CASES: Record<string, [string, string]> = {
  'date-day@1': ['Rapat digelar Selasa pagi.', 'Rapat digelar pagi tadi.'],
  'date-numeric@1': ['Rapat digelar (24/11/2026) di aula.', 'Rapat digelar di aula lantai 2.'],
  'date-month@1': ['Pada 24 November 2026 rapat digelar.', 'Pada bulan depan rapat digelar.'],
  'date-relative-only@1': [
    'Hari ini kami meninjau jembatan.',
    'Hari ini, Senin (24/11), kami meninjau jembatan.',
  ],
  'no-date@1': ['Kami meninjau jembatan.', 'Kami meninjau jembatan, Kamis (26/11/2026).'],
  'dateline@1': [
    'SINGKAWANG – Wali Kota membuka pasar murah.',
    'Wali Kota membuka pasar murah – Singkawang.',
  ],
  'credit@1': ['Pasar murah dibuka. Foto: Humas Pemkot', 'Pasar murah dibuka untuk warga.'],
  'credit-weak@1': ['Pasar murah dibuka. Foto: Istimewa', 'Pasar murah dibuka. Foto: Humas Pemkot'],
  'no-credit@1': ['Pasar murah dibuka. Foto-foto menyusul', 'Pasar murah dibuka. 📷 Humas Diskominfo'],
  'place@1': ['Rapat berlangsung di Aula Kantor Bupati.', 'Rapat berlangsung dengan lancar.'],
  'no-place@1': ['Rapat berlangsung dengan lancar.', 'Rapat di Desa Sungai Ambawang berlangsung lancar.'],
  'report-voice@1': ['Bupati meninjau lokasi banjir.', 'Waspada banjir, siapkan tas siaga.'],
  'report-no-date@1': ['Bupati meninjau lokasi banjir.', 'Bupati meninjau lokasi banjir, Rabu (25/11/2026).'],
  'report-no-place@1': [
    'Bupati meninjau lokasi banjir.',
    'Bupati meninjau lokasi banjir di Desa Nanga Pinoh.',
  ],
  'report-no-credit@1': ['Bupati meninjau lokasi banjir.', 'Bupati meninjau lokasi banjir. Foto: Prokopim'],
  'report-bare@1': [
    'Kegiatan rapat evaluasi dihadiri seluruh kepala bidang.',
    'Rapat evaluasi di Aula Bappeda, Senin (23/11/2026). Foto: Humas',
  ],
  'figure@1': ['Harga beras turun 12 persen.', 'Harga beras mulai turun.'],
  'superlative@1': ['Pontianak kota terbersih se-Indonesia.', 'Pontianak kota yang bersih.'],
  'named-source@1': ['Menurut BPS Kalbar, inflasi 2,1 persen.', 'Inflasi turun, katanya.'],
  'unnamed-source@1': [
    'Menurut seorang pejabat, dana sudah cair.',
    'Menurut Kepala Dinas Sosial, dana sudah cair.',
  ],
  'figure-no-source@1': ['Inflasi tahun ini 2,1 persen.', 'Menurut BPS Kalbar, inflasi 2,1 persen.'],
  'superlative-no-source@1': [
    'Pelayanan kami terbaik se-Kalimantan.',
    'Menurut Ombudsman RI, pelayanan kami terbaik se-Kalimantan.',
  ],
  'claim-unnamed-source@1': ['Kata orang dalam, 40 persen dana hilang.', 'Kata orang dalam, dana hilang.'],
  'rumour-frame@1': ['Beredar kabar jembatan ambruk, sebarkan!', 'Jembatan ditutup untuk perbaikan.'],
  'question@1': ['Apakah jembatan ditutup?', 'Jembatan ditutup.'],
  'shouting@1': ['SEGERA DAFTAR SEBELUM KUOTA HABIS!!', 'Segera daftar sebelum kuota habis.'],
  'long-digits@1': ['NIK 6171012304850003 atas nama warga.', 'Nomor antrean 12 dipanggil.'],
  'digit-groups@1': ['Hubungi 0812-5678-9012 untuk info.', 'Hubungi kantor kami untuk info.'],
  'phone@1': ['WA ke 081256789012 ya.', 'WA ke kantor ya.'],
  'hotline@1': ['Darurat? Hubungi 112.', 'Darurat? Hubungi kami.'],
  'id-label-digits@1': ['NIK: 6171012304850003', 'NIK wajib dibawa saat mendaftar.'],
  'email@1': ['Kirim ke budi.santoso@gmail.com hari ini.', 'Kirim ke kantor hari ini.'],
  'address@1': ['Rumahnya di Jl. Merdeka No. 12.', 'Rumahnya dekat pasar.'],
  'age@1': ['Korban, Rina (14), masih dirawat.', 'Korban masih dirawat.'],
  'person@1': ['Terima kasih Bapak Suryadi atas laporannya.', 'Terima kasih atas laporannya.'],
  'person-address@1': ['Pak Andri di Gang Mawar No. 5 sudah kami hubungi.', 'Pak Andri sudah kami hubungi.'],
  'person-digits@1': ['Ibu Sari, WA 081256789012.', 'Ibu Sari, terima kasih.'],
  'person-age@1': ['Saudara Dedi (34) ditemukan selamat.', 'Saudara Dedi ditemukan selamat.'],
  'address-digits@1': ['Jl. Merdeka No. 12, HP 081256789012.', 'Jl. Merdeka No. 12 ditutup.'],
  'digits-no-hotline@1': ['Hubungi 081256789012.', 'Hubungi 081256789012 atau 112.'],
  'length-short@1': ['Rapat hari ini ditunda.', MEDIUM],
  'length-medium@1': [MEDIUM, LONG],
  'length-long@1': [LONG, MEDIUM],
};

describe('structural features of a draft', () => {
  it('has a positive and a negative sentence for every extractor', () => {
    expect(Object.keys(CASES).sort()).toEqual([...STRUCTURE_NAMES].sort());
  });

  it.each(Object.entries(CASES))('%s holds on its sentence and not on its contrast', (name, [yes, no]) => {
    expect(holds(name, yes)).toBe(true);
    expect(holds(name, no)).toBe(false);
  });

  it('knows its names by version and refuses an unknown one', () => {
    expect(isStructureName('no-date@1')).toBe(true);
    expect(isStructureName('no-date@2')).toBe(false);
    expect(isStructureName('toString')).toBe(false);
    expect(() => structureValues({ text: 'x', words: [] }, ['no-date@9'])).toThrow(
      /unknown structural feature/,
    );
  });

  it('gives the values in the order asked, the same on every call', () => {
    const text = 'Bupati meninjau lokasi banjir. Foto: Istimewa';
    const words = normaliseText(text, tables);
    const names = ['credit-weak@1', 'no-date@1', 'dateline@1'];
    expect([...structureValues({ text, words }, names)]).toEqual([1, 1, 0]);
    expect([...structureValues({ text, words }, names)]).toEqual([1, 1, 0]);
  });

  it('names what a sign-bearing feature says, in both languages', () => {
    for (const name of Object.keys(STRUCTURE_SIGNS)) expect(isStructureName(`${name}@1`)).toBe(true);
    expect(structureSign('report-bare@1', 'id')).toBe('laporan kegiatan tanpa tanggal/tempat/kredit');
    expect(structureSign('report-bare@1', 'en')).toBe('an activity report with no date, place or credit');
    expect(structureSign('length-long@1', 'id')).toBeUndefined();
  });
});

describe('training with structural features', () => {
  const features = {
    hash: 'fnv1a-32' as const,
    hashBits: 10,
    charMin: 3,
    charMax: 3,
    structure: ['report-no-date@1', 'report-bare@1', 'date-numeric@1'],
  };
  // The words are the same in both classes; only a date (and a place and a credit) tells them apart.
  const texts = [
    ['Bupati meninjau pembangunan jembatan bersama camat.', true],
    ['Bupati meninjau pembangunan jalan bersama kepala desa.', true],
    ['Wakil Bupati menghadiri rapat koordinasi bersama camat.', true],
    ['Bupati meninjau pembangunan jembatan bersama camat, Senin (23/11/2026).', false],
    ['Bupati meninjau pembangunan jalan di Desa Sungai Ambawang, 24/11/2026. Foto: Prokopim', false],
    ['Wakil Bupati menghadiri rapat koordinasi, Rabu (25/11/2026). Foto: Humas', false],
  ] as const;
  const h = DRAFT_HEAD_CATEGORIES.indexOf('attribution');
  const train = () => {
    const rows = texts.map(([text]) => draftRow(text, features));
    const labels = texts.map(([, bare]) => DRAFT_HEAD_CATEGORIES.map((_, k) => k === h && bare));
    const options = { epochs: 40, learningRate: 0.3, l2: 0, seed: 3, positiveWeight: 1 };
    const models = trainHeads(rows, labels, DRAFT_HEAD_CATEGORIES.length, featureColumns(features), options);
    return { rows, head: fileHead(models[h] as (typeof models)[number], 200, features.hashBits) };
  };

  it('puts each structural feature in its own column after the hash buckets', () => {
    const row = draftRow(texts[0][0], features);
    const size = 2 ** features.hashBits;
    expect(row.buckets.filter((b) => b >= size)).toEqual([size, size + 1]);
    expect(row.values.slice(-2)).toEqual([1, 1]);
    expect(featureColumns(features)).toBe(size + 3);
  });

  it('learns the absence of a date, writes it to the file, and the scorer gives the trainer’s scores', () => {
    const { rows, head } = train();
    expect(head.structure).toHaveLength(3);
    expect((head.structure[0] as number) + (head.structure[1] as number)).toBeGreaterThan(0);
    const meta = {
      id: 'tiny-structure',
      trainedAt: '2026-11-30T00:00:00Z',
      dataset: { name: 'tiny', source: 'test', drafts: texts.length, writers: 1 },
      evaluation: {},
    };
    const file = draftsModelFile([{ category: 'attribution', ...head, threshold: 0.5 }], features, 0, meta);
    expect(file.heads[0]?.structure).toEqual(head.structure);
    const model = loadDraftsModel(JSON.parse(JSON.stringify(file)));
    texts.forEach(([text, bare], i) => {
      const score = scoreDraft(text, model).scores[0] as number;
      expect(score).toBeCloseTo(predictHead(head, rows[i]!), 12);
      expect(score >= 0.5).toBe(bare);
    });
    expect(train().head).toEqual(head);
  });
});

describe('a threshold that completes the rules', () => {
  it('adds the head where the rules are silent, keeps its precision floor and the clean-draft limit', () => {
    // Drafts 0–1 the rules already report; 2–4 are positives they miss; 5–9 are clean.
    const labels = [true, true, true, true, true, false, false, false, false, false];
    const rules = [true, true, false, false, false, false, false, false, false, false];
    const clean = labels.map((y) => !y);
    const scores = [0.1, 0.2, 0.9, 0.8, 0.3, 0.85, 0.2, 0.1, 0.1, 0.05];
    const limits = { minPrecision: 0.5, maxClean: 0.2 };
    // 0.3 adds the three missed positives for one clean draft: F1 10/11, against 4/7 for the rules.
    expect(pickUnionThreshold({ scores, labels, rules, clean }, limits)).toBe(0.3);
    // No clean draft may be flagged: it stops above the clean draft at 0.85.
    expect(pickUnionThreshold({ scores, labels, rules, clean }, { ...limits, maxClean: 0 })).toBe(0.9);
    expect(pickUnionThreshold({ scores, labels, rules, clean }, { minPrecision: 1, maxClean: 0 })).toBe(0.9);
    expect(
      pickUnionThreshold(
        { scores: [0.9, 0.1], labels: [false, true], rules: [false, false], clean: [true, false] },
        limits,
      ),
    ).toBe(1);
  });
});
