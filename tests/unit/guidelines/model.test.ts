import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_RULE_IDS, modelFindings, scoringWindows } from '@/lib/guidelines/model/findings';
import { loadAbuseModel, ModelFileError } from '@/lib/guidelines/model/schema';
import { quickAbuseScore, scoreAbuse } from '@/lib/guidelines/model/score';
import type { AbuseModelFile } from '@/lib/guidelines/model/types';
import { tinyModelFile } from './model-fixtures';

const SHIPPED_PATH = resolve('library/src/models/abuse.json');
const shippedFile = () => JSON.parse(readFileSync(SHIPPED_PATH, 'utf8')) as AbuseModelFile;
const shipped = loadAbuseModel(shippedFile());

describe('the model file is refused unless it passes its schema and checksum', () => {
  it('accepts the shipped file and a well-formed hand-made one', () => {
    expect(shipped.heads.abuse.weights.length).toBe(2 ** shipped.features.hashBits);
    expect(() => loadAbuseModel(tinyModelFile())).not.toThrow();
  });

  it('refuses changed weights, thresholds or slang with a checksum message', () => {
    const file = shippedFile();
    const weights = file.heads.abuse.weights;
    const flipped = weights[100] === 'A' ? 'B' : 'A';
    const tampered = {
      ...file,
      heads: {
        ...file.heads,
        abuse: { ...file.heads.abuse, weights: weights.slice(0, 100) + flipped + weights.slice(101) },
      },
    };
    expect(() => loadAbuseModel(tampered)).toThrow(ModelFileError);
    expect(() => loadAbuseModel(tampered)).toThrow(/checksum: checksum mismatch.*damaged or edited/);
    const lowered = { ...file, heads: { ...file.heads, abuse: { ...file.heads.abuse, threshold: 0.1 } } };
    expect(() => loadAbuseModel(lowered)).toThrow(/checksum mismatch/);
    const tiny = tinyModelFile();
    tiny.normalisation.slang += '\nbgst\tbangsat';
    expect(() => loadAbuseModel(tiny)).toThrow(/checksum mismatch/);
  });

  it('names the path of a schema problem', () => {
    expect(() => loadAbuseModel({ ...tinyModelFile(), format: 'satu-pintu/abuse-model@2' })).toThrow(
      /abuse model refused: format:/,
    );
    const { heads, ...noHeads } = tinyModelFile();
    expect(heads.abuse).toBeDefined();
    expect(() => loadAbuseModel(noHeads)).toThrow(/abuse model refused: heads:/);
    const badThreshold = tinyModelFile();
    badThreshold.heads.abuse.threshold = 1.5;
    expect(() => loadAbuseModel(badThreshold)).toThrow(/heads\.abuse\.threshold/);
    const notBase64 = tinyModelFile();
    notBase64.heads.hate.weights = 'não';
    expect(() => loadAbuseModel(notBase64)).toThrow(/heads\.hate\.weights: base64/);
    expect(() => loadAbuseModel('{}')).toThrow(ModelFileError);
  });
});

describe('scoreAbuse and its drivers', () => {
  const tiny = loadAbuseModel(tinyModelFile());

  it('points the drivers at the words that raised the score, in the original text', () => {
    const text = 'Ucapan itu KASAR sekali, ya.';
    const result = scoreAbuse(text, tiny);
    expect(result.drivers.map((d) => text.slice(d.start, d.end))).toEqual(['KASAR', 'sekali']);
    // 31 features (5 words, 4 bigrams, 22 trigrams): the word's weight is 100 × 0.1 / √31.
    expect(result.drivers[0]?.weight).toBeCloseTo(10 / Math.sqrt(31), 9);
    expect(result.label).toBe('abuse');
    // Through slang and repeated letters the driver is still the word as typed.
    const slang = 'dia ksrrrr';
    expect(scoreAbuse(slang, tiny).drivers.map((d) => slang.slice(d.start, d.end))).toEqual(['ksrrrr']);
  });

  it('labels hate speech from the hate head, clean below the threshold', () => {
    expect(scoreAbuse('usir mereka, kasar', tiny).label).toBe('hate-speech');
    const clean = scoreAbuse('selamat pagi warga', tiny);
    expect(clean.label).toBe('clean');
    expect(clean.drivers).toEqual([]);
  });

  it('takes the quick path to the same score as the full one', () => {
    const texts = ['Dasar kamu goblok!', 'Selamat pagi warga Pontianak.', 'USER ini b a n g s a t', ''];
    for (const text of texts)
      expect(quickAbuseScore(text, shipped)).toBeCloseTo(scoreAbuse(text, shipped).score, 12);
  });

  it('reproduces the trainer’s own scores for its fixed examples', () => {
    const examples = shippedFile().evaluation.examples as Array<{
      text: string;
      abuse: number;
      hate: number;
    }>;
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) {
      const result = scoreAbuse(example.text, shipped);
      expect(result.score).toBeCloseTo(example.abuse, 12);
      expect(result.hate).toBeCloseTo(example.hate, 12);
    }
  });
});

