import { describe, expect, it } from 'vitest';
import { loadRuleSources } from '@/lib/cli/rule-sources';
import { checkText, compileRules } from '@/lib/guidelines';
import { affixedPairs } from '@/lib/guidelines/affixes';
import { CTX, rule } from './rule-fixtures';

describe('affixed forms found at lookup time', () => {
  it('finds every generated form of a pair, with the same affixes on the replacement', () => {
    const compiled = compileRules([
      rule({
        kind: 'substitution',
        affixes: true,
        pairs: [
          { from: 'himbau', to: 'imbau' },
          { from: 'sekedar', to: 'sekadar' },
        ],
      }),
    ]);
    for (const [from, to] of [
      ['himbau', 'imbau'],
      ['sekedar', 'sekadar'],
    ] as const) {
      for (const [wrong, right] of affixedPairs(from, to)) {
        const findings = checkText(compiled, `Warga ${wrong} hari ini.`, CTX).findings;
        expect(
          findings.map((f) => f.replacements),
          wrong,
        ).toEqual([[right]]);
      }
    }
  });

  it('keeps the case of the draft and leaves correct words alone', () => {
    const compiled = compileRules([
      rule({ kind: 'substitution', affixes: true, pairs: [{ from: 'himbau', to: 'imbau' }] }),
    ]);
    const found = (text: string) =>
      checkText(compiled, text, CTX).findings.map((f) => [text.slice(f.start, f.end), f.replacements]);
    expect(found('MENGHIMBAU warga')).toEqual([['MENGHIMBAU', ['MENGIMBAU']]]);
    expect(found('Dihimbaukan kepada warga')).toEqual([['Dihimbaukan', ['Diimbaukan']]]);
    expect(found('Pemerintah mengimbau warga')).toEqual([]);
  });

  it('matches every affixed form of the shipped spelling pairs that a stored form would have matched', () => {
    const rules = loadRuleSources();
    const compiled = compileRules(rules);
    const corrects = new Set<string>();
    const pairs: Array<[string, string, string]> = [];
    for (const r of rules) {
      if (r.kind !== 'substitution') continue;
      for (const pair of r.pairs) {
        for (const from of Array.isArray(pair.from) ? pair.from : [pair.from]) {
          for (const to of Array.isArray(pair.to) ? pair.to : [pair.to]) {
            for (const [, right] of affixedPairs(from, to)) corrects.add(right.toLowerCase());
          }
          if (r.affixes && !r.caseSensitive && /^\p{Ll}+$/u.test(from)) {
            pairs.push([r.id, from, Array.isArray(pair.to) ? pair.to[0]! : pair.to]);
          }
        }
      }
    }
    expect(pairs.length).toBeGreaterThan(100);
    let checked = 0;
    for (const [id, from, to] of pairs.filter((_, i) => i % 5 === 0)) {
      for (const [wrong] of affixedPairs(from, to).slice(1)) {
        if (corrects.has(wrong)) continue;
        const ids = checkText(compiled, wrong, CTX).findings.map((f) => f.ruleId);
        expect(ids, wrong).toContain(id);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  }, 60_000);
});
