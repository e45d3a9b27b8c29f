import { describe, expect, it } from 'vitest';
import { type CheckContext, checkText, compileRules } from '@/lib/guidelines';
import { buildPrefilter } from '@/lib/guidelines/prefilter';
import { CTX, rule } from './rule-fixtures';

/**
 * checkText works out each rule's prefilter slots once per compiled set, and which rules a platform
 * and field run once per context (engine.ts), and keeps them:
 * a set used for one context and then another must answer each exactly as a set compiled for it
 * alone, and a pattern rule is skipped only when none of its regexes can match.
 */

const rules = () => [
  rule({ id: 'FB', kind: 'pattern', patterns: ['\\bslot\\s+gacor\\b'], scope: { platforms: ['facebook'] } }),
  rule({
    id: 'YT-DESC',
    kind: 'pattern',
    patterns: ['\\bjudi\\b', '\\btogel\\b'],
    scope: { platforms: ['youtube'], fields: ['description'] },
  }),
  rule({ id: 'ALL', kind: 'terms', terms: ['maxwin'] }),
  rule({ id: 'DATED', kind: 'terms', terms: ['kuno'], validUntil: '2020-12-31' }),
  rule({ id: 'LONG', kind: 'limit', measure: 'chars', max: 30, scope: { platforms: ['instagram'] } }),
];

const TEXT = 'slot gacor maxwin, judi togel kuno, dan seterusnya sampai panjang';
const CONTEXTS: CheckContext[] = [
  CTX,
  { ...CTX, platform: 'youtube', field: 'description' },
  { ...CTX, platform: 'youtube', field: 'title' },
  { ...CTX, platform: 'instagram' },
  { ...CTX, now: new Date('2020-12-30') },
  { ...CTX, platform: 'youtube', field: 'description', now: new Date('2020-12-30') },
];

const ids = (ctx: CheckContext, compiled = compileRules(rules(), { prefilter: buildPrefilter })) =>
  checkText(compiled, TEXT, ctx).findings.map((f) => f.ruleId);

describe("the engine's per-set prefilter slots", () => {
  it('answers each context as a set compiled for it alone, in any order', () => {
    const alone = CONTEXTS.map((ctx) => ids(ctx));
    const shared = compileRules(rules(), { prefilter: buildPrefilter });
    for (const order of [CONTEXTS, [...CONTEXTS].reverse()]) {
      for (const ctx of order) expect(ids(ctx, shared)).toEqual(alone[CONTEXTS.indexOf(ctx)]);
    }
    expect(alone[0]).toEqual(expect.arrayContaining(['FB', 'ALL']));
    expect(alone[0]).not.toContain('YT-DESC');
    expect(alone[1]).toEqual(expect.arrayContaining(['YT-DESC', 'ALL']));
    expect(alone[2]).not.toContain('YT-DESC');
    expect(alone[4]).toContain('DATED');
    expect(alone[0]).not.toContain('DATED');
    expect(alone[3]).toContain('LONG');
    expect(alone[0]).not.toContain('LONG');
  });

  it('skips a pattern rule only when the prefilter rules out every one of its regexes', () => {
    const shared = compileRules(rules(), { prefilter: buildPrefilter });
    const yt = CONTEXTS[1]!;
    expect(checkText(shared, 'ada togel di sini', yt).findings.map((f) => f.ruleId)).toEqual(['YT-DESC']);
    expect(checkText(shared, 'ada judi di sini', yt).findings.map((f) => f.ruleId)).toEqual(['YT-DESC']);
    expect(checkText(shared, 'tidak ada apa-apa', yt).findings).toEqual([]);
  });
});