describe('scoring windows', () => {
  it('cut the text at sentence ends into pieces of about a tweet’s length, covering all of it', () => {
    const sentence =
      'Pemerintah Provinsi Kalimantan Barat menggelar rapat koordinasi di Pontianak hari ini. ';
    const text = `${sentence.repeat(10)}Kalimat terakhir tanpa titik`;
    const windows = scoringWindows(text);
    expect(windows.length).toBeGreaterThan(2);
    expect(windows[0]?.start).toBe(0);
    expect(windows.at(-1)?.end).toBe(text.length);
    windows.forEach((w, i) => {
      if (i > 0) expect(w.start).toBe(windows[i - 1]?.end);
      expect(w.end - w.start).toBeLessThanOrEqual(280);
      expect(text.slice(0, w.end)).toMatch(/(\. |titik)$/);
    });
    const paragraphs = 'Satu. Dua!\n\nTiga paragraf\n  \nEmpat';
    expect(scoringWindows(paragraphs).map((w) => paragraphs.slice(w.start, w.end))).toEqual([
      'Satu. Dua!\n\n',
      'Tiga paragraf\n  \n',
      'Empat',
    ]);
    // 272 characters, then a web address across the 280-character edge: the address stays whole.
    const address = `${'Pendaftaran tenaga pendamping desa dibuka sampai akhir bulan ini. '.repeat(4)}Info di dinkes.kalbarprov.go.id.`;
    const pieces = scoringWindows(address).map((w) => address.slice(w.start, w.end));
    expect(pieces.at(-1)).toBe('Info di dinkes.kalbarprov.go.id.');
    expect(scoringWindows('Harga naik jadi Rp2.500 per kg. Stok aman.').map((w) => w.end)).toEqual([42]);
    const long = 'kata '.repeat(100);
    expect(scoringWindows(long)).toEqual([{ start: 0, end: long.length }]);
    expect(scoringWindows('')).toEqual([]);
  });
});

describe('the shipped model', () => {
  it('scores clear insults high and points at them', () => {
    for (const text of ['Dasar kamu goblok, otak udang, bangsat!', 'Admin ini t0l0l b4ngs4t!!!']) {
      const result = scoreAbuse(text, shipped);
      expect(result.label).not.toBe('clean');
      expect(result.score).toBeGreaterThan(shipped.heads.abuse.threshold);
      const top = result.drivers.slice(0, 2).map((d) => text.slice(d.start, d.end).toLowerCase());
      expect(top.some((word) => /goblok|bangsat|t0l0l|b4ngs4t/.test(word))).toBe(true);
    }
  });

  // The trainer uses these captions (and the tuning corpus's clean drafts) as negatives, so this is
  // in-sample; the held-in corpus's clean drafts below it never sees.
  it('leaves the library’s approved agency captions alone', () => {
    const dir = resolve('library/src/captions');
    const captions = readdirSync(dir).filter((name) => name.endsWith('.md'));
    expect(captions.length).toBeGreaterThan(10);
    for (const name of captions) {
      const text = readFileSync(resolve(dir, name), 'utf8').split(/^---$/m)[2] ?? '';
      expect({ name, label: scoreAbuse(text, shipped).label }).toEqual({ name, label: 'clean' });
      expect({ name, findings: modelFindings(text, shipped, 'id') }).toEqual({ name, findings: [] });
    }
  });

  it('leaves the clean drafts of the corpus alone, which it never trained on', () => {
    const clean = readFileSync(resolve('tests/corpus/drafts.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as { id: string; text: string; expected_categories?: string[] })
      .filter((d) => (d.expected_categories ?? []).length === 0);
    expect(clean.length).toBeGreaterThan(40);
    for (const d of clean)
      expect({ id: d.id, findings: modelFindings(d.text, shipped, 'id') }).toEqual({
        id: d.id,
        findings: [],
      });
  });

  it('finds one insult in a long caption, in the sentence where it is', () => {
    const dir = resolve('library/src/captions');
    const clean = readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .map((name) => (readFileSync(resolve(dir, name), 'utf8').split(/^---$/m)[2] ?? '').trim())
      .join('\n\n')
      .slice(0, 2000);
    const insult = 'Dasar warga goblok, bangsat semua!';
    const text = `${clean}\n\n${insult}\n\n${clean}`;
    expect(modelFindings(clean, shipped, 'id')).toEqual([]);
    const findings = modelFindings(text, shipped, 'id');
    expect(findings).toHaveLength(1);
    const at = text.indexOf(insult);
    expect(findings[0]?.start).toBeGreaterThanOrEqual(at);
    expect(findings[0]?.end).toBeLessThanOrEqual(at + insult.length);
  });

  it('becomes one finding in the engine’s shape, spanning the driving words', () => {
    const text = 'Selamat pagi. Dasar kamu goblok dan bangsat!';
    const [finding, ...rest] = modelFindings(text, shipped, 'id');
    expect(rest).toEqual([]);
    expect(finding).toBeDefined();
    if (!finding) return;
    expect(Object.values(MODEL_RULE_IDS)).toContain(finding.ruleId);
    expect(['abuse', 'hate-speech']).toContain(finding.category);
    expect(finding.severity).toBe('error');
    expect(text.slice(finding.start, finding.end)).toMatch(/goblok|bangsat/);
    expect(finding.start).toBeGreaterThanOrEqual(text.indexOf('Dasar'));
    expect(finding.message).toMatch(/^Model .*“(goblok|bangsat)”/);
    expect(modelFindings(text, shipped, 'en')[0]?.message).toMatch(/^The .* model rates this text/);
    expect(
      modelFindings('Selamat Hari Guru Nasional untuk seluruh guru di Kalimantan Barat.', shipped, 'id'),
    ).toEqual([]);
  });
});
