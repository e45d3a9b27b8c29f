import { describe, expect, it } from 'vitest';
import { loadRuleSources } from '@/lib/cli/rule-sources';
import { checkText, compileRules } from '@/lib/guidelines';
import { COLLOQUIAL } from '@/lib/guidelines/colloquial';
import { emptyMemo, literalsKey, memoSize } from '@/lib/guidelines/compile-memo';
import { buildPrefilter } from '@/lib/guidelines/prefilter';
import { requiredLiteralSets } from '@/lib/guidelines/required-literals';
import { toSafeUnicodePattern } from '@/lib/guidelines/safe-regex';
import { loadCorpus } from '@/tests/corpus/evaluate-corpus';
import { CTX, rule } from './rule-fixtures';

/**
 * The analyses compiling remembers (lib/guidelines/compile-memo.ts) change how long compiling takes,
 * never what a check finds: the same findings with an empty memo, a filled one and none.
 */
describe('the compile memo', () => {
  const rules = loadRuleSources();
  const options = { colloquial: COLLOQUIAL, prefilter: buildPrefilter };

  // Three compiles of the whole rule set and 300 drafts checked: seconds on a loaded 2-core machine.
  it('fills with every pattern rewrite and literal analysis, and the findings stay the same', {
    timeout: 60_000,
  }, () => {
    const memo = emptyMemo();
    const plain = compileRules(rules, options);
    const first = compileRules(rules, { ...options, memo });
    const size = memoSize(memo);
    expect(memo.rewrites.size).toBeGreaterThan(100);
    expect(memo.literals.size).toBeGreaterThan(100);
    const [source, rewritten] = [...memo.rewrites][0]!;
    expect(rewritten).toBe(toSafeUnicodePattern(source));
    for (const [key, literals] of [...memo.literals].slice(0, 50)) {
      const caseSensitive = key.startsWith('u/');
      expect(literals).toEqual(requiredLiteralSets(key.slice(key.indexOf('/') + 1), caseSensitive) ?? null);
    }
    const second = compileRules(rules, { ...options, memo });
    expect(memoSize(memo)).toBe(size);
    const drafts = loadCorpus().slice(0, 300);
    for (const draft of drafts) {
      const expected = checkText(plain, draft.text, CTX);
      expect(checkText(first, draft.text, CTX)).toEqual(expected);
      expect(checkText(second, draft.text, CTX)).toEqual(expected);
    }
  });

  it('is what compiling uses: a remembered rewrite and remembered literals are taken as they are', () => {
    const gacor = rule({ id: 'T-GACOR', kind: 'pattern', patterns: ['gacor'] });
    const memo = emptyMemo();
    // Deliberately wrong entries: only a memo that is really used changes the result.
    memo.rewrites.set('gacor', 'maxwin');
    memo.literals.set(literalsKey('gacor', false), [['maxwin']]);
    const compiled = compileRules([gacor], { prefilter: buildPrefilter, memo });
    expect(checkText(compiled, 'slot gacor', CTX).findings).toEqual([]);
    expect(checkText(compiled, 'slot maxwin', CTX).findings.map((f) => f.ruleId)).toEqual(['T-GACOR']);
    const honest = compileRules([gacor], { prefilter: buildPrefilter, memo: emptyMemo() });
    expect(checkText(honest, 'slot gacor', CTX).findings.map((f) => f.ruleId)).toEqual(['T-GACOR']);
  });
});
