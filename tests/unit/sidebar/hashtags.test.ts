import { describe, expect, it } from 'vitest';
import { extractHashtags, hashtagInsertText, planHashtagInsert } from '@/lib/sidebar/hashtags';

describe('extractHashtags', () => {
  it('finds hashtags in any script and ignores anchors, numbers and e-mail-like text', () => {
    expect(extractHashtags('Banjir #PemprovKalbar #Kalbar_Bangkit dan #2025 di a#b, #ÉtéIndah')).toEqual([
      '#PemprovKalbar',
      '#Kalbar_Bangkit',
      '#ÉtéIndah',
    ]);
  });
});

describe('planHashtagInsert', () => {
  const set = ['#PemprovKalbar', 'KalbarBangkit', '#AyoKeKalbar'];

  it('skips hashtags already present, case-insensitively', () => {
    const plan = planHashtagInsert(set, 'Kunjungan kerja #pemprovkalbar', null);
    expect(plan).toEqual({
      add: ['#KalbarBangkit', '#AyoKeKalbar'],
      present: ['#PemprovKalbar'],
      overCap: [],
    });
  });

  it('respects the cap counting the hashtags already in the text', () => {
    const plan = planHashtagInsert(set, '#Satu #Dua #Tiga #Empat', 5);
    expect(plan.add).toEqual(['#PemprovKalbar']);
    expect(plan.overCap).toEqual(['#KalbarBangkit', '#AyoKeKalbar']);
  });

  it('adds nothing when the cap is already reached, and counts duplicates in the set once', () => {
    expect(planHashtagInsert(['#A', '#a', '#B'], '', 1)).toEqual({
      add: ['#A'],
      present: [],
      overCap: ['#B'],
    });
    expect(planHashtagInsert(set, '#a #b #c #d #e', 5).add).toEqual([]);
  });
});

describe('hashtagInsertText', () => {
  it('separates the first tag from a word before the caret, not from whitespace', () => {
    expect(hashtagInsertText(['#A', '#B'], 'k')).toBe(' #A #B');
    expect(hashtagInsertText(['#A', '#B'], '\n')).toBe('#A #B');
    expect(hashtagInsertText(['#A'], '')).toBe('#A');
    expect(hashtagInsertText([], 'k')).toBe('');
  });
});
