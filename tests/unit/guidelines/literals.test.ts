import { describe, expect, it } from 'vitest';
import { loadRuleSources } from '@/lib/cli/rule-sources';
import { leadingLiterals } from '@/lib/guidelines/literals';
import { compileLibraryPattern } from '@/lib/guidelines/safe-regex';
import { benchCaptions } from '@/scripts/captions';
import { loadCorpus } from '@/tests/corpus/evaluate-corpus';

describe('literal pre-check of case-insensitive patterns', () => {
  it('reads the literal words a pattern starts with, and gives up on anything else', () => {
    expect(leadingLiterals('\\b(?:Jual|dijual|jual-beli|open order)\\s+x')).toEqual([
      'jual',
      'dijual',
      'jual-beli',
      'open order',
    ]);
    expect(leadingLiterals('\\bNPWP\\b\\s*:')).toEqual(['npwp']);
    expect(leadingLiterals('\\bnomor?\\s+')).toEqual(['nomo']);
    expect(leadingLiterals('\\b(?:no\\.?|nomor)\\s')).toBeUndefined();
    expect(leadingLiterals('(?:a|b)?c')).toBeUndefined();
    expect(leadingLiterals('(?<![\\w&])#\\w+')).toBeUndefined();
    expect(leadingLiterals('\\b(?:x(?:y|z)|w)')).toBeUndefined();
  });

  it('reads every top-level alternative, so a match through a later one is never skipped', () => {
    expect(leadingLiterals('\\bfoo\\b|\\bPontianak ini kecil\\b')).toEqual(['foo', 'pontianak']);
    expect(leadingLiterals('\\bfoo\\b|[a-z]+ kecil')).toBeUndefined();
    expect(leadingLiterals('\\b(?:a|b)x|[|]y')).toBeUndefined();
    expect(leadingLiterals('\\bjual\\b[^|]*|\\bbeli')).toEqual(['jual', 'beli']);
  });

  it('never skips a shipped pattern that would match (corpus drafts and benchmark captions)', () => {
    const texts = [...loadCorpus().map((d) => d.text), ...benchCaptions(500, 400).map((c) => c.text)];
    let checked = 0;
    for (const rule of loadRuleSources()) {
      if (rule.kind !== 'pattern' || rule.caseSensitive) continue;
      for (const source of rule.patterns) {
        const literals = leadingLiterals(source);
        if (!literals) continue;
        const re = compileLibraryPattern(source, false);
        for (const text of texts) {
          re.lastIndex = 0;
          if (!re.test(text)) continue;
          checked += 1;
          const lower = text.toLowerCase();
          expect(
            literals.some((l) => lower.includes(l)),
            `${rule.id} ${source}`,
          ).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
