import { describe, expect, it } from 'vitest';
import { SEVERITIES as ENGINE_SEVERITIES } from '@/lib/guidelines/schema';
import {
  combineResults,
  excerptOf,
  groupBySeverity,
  ignoreNeedsReason,
  SEVERITIES_IN_ORDER,
  toFieldFindings,
} from '@/lib/sidebar/findings';

describe('findings as the sidebar lists them', () => {
  it('keeps the engine’s severities, in its order', () => {
    expect(SEVERITIES_IN_ORDER).toEqual(ENGINE_SEVERITIES);
  });

  it('cuts an excerpt at word boundaries, on one line', () => {
    const text = 'Pengumuman penting untuk warga:\nada himbauan dari dinas kesehatan provinsi hari ini';
    const start = text.indexOf('himbauan');
    expect(excerptOf(text, start, start + 8, 16)).toEqual({
      before: '…warga: ada ',
      match: 'himbauan',
      after: ' dari dinas…',
    });
    expect(excerptOf('himbauan', 0, 8)).toEqual({ before: '', match: 'himbauan', after: '' });
  });

  it('groups errors first, then by field and position, and keys by the matched text', () => {
    const finding = (ruleId: string, severity: 'error' | 'warning' | 'suggestion', start: number) => ({
      ruleId,
      category: 'style' as const,
      severity,
      start,
      end: start + 1,
      message: ruleId,
    });
    const items = [
      ...toFieldFindings('title', 'abcdef', [finding('s', 'suggestion', 0), finding('e2', 'error', 3)]),
      ...toFieldFindings('description', 'xyz', [finding('e1', 'error', 1)]),
    ];
    expect(groupBySeverity(items).map((g) => [g.severity, g.items.map((i) => i.finding.ruleId)])).toEqual([
      ['error', ['e1', 'e2']],
      ['suggestion', ['s']],
    ]);
    expect(items[1]?.key).toBe('title|e2|d');
  });

  it('takes the worst verdict and the lowest score over the fields', () => {
    expect(
      combineResults([
        { verdict: 'review', score: 80 },
        { verdict: 'blocked', score: 90 },
      ]),
    ).toEqual({ verdict: 'blocked', score: 80 });
    expect(combineResults([])).toEqual({ verdict: 'ready', score: 100 });
  });

  it('asks a reason for ignoring only error-level personal-data and child-protection findings', () => {
    const base = { ruleId: 'r', start: 0, end: 1, message: 'm' };
    expect(ignoreNeedsReason({ ...base, category: 'personal-data', severity: 'error' })).toBe(true);
    expect(ignoreNeedsReason({ ...base, category: 'child-protection', severity: 'error' })).toBe(true);
    expect(ignoreNeedsReason({ ...base, category: 'personal-data', severity: 'warning' })).toBe(false);
    expect(ignoreNeedsReason({ ...base, category: 'hate-speech', severity: 'error' })).toBe(false);
  });
});
