import { describe, expect, it } from 'vitest';
import { checkText, compileRules, RuleSchema } from '@/lib/guidelines';
import {
  codePointLength,
  countMentions,
  extractHashtags,
  tagList,
  utf8Length,
  youtubeTagsLength,
} from '@/lib/guidelines/measure';

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

  it('finds hashtags and mentions as the platforms link them', () => {
    expect(extractHashtags('#PemprovKalbar, #2026 #HUT_68 a#b &#35; #kalbar')).toEqual([
      '#PemprovKalbar',
      '#HUT_68',
      '#kalbar',
    ]);
    expect(countMentions('Bersama @pemprov.kalbar. dan @dinkes_kalbar, info@kalbarprov.go.id')).toBe(2);
    // 7 ASCII + 2 spaces + é (2 bytes) + 😀 (4 bytes)
    expect(utf8Length('Rp5.000 é 😀')).toBe(15);
  });

  it("the engine's hashtag limit counts exactly what the sidebar counts", () => {
    const compiled = compileRules([
      RuleSchema.parse({
        id: 'CAP',
        kind: 'limit',
        category: 'hashtags',
        severity: 'warning',
        message: { id: '%s', en: '%s' },
        measure: 'hashtags',
        max: 2,
        examples: { bad: ['#a #b #c'], good: ['#a #b #2026'] },
      }),
    ]);
    const text = '#Kalbar #2026 #PemprovKalbar #3';
    expect(extractHashtags(text)).toHaveLength(2);
    expect(
      checkText(compiled, text, { platform: 'instagram', field: 'caption', lang: 'id' }).findings,
    ).toEqual([]);
    expect(
      checkText(compiled, `${text} #Sehat`, { platform: 'instagram', field: 'caption', lang: 'id' }).findings,
    ).toHaveLength(1);
  });
});
