import { describe, expect, it } from 'vitest';
import { loadRuleSources, parseRuleSource } from '@/lib/cli/rule-sources';
import { CATEGORIES, checkText, compileRules, limitsFor, RuleSetError } from '@/lib/guidelines';

/** The default Kalimantan Barat rule set (library/src/guidelines/*.yaml) as the library ships it. */
const rules = loadRuleSources();

describe('default rule set', () => {
  // Compiling ~250 rules and running every example takes 5–10 s on a loaded 2-core machine.
  it('loads, and every rule passes its own bad and good examples', { timeout: 60_000 }, () => {
    expect(() => compileRules(rules, { checkExamples: true })).not.toThrow();
  });

  it('covers all 16 categories', () => {
    const covered = new Set(rules.map((r) => r.category));
    expect([...CATEGORIES].filter((c) => !covered.has(c))).toEqual([]);
  });

  it('has unique ids and at least 300 reviewed spelling pairs', () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    const pairs = rules
      .filter((r) => r.kind === 'substitution' && r.category === 'spelling')
      .reduce((sum, r) => sum + (r.kind === 'substitution' ? r.pairs.length : 0), 0);
    expect(pairs).toBeGreaterThanOrEqual(300);
  });

  it('gives every rule a bad example unless it needs the agency or a huge limit', () => {
    const withoutBad = rules.filter((r) => r.examples.bad.length === 0).map((r) => r.id);
    expect(withoutBad.sort()).toEqual([
      'KB-LIMIT-FB-CHARS',
      'KB-LIMIT-IG-CHARS',
      'KB-LIMIT-YT-DESC',
      'KB-LIMIT-YT-DRAFT-DESC',
      'KB-TAGAR-01',
    ]);
  });

  it('takes the platform limits from the rules (docs/platforms.md figures)', () => {
    const compiled = compileRules(rules);
    const now = new Date('2026-01-15');
    expect(limitsFor(compiled, 'instagram', 'caption', now)).toEqual({
      chars: 2200,
      hashtags: 5,
      mentions: 20,
    });
    expect(limitsFor(compiled, 'instagram', 'caption', new Date('2025-06-01'))).toEqual({
      chars: 2200,
      hashtags: 30,
      mentions: 20,
    });
    expect(limitsFor(compiled, 'youtube', 'title', now)).toEqual({ chars: 100 });
    expect(limitsFor(compiled, 'youtube', 'description', now)).toEqual({ bytes: 5000, hashtags: 15 });
    expect(limitsFor(compiled, 'youtube', 'tags', now)).toEqual({ tagChars: 500 });
    expect(limitsFor(compiled, 'facebook', 'caption', now)).toEqual({ chars: 63206 });
  });

  it('blocks over-long Instagram captions and YouTube descriptions over 5,000 bytes', () => {
    const compiled = compileRules(rules);
    const caption = `${'Informasi resmi. '.repeat(130)}\n\nFoto: Biro Adpim`;
    const ig = checkText(compiled, caption, { platform: 'instagram', field: 'caption', lang: 'id' });
    expect(ig.findings.map((f) => f.ruleId)).toContain('KB-LIMIT-IG-CHARS');
    const description = `${'é'.repeat(2_600)}\n\nVideo: Adpim`;
    const yt = checkText(compiled, description, { platform: 'youtube', field: 'description', lang: 'id' });
    expect(yt.findings.map((f) => f.ruleId)).toContain('KB-LIMIT-YT-DESC');
    expect(yt.verdict).toBe('blocked');
  });

  it('warns, never blocks, on "anjing"/"babi", and stays silent in animal-health posts', () => {
    const compiled = compileRules(rules);
    const ctx = { platform: 'facebook', field: 'caption', lang: 'id' } as const;
    const insult = checkText(compiled, 'Pegawai malas itu babi.\n\nSumber: X', ctx);
    expect(insult.findings.filter((f) => f.ruleId === 'KB-ITE-02B').map((f) => f.severity)).toEqual([
      'warning',
    ]);
    const rabies = checkText(compiled, 'Vaksinasi rabies untuk anjing peliharaan.\n\nSumber: Distan', ctx);
    expect(rabies.findings.filter((f) => f.category === 'abuse')).toEqual([]);
  });

  it('does not call agency abbreviations from the directory shouting', () => {
    const compiled = compileRules(rules);
    const ctx = { platform: 'facebook', field: 'caption', lang: 'id' } as const;
    const text = 'Rapat bersama DISPERKIMTAN Kalbar!\n\nSumber: Adpim';
    const shouting = (agencies?: Parameters<typeof checkText>[2]['agencies']) =>
      checkText(compiled, text, { ...ctx, agencies }).findings.filter((f) => f.ruleId === 'KB-GAYA-02')
        .length;
    expect(shouting()).toBe(1);
    expect(
      shouting([
        {
          id: 'p',
          name: 'Dinas Perumahan',
          shortName: 'DISPERKIMTAN',
          requiredHashtags: [],
          officialPhones: [],
        },
      ]),
    ).toBe(0);
  });

  it('reports YAML and schema problems with the rule id and file', () => {
    const { problems } = parseRuleSource('- id: X-1\n  kind: terms\n  category: nonsense\n', 'bad.yaml');
    expect(problems[0]).toMatchObject({ ruleId: 'X-1' });
    expect(problems[0]!.message).toMatch(/^bad\.yaml: category/);
    expect(parseRuleSource('{a: 1}', 'x.yaml').problems[0]!.message).toMatch(/YAML list/);
    expect(() => compileRules([...rules, rules[0]!])).toThrow(RuleSetError);
  });
});
