import { describe, expect, it } from 'vitest';
import { loadRuleSources } from '@/lib/cli/rule-sources';
import { evaluateCorpus, loadCorpus } from '@/tests/corpus/evaluate-corpus';

describe('labelled corpus (tests/corpus)', () => {
  const drafts = loadCorpus();
  const report = evaluateCorpus(loadRuleSources(), drafts);

  it('has at least 150 drafts, clean ones included, and every category labelled', () => {
    expect(drafts.length).toBeGreaterThanOrEqual(150);
    expect(report.clean).toBeGreaterThanOrEqual(40);
    expect(report.recall.filter((r) => r.expected < 5).map((r) => r.category)).toEqual([]);
  });

  it('finds no error on any clean draft', () => {
    expect(report.cleanWithError).toBe(0);
  });

  it('keeps recall at or above 95% in every category', () => {
    const below = report.recall
      .filter((r) => r.recall < 0.95)
      .map((r) => `${r.category} ${r.found}/${r.expected}`);
    expect(below).toEqual([]);
  });
});
