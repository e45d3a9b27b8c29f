import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRuleSources } from '@/lib/cli/rule-sources';
import { type CheckContext, checkText, compileRules, ruleOverruns } from '@/lib/guidelines';

/**
 * Every shipped rule against generated hostile texts: long runs of what regexes backtrack on (digits,
 * spaces, dots, brackets, capitals, repeated letters) and random mixes of them, up to 6,000
 * characters. The bound is generous (a loaded 2-core machine): no rule may take over 500 ms on one
 * text — the engine's own budget measures it and would disable the rule — and no whole check over 3 s.
 */
const rules = loadRuleSources();
const CONTEXTS: CheckContext[] = [
  { platform: 'facebook', field: 'caption', lang: 'id' },
  { platform: 'instagram', field: 'caption', lang: 'id' },
  { platform: 'youtube', field: 'title', lang: 'id' },
  { platform: 'youtube', field: 'description', lang: 'en' },
  { platform: 'youtube', field: 'tags', lang: 'id' },
];
const PIECES = [
  '1',
  '0',
  ' ',
  '  ',
  '\n',
  '\t',
  '.',
  '. ',
  '!',
  '?',
  '(',
  ')',
  ',',
  ':',
  '-',
  '/',
  '#',
  '@',
  '&',
  'a',
  'A',
  'aa',
  'AB',
  'é',
  'İ',
  '😀',
  '\u200d',
  'No. ',
  'Jl. ',
  'nomor ',
  'rekening ',
  'NIK ',
  'Gang ',
  'sumber: ',
  'https://',
  'www.',
  '.id',
  'anak ',
  'Bapak ',
  'tahun',
  '2',
  'x',
];

const piece = fc.constantFrom(...PIECES);
/** One piece repeated (the classic attack), optionally between a prefix and a suffix. */
const runs = fc
  .tuple(
    fc.array(piece, { maxLength: 3 }),
    piece,
    fc.integer({ min: 50, max: 3000 }),
    fc.array(piece, { maxLength: 3 }),
  )
  .map(
    ([before, unit, count, after]) =>
      `${before.join('')}${unit.repeat(count).slice(0, 6000)}${after.join('')}`,
  );
/** Random mixes of the pieces. */
const mixes = fc
  .array(piece, { minLength: 1, maxLength: 1500 })
  .map((parts) => parts.join('').slice(0, 6000));

describe('every shipped rule on hostile text', () => {
  it('stays within a generous time bound', () => {
    const compiled = compileRules(rules, { budgetMs: 500 });
    let slowest = 0;
    fc.assert(
      fc.property(fc.oneof(runs, mixes), fc.constantFrom(...CONTEXTS), (text, ctx) => {
        const started = performance.now();
        const result = checkText(compiled, text, ctx);
        slowest = Math.max(slowest, performance.now() - started);
        expect(result.findings.every((f) => f.start >= 0 && f.end <= text.length && f.start <= f.end)).toBe(
          true,
        );
      }),
      { numRuns: 120, seed: 20261130 },
    );
    expect(ruleOverruns(compiled)).toEqual([]);
    expect(slowest).toBeLessThan(3000);
  }, 240_000);

  it('checks 2,200 digits (the old KB-ANGKA-01 attack) within the budget', () => {
    const compiled = compileRules(rules, { budgetMs: 500 });
    for (const text of ['1'.repeat(2200), `${'1'.repeat(2200)} a`, `. ${'1'.repeat(2200)}x`]) {
      checkText(compiled, text, CONTEXTS[0]!);
    }
    expect(ruleOverruns(compiled)).toEqual([]);
  });
});
