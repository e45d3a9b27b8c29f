import { describe, expect, it } from 'vitest';
import { codePointLength, tagList, youtubeTagsLength } from '@/lib/guidelines/measure';

describe('platform measures', () => {
  it('counts an emoji (a surrogate pair) as one character', () => {
    expect(codePointLength('Kalbar 🇮🇩!')).toBe(10);
    expect(codePointLength('😀')).toBe(1);
    expect(codePointLength('')).toBe(0);
  });

  it('reads tags separated by commas or lines, without empty ones', () => {
    expect(tagList('kalbar, pemprov kalbar,,\nrapat koordinasi\n')).toEqual([
      'kalbar',
      'pemprov kalbar',
      'rapat koordinasi',
    ]);
  });

  it('counts tags the way YouTube does: commas count, a tag with a space counts as quoted', () => {
    // kalbar (6) + "pemprov kalbar" (14 + 2) + "rapat koordinasi" (16 + 2) + 2 commas = 42
    expect(youtubeTagsLength('kalbar, pemprov kalbar, rapat koordinasi')).toBe(42);
    expect(youtubeTagsLength('')).toBe(0);
    expect(youtubeTagsLength('satu')).toBe(4);
  });
});
