import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeWeights, encodeWeights, fromBase64, toBase64 } from '@/lib/guidelines/model/codec';
import { parseSlangCsv, parseTrainingCsv } from '@/lib/guidelines/model/dataset';
import { extractFeatures, hashFeature, normaliseText } from '@/lib/guidelines/model/features';
import { sha256Sync } from '@/lib/guidelines/model/sha256';
import { metrics, pickThreshold, quantise } from '@/lib/guidelines/model/train';

const tables = {
  slang: new Map([
    ['gblk', 'goblok'],
    ['bgt', 'banget'],
    ['anjay', 'anjing sekali'],
  ]),
  lexicon: new Set(['goblok', 'bangsat']),
};

/** Normalised words with the original text they point at. */
const words = (text: string) => normaliseText(text, tables).map((w) => [w.key, text.slice(w.start, w.end)]);

describe('normalisation keeps offsets into the original text', () => {
  it('lowercases, reads leetspeak digits and collapses repeated letters', () => {
    expect(words('Dasar G0BL0K, bangsaaat!')).toEqual([
      ['dasar', 'Dasar'],
      ['goblok', 'G0BL0K'],
      ['bangsat', 'bangsaaat'],
    ]);
    expect(words('4nj1ng lu')).toEqual([
      ['anjing', '4nj1ng'],
      ['lu', 'lu'],
    ]);
    expect(words('b@bi')).toEqual([['babi', 'b@bi']]);
  });

  it('joins letters spelled out one by one, spaced or dotted', () => {
    expect(words('dasar g o b l o k sekali')).toEqual([
      ['dasar', 'dasar'],
      ['goblok', 'g o b l o k'],
      ['sekali', 'sekali'],
    ]);
    expect(words('a.n.j.i.n.g')).toEqual([['anjing', 'a.n.j.i.n.g']]);
    // Two single letters are not a spelled-out word.
    expect(words('a b cd')).toEqual([
      ['a', 'a'],
      ['b', 'b'],
      ['cd', 'cd'],
    ]);
  });

  it('maps slang through the dictionary, before and after the other steps', () => {
    expect(words('gblk bgttt')).toEqual([
      ['goblok', 'gblk'],
      ['banget', 'bgttt'],
    ]);
    // A multi-word standard form: every part points at the one original word.
    expect(words('anjay')).toEqual([
      ['anjing', 'anjay'],
      ['sekali', 'anjay'],
    ]);
  });

  it('turns mentions, links and numbers into the training data’s tokens', () => {
    expect(words('@pemprov_kalbar lihat https://kalbarprov.go.id/x?y=1 ada 2024 orang')).toEqual([
      ['user', '@pemprov_kalbar'],
      ['lihat', 'lihat'],
      ['url', 'https://kalbarprov.go.id/x?y=1'],
      ['ada', 'ada'],
      ['num', '2024'],
      ['orang', 'orang'],
    ]);
    // An e-mail address is not a mention.
    expect(words('info@kalbar')[0]?.[0]).toBe('infoakalbar');
  });
});

describe('features', () => {
  it('hash word, bigram, character n-grams and the lexicon, each owned by its word', () => {
    const options = { hashBits: 18, charMin: 3, charMax: 5 };
    const f = extractFeatures('kamu goblok', tables, options);
    const mask = 2 ** 18 - 1;
    expect(f.buckets).toContain(hashFeature(119, 'goblok') & mask);
    expect(f.buckets).toContain(hashFeature(98, 'kamu goblok') & mask);
    expect(f.buckets).toContain(hashFeature(99, '<gob') & mask);
    expect(f.buckets).toContain(hashFeature(99, 'lok>') & mask);
    expect(f.buckets).toContain(hashFeature(108, '') & mask);
    // "<kamu>" has 4 + 3 + 2 = 9 n-grams of 3–5 characters, "<goblok>" 6 + 5 + 4 = 15.
    const owned = (word: number) => f.owners.filter((o) => o === word).length;
    expect(owned(0)).toBe(1 + 9 + 1);
    expect(owned(1)).toBe(1 + 1 + 15 + 1);
    // Values are 1/√n (a bigram counts once, split over its two words): the vector has unit length.
    const n = 2 + 1 + 1 + 9 + 15;
    expect(f.values[0]).toBeCloseTo(1 / Math.sqrt(n), 12);
    expect(f.values.reduce((sum, v) => sum + v, 0)).toBeCloseTo(n / Math.sqrt(n), 9);
  });
});

describe('codec and checksum', () => {
  it('SHA-256 matches node:crypto on ASCII, multi-byte text and block edges', () => {
    for (const text of [
      '',
      'abc',
      'x'.repeat(55),
      'x'.repeat(56),
      'x'.repeat(64),
      'ujaran kebencian é 😀'.repeat(40),
    ])
      expect(sha256Sync(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('base64 and sparse weights round-trip', () => {
    const bytes = Uint8Array.from({ length: 257 }, (_, i) => (i * 37) & 255);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(toBase64(Uint8Array.from([1, 2]))).toBe(Buffer.from([1, 2]).toString('base64'));
    const weights = new Int8Array(1 << 12);
    weights[0] = 5;
    weights[200] = -127;
    weights[4095] = 127;
    expect(decodeWeights(encodeWeights(weights), 1 << 12)).toEqual(weights);
    expect(() => decodeWeights(encodeWeights(weights), 1 << 11)).toThrow(/out of range/);
  });

  it('quantisation keeps the largest weights, in int8 steps', () => {
    const q = quantise({ bias: 0.5, weights: Float64Array.from([0.01, -2, 1, 0.5, 0]) }, 2);
    expect([...q.weights]).toEqual([0, -127, 64, 0, 0]);
    expect(q.scale).toBeCloseTo(2 / 127, 12);
    expect(q.nonZero).toBe(2);
  });
});

describe('training helpers', () => {
  it('metrics and a precision-first threshold', () => {
    const labels = [true, true, true, false, false];
    expect(metrics([true, true, false, true, false], labels)).toMatchObject({ tp: 2, fp: 1, fn: 1, tn: 1 });
    // At 0.6 precision is 1 (two of two); at 0.3 the false positive joins.
    expect(pickThreshold([0.9, 0.8, 0.3, 0.4, 0.1], labels, 0.9)).toBe(0.8);
    expect(pickThreshold([0.9, 0.8, 0.3, 0.4, 0.1], labels, 0)).toBe(0.3);
  });

  it('parses the dataset’s unquoted commas, byte escapes and labels', () => {
    const csv = [
      'Tweet,HS,Abusive,HS_Individual,HS_Group,HS_Religion,HS_Race,HS_Physical,HS_Gender,HS_Other,HS_Weak,HS_Moderate,HS_Strong',
      "RT USER: dasar, bodoh\\xf0\\x9f\\x98\\x82 kamu\\nya',0,1,0,0,0,0,0,0,0,0,0,0",
      '"kata ""kutip"", lalu",1,0,0,0,0,0,0,0,0,0,0,0',
      'orang itu,1,0,0,0,1,0,0,0,0,0,0,0',
    ].join('\n');
    expect(parseTrainingCsv(csv)).toEqual([
      { text: 'USER: dasar, bodoh  kamu\nya', abuse: true, hate: false, group: false },
      { text: 'kata "kutip", lalu', abuse: true, hate: true, group: false },
      { text: 'orang itu', abuse: true, hate: true, group: true },
    ]);
    expect(parseSlangCsv('gblk,goblok\nsama,sama\nBgt , banget\n')).toEqual([
      ['gblk', 'goblok'],
      ['bgt', 'banget'],
    ]);
  });
});
