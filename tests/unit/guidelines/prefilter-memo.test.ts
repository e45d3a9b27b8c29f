import { describe, expect, it } from 'vitest';
import { compileRules } from '@/lib/guidelines';
import { emptyMemo } from '@/lib/guidelines/compile-memo';
import { buildPrefilter } from '@/lib/guidelines/prefilter';
import { rule } from './rule-fixtures';

/**
 * The prefilter's automata remembered in a compile memo (the CLI's start-up cache, its workers):
 * used only for the very literals and slots they were built from.
 */

const SET_A = [
  rule({ id: 'A-1', kind: 'pattern', patterns: ['slot\\s+gacor', 'judi\\s+online'] }),
  rule({ id: 'A-2', kind: 'pattern', patterns: ['Togel'], caseSensitive: true }),
];
const SET_B = [
  rule({ id: 'B-1', kind: 'pattern', patterns: ['maxwin'] }),
  rule({ id: 'B-2', kind: 'pattern', patterns: ['slot\\s+gacor'] }),
];
const TEXTS = ['slot gacor', 'judi online', 'Togel', 'togel', 'maxwin sekarang', 'tidak ada'];

const scans = (rules: typeof SET_A, memo?: ReturnType<typeof emptyMemo>) => {
  const compiled = compileRules(rules);
  const prefilter = buildPrefilter(compiled.compiled, memo);
  return TEXTS.map((t) => [...prefilter.scan(t)]);
};

describe('remembered prefilter automata', () => {
  it('give the scans of freshly built ones, and are reused for the same literals', () => {
    const memo = emptyMemo();
    const fresh = scans(SET_A);
    expect(scans(SET_A, memo)).toEqual(fresh);
    const kept = [...memo.automata!.values()];
    expect(kept).toHaveLength(2);
    expect(scans(SET_A, memo)).toEqual(fresh);
    expect([...memo.automata!.values()]).toEqual(kept);
  });

  it('are not taken for another rule set: its own are built beside them', () => {
    const memo = emptyMemo();
    scans(SET_A, memo);
    expect(scans(SET_B, memo)).toEqual(scans(SET_B));
    expect(memo.automata!.size).toBe(3);
  });
});
