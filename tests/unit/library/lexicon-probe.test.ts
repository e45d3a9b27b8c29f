import { describe, expect, it } from 'vitest';
import { loadRuleSources } from '@/lib/cli/rule-sources';
import { probeLexicons } from '@/lib/library/lexicon-probe';
import { rule } from '../guidelines/rule-fixtures';

describe('probeLexicons: every lexicon entry can match', () => {
  it('accepts terms that match, even when their rule only counts them in context', () => {
    const contextual = rule({
      kind: 'terms',
      id: 'X-SARA',
      category: 'hate-speech',
      terms: ['biang kerok', 'usir'],
      when: { patterns: ['\\bpendatang\\b'] },
      unlessQuoted: true,
    });
    expect(probeLexicons([contextual])).toEqual([]);
  });

  it('names a term that one of its own exceptions swallows', () => {
    const swallowed = rule({
      kind: 'terms',
      id: 'X-TAI',
      category: 'abuse',
      terms: ['tai', 'tai chi'],
      exceptions: ['tai chi'],
    });
    const problems = probeLexicons([swallowed]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.ruleId).toBe('X-TAI');
    expect(problems[0]!.message).toContain('"tai chi" matches nothing');
  });

  it('names a spelling pair whose wrong form can never be found', () => {
    const pairs = rule({
      kind: 'substitution',
      id: 'X-EJA',
      category: 'spelling',
      pairs: [
        { from: 'himbau', to: 'imbau' },
        { from: ['merubah', 'rubah'], to: 'mengubah' },
      ],
      exceptions: ['rubah'],
    });
    const problems = probeLexicons([pairs]);
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('"rubah" matches nothing')]);
  });

  it('accepts normalised terms with hyphens and punctuation: they key like the drafts they are found in', () => {
    const punctuated = (forms: 'exact' | 'clitics' | 'stem') =>
      rule({
        kind: 'terms',
        id: `X-PUNCT-${forms}`,
        category: 'abuse',
        normalize: true,
        forms,
        terms: [
          'malu-maluin',
          'siap-siap saja',
          'jangan bilang siapa-siapa',
          'dengar-dengar',
          '100% valid',
          'nge-fly',
        ],
      });
    expect(probeLexicons([punctuated('exact'), punctuated('clitics'), punctuated('stem')])).toEqual([]);
  });

  it('leaves rules that are not lexicons alone', () => {
    const pattern = rule({ kind: 'pattern', id: 'X-RE', patterns: ['\\bzzz\\b'] });
    expect(probeLexicons([pattern])).toEqual([]);
  });

  it('finds no dead entry in the shipped library (library/src/guidelines)', () => {
    expect(probeLexicons(loadRuleSources())).toEqual([]);
  }, 60_000);
});
