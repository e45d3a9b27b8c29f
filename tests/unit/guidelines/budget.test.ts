import { describe, expect, it } from 'vitest';
import {
  checkText,
  compileRules,
  type ExtraChecker,
  type RuleOverrun,
  ruleOverruns,
  VERDICT_RANK,
  worstVerdict,
} from '@/lib/guidelines';
import { codePointOverflow, utf8Length, utf8Overflow } from '@/lib/guidelines/measure';
import { CTX, rule } from './rule-fixtures';

const slow = rule({ id: 'SLOW', kind: 'pattern', patterns: ['lambat'], severity: 'error' });
const fast = rule({ id: 'FAST', kind: 'terms', terms: ['cepat'], severity: 'warning' });

describe('runtime budget per rule', () => {
  it('disables a rule that overran for the rest of the session and reports it once', () => {
    let readings = 0;
    // Only regex-driven rules are timed: each check of SLOW reads the clock twice, 20 s apart: over
    // ten times even the first run's allowance (ten budgets, for compiling the regexes).
    const clock = () => (readings++ % 2) * 20_000;
    const seen: RuleOverrun[] = [];
    const compiled = compileRules([slow, fast], { clock, budgetMs: 100, onOverrun: (o) => seen.push(o) });
    const text = 'jalan lambat dan cepat';
    const first = checkText(compiled, text, CTX);
    expect(first.findings.map((f) => f.ruleId)).toEqual(['SLOW', 'FAST']);
    expect(seen).toEqual([{ ruleId: 'SLOW', ms: 20_000, textLength: text.length }]);
    const second = checkText(compiled, text, CTX);
    expect(second.findings.map((f) => f.ruleId)).toEqual(['FAST']);
    expect(second.verdict).toBe('review');
    expect(ruleOverruns(compiled).map((o) => o.ruleId)).toEqual(['SLOW']);
    expect(seen).toHaveLength(1);
  });

  it('allows a first run ten times the budget, forgives one pause, disables on the second overrun', () => {
    let readings = 0;
    const clock = () => (readings++ % 2) * 500;
    const compiled = compileRules([slow], { clock, budgetMs: 100 });
    expect(checkText(compiled, 'lambat', CTX).findings).toHaveLength(1); // first run: 500 ≤ 1,000
    expect(checkText(compiled, 'lambat', CTX).findings).toHaveLength(1); // first overrun: forgiven
    expect(ruleOverruns(compiled)).toEqual([]);
    expect(checkText(compiled, 'lambat', CTX).findings).toHaveLength(1); // second overrun: disabled
    expect(ruleOverruns(compiled).map((o) => o.ruleId)).toEqual(['SLOW']);
    expect(checkText(compiled, 'lambat', CTX).findings).toHaveLength(0);
  });

  it('keeps every rule under a generous budget with the real clock', () => {
    const compiled = compileRules([slow, fast]);
    checkText(compiled, 'lambat cepat '.repeat(1000), CTX);
    expect(ruleOverruns(compiled)).toEqual([]);
  });
});

describe('extra checkers', () => {
  it('merges, sorts and scores their findings with the rules', () => {
    const model: ExtraChecker = (text, ctx) =>
      text.includes('bodoh')
        ? [
            {
              ruleId: 'MODEL-ABUSE',
              category: 'abuse',
              severity: 'error',
              start: text.indexOf('bodoh'),
              end: text.indexOf('bodoh') + 5,
              message: ctx.lang === 'id' ? 'kasar' : 'abusive',
            },
          ]
        : [];
    const compiled = compileRules([fast], { checkers: [model] });
    const result = checkText(compiled, 'dasar bodoh, cepat', CTX);
    expect(result.findings.map((f) => [f.ruleId, f.start])).toEqual([
      ['MODEL-ABUSE', 6],
      ['FAST', 13],
    ]);
    expect(result.verdict).toBe('blocked');
    expect(result.score).toBe(100 - 30 - 8);
  });
});

describe('verdicts', () => {
  it('ranks ready < review < blocked and combines to the worst', () => {
    expect(VERDICT_RANK.ready).toBeLessThan(VERDICT_RANK.review);
    expect(worstVerdict(['ready', 'blocked', 'review'])).toBe('blocked');
    expect(worstVerdict([])).toBe('ready');
  });
});

describe('counting for limits', () => {
  it('finds where a code-point limit is passed, counting a surrogate pair once', () => {
    expect(codePointOverflow('ab😀cd', 0, 6, 3)).toEqual({ count: 5, overflowAt: 4 });
    expect(codePointOverflow('abc', 0, 3, 3)).toEqual({ count: 3, overflowAt: -1 });
  });

  it('finds where a UTF-8 byte limit is passed, never inside a character', () => {
    // a (1) é (2) 😀 (4): 7 bytes; with max 4 the emoji is the first character that does not fit.
    expect(utf8Overflow('aé😀', 0, 4, 4)).toEqual({ bytes: 7, overflowAt: 2 });
    expect(utf8Length('aé😀')).toBe(new TextEncoder().encode('aé😀').length);
    // A lone surrogate is written as U+FFFD, three bytes, as TextEncoder does.
    expect(utf8Length('a\ud800b')).toBe(new TextEncoder().encode('a\ud800b').length);
  });
});

describe('runtime budget on long texts', () => {
  it('grows with the text past 10,000 characters, so linear work on a long text is not an overrun', () => {
    let readings = 0;
    // 900 ms per check of SLOW: over the 100 ms budget of a caption, within that of 20,000 characters ×10.
    const clock = () => (readings++ % 2) * 900;
    const compiled = compileRules([slow], { clock, budgetMs: 100 });
    const long = 'lambat '.repeat(15_000);
    checkText(compiled, long, CTX); // first run
    checkText(compiled, long, CTX);
    checkText(compiled, long, CTX);
    expect(ruleOverruns(compiled)).toEqual([]);
    checkText(compiled, 'lambat', CTX);
    checkText(compiled, 'lambat', CTX);
    expect(ruleOverruns(compiled).map((o) => o.ruleId)).toEqual(['SLOW']);
  });
});
