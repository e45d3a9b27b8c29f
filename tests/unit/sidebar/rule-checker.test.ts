import { describe, expect, it } from 'vitest';
import { RuleListSchema } from '@/lib/guidelines/schema';
import type { LibraryBundle } from '@/lib/library/schema';
import { createRuleChecker } from '@/lib/sidebar/rule-checker';

const guidelines = RuleListSchema.parse([
  {
    id: 'T-EJAAN',
    kind: 'substitution',
    category: 'spelling',
    severity: 'suggestion',
    message: { id: 'Baku: %s', en: 'Standard: %s' },
    pairs: [{ from: 'himbauan', to: 'imbauan' }],
    examples: { bad: ['Ada himbauan.'], good: ['Ada imbauan.'] },
  },
  {
    id: 'T-JUDUL',
    kind: 'limit',
    category: 'platform-limits',
    severity: 'error',
    message: { id: 'Judul terlalu panjang (%s)', en: 'Title too long (%s)' },
    scope: { platforms: ['youtube'], fields: ['title'] },
    measure: 'chars',
    max: 10,
    examples: { bad: ['Judul yang terlalu panjang'], good: ['Pendek'] },
  },
]);

const bundle = {
  agencies: [],
  guidelines,
  allowlists: { phones: [], domains: [] },
} as unknown as LibraryBundle; // only the fields the checker reads

describe('createRuleChecker', () => {
  it('checks nothing (and says ready) until a library is loaded', () => {
    const rules = createRuleChecker('youtube');
    expect(rules.check('Ada himbauan', 'description', 'id', null)).toEqual({
      verdict: 'ready',
      score: 100,
      findings: [],
    });
    expect(rules.limits('title')).toEqual({});
  });

  it('checks per platform and field, in the UI language, and gives the field its limits', () => {
    const rules = createRuleChecker('youtube');
    rules.load(bundle);
    const title = rules.check('Judul yang terlalu panjang', 'title', 'en', null);
    expect(title.findings.map((f) => [f.ruleId, f.category])).toEqual([['T-JUDUL', 'platform-limits']]);
    expect(title.findings[0]?.message).toMatch(/^Title too long/);
    expect(rules.check('Judul yang terlalu panjang', 'description', 'en', null).findings).toEqual([]);
    const fix = rules.check('Ada himbauan', 'description', 'id', null).findings[0];
    expect(fix).toMatchObject({ category: 'spelling', start: 4, end: 12, replacements: ['imbauan'] });
    expect(rules.limits('title')).toEqual({ chars: 10 });
    expect(rules.limits('description')).toEqual({});
  });
});
