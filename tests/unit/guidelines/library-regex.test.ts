import { describe, expect, it } from 'vitest';
import { checkText, compileRules, RuleSetError } from '@/lib/guidelines';
import type { CompiledRule } from '@/lib/guidelines/compiled';
import { LibraryRegex } from '@/lib/guidelines/library-regex';
import { known, literalsTable, prefilterFrom } from '@/lib/guidelines/prefilter';
import { CTX, rule } from './rule-fixtures';

/**
 * The page makes a library regex only when a check first needs it (library-regex.ts): the prefilter
 * rules out most of them for any one draft, and each made RegExp keeps its rewritten source.
 */
const made = (pattern: LibraryRegex) => (pattern as unknown as { made?: RegExp }).made;

const RULES = [
  rule({ id: 'P-HALO', kind: 'pattern', patterns: ['\\bhalo\\b'] }),
  rule({
    id: 'P-JUDI',
    kind: 'pattern',
    patterns: ['\\bslot\\s+gacor\\b'],
    unless: { patterns: ['\\bwaspada\\b'], within: 'sentence' },
  }),
  rule({ id: 'P-TAG', kind: 'pattern', patterns: ['(?<tag>#\\w+)'], group: 'tag' }),
];

function pageRules() {
  const table = literalsTable(RULES);
  return compileRules(RULES, {
    prefilter: (compiled) => prefilterFrom(compiled, known(table)),
    lazyRegexes: true,
  });
}

const compiledOf = (rules: ReturnType<typeof compileRules>) =>
  (rules as unknown as { compiled: CompiledRule[] }).compiled;

describe('library regexes made when first needed (the page)', () => {
  it('makes none when compiling, and only those of rules the prefilter lets run', () => {
    const page = pageRules();
    const [halo, judi, tag] = compiledOf(page);
    expect([halo, judi, tag].map((entry) => made(entry!.regexes[0]!))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(checkText(page, 'Halo semua, selamat pagi', CTX).findings.map((f) => f.ruleId)).toEqual([
      'P-HALO',
    ]);
    expect(made(halo!.regexes[0]!)).toBeInstanceOf(RegExp);
    // "slot gacor" is nowhere in the draft: its regex and its unless condition's stay unmade.
    expect(made(judi!.regexes[0]!)).toBeUndefined();
    expect(made(judi!.unless![0]!.regexes[0]!)).toBeUndefined();
  });

  it('finds what the regexes made at compile time find, with the same flags', () => {
    const eager = compileRules(RULES);
    const texts = [
      'Halo! Main slot gacor malam ini #promo',
      'Waspada slot gacor. Halo warga #AyoWaspada',
      'Tidak ada yang perlu dicek di sini.',
    ];
    for (const text of texts) expect(checkText(pageRules(), text, CTX)).toEqual(checkText(eager, text, CTX));
    const lazy = compiledOf(pageRules())[2]!.regexes[0]!;
    const ready = compiledOf(eager)[2]!.regexes[0]!;
    expect(lazy.re.flags).toBe(ready.re.flags);
    expect(lazy.re.flags).toContain('d');
    expect(lazy.re.source).toBe(ready.re.source);
  });

  it('still refuses an unsafe or invalid pattern when compiling', () => {
    for (const patterns of [['(a+)+b'], ['[unterminated']]) {
      const bad = [rule({ id: 'P-BAD', kind: 'pattern', patterns })];
      expect(() => compileRules(bad, { lazyRegexes: true })).toThrow(RuleSetError);
    }
  });

  it('wraps a regex the engine writes itself, made already', () => {
    const re = /[!?]{3,}/gu;
    const own = LibraryRegex.of(re);
    expect(own.re).toBe(re);
    expect(own.caseSensitive).toBe(true);
  });
});
