import { describe, expect, it } from 'vitest';
import { HELD_OUT_FRACTION, heldOutSplit, type SplitRow, splitKey } from '@/lib/guidelines/model/split';

/** 1,000 distinct synthetic tweets: 30 % hate speech, 25 % abusive only, the rest neither. */
function rows(): SplitRow[] {
  return Array.from({ length: 1000 }, (_, i) => ({
    text: `tweet nomor ${i} tentang topik ${i % 17}`,
    hate: i % 20 < 6,
    abuse: i % 20 < 11,
  }));
}

describe('the held-out split of the training tweets', () => {
  it('is a partition of the rows, the same on every run, holding out about a fifth', () => {
    const data = rows();
    const a = heldOutSplit(data);
    const b = heldOutSplit(data);
    expect(b).toEqual(a);
    expect([...a.train, ...a.heldOut].sort((x, y) => x - y)).toEqual(data.map((_, i) => i));
    expect(a.train.filter((i) => a.heldOut.includes(i))).toEqual([]);
    expect(a.heldOut.length).toBe(Math.floor(1000 * HELD_OUT_FRACTION));
    expect(a.fingerprint).toMatch(/^[0-9a-f]{8}$/);
  });

  it('keeps each stratum’s share on both sides', () => {
    const data = rows();
    const { train, heldOut } = heldOutSplit(data);
    const count = (indices: number[], f: (r: SplitRow) => boolean) =>
      indices.filter((i) => f(data[i] as SplitRow)).length;
    // 300 hate, 250 abusive only, 450 neither: exactly a fifth of each.
    expect(count(heldOut, (r) => r.hate)).toBe(60);
    expect(count(heldOut, (r) => r.abuse && !r.hate)).toBe(50);
    expect(count(heldOut, (r) => !r.abuse)).toBe(90);
    expect(count(train, (r) => r.hate)).toBe(240);
  });

  it('puts copies and retweets of a tweet on the same side as the tweet', () => {
    const data = rows();
    const copies: SplitRow[] = data.slice(0, 200).map((r) => ({
      ...r,
      text: `RT USER: ${r.text.toUpperCase()}!! URL`,
    }));
    const { heldOut } = heldOutSplit([...data, ...copies]);
    const held = new Set(heldOut);
    for (let i = 0; i < 200; i += 1) expect(held.has(1000 + i)).toBe(held.has(i));
    expect(splitKey('RT USER: Dasar   BODOH!! URL')).toBe('dasar bodoh');
  });

  it('depends on the seed and on the text, not on the order of the rows', () => {
    const data = rows();
    const shipped = heldOutSplit(data);
    const other = heldOutSplit(data, 7);
    expect(other.heldOut).not.toEqual(shipped.heldOut);
    expect(other.fingerprint).not.toBe(shipped.fingerprint);
    const reversed = [...data].reverse();
    const again = heldOutSplit(reversed);
    const heldTexts = (split: { heldOut: number[] }, source: SplitRow[]) =>
      split.heldOut.map((i) => (source[i] as SplitRow).text).sort();
    expect(heldTexts(again, reversed)).toEqual(heldTexts(shipped, data));
    expect(again.fingerprint).toBe(shipped.fingerprint);
  });
});
