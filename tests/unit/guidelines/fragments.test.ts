import { describe, expect, it } from 'vitest';
import { parseRuleSource } from '@/lib/cli/rule-sources';
import { checkText, compileRules } from '@/lib/guidelines';
import { expandFragments } from '@/lib/guidelines/fragments';
import { buildPrefilter, literalsTable } from '@/lib/guidelines/prefilter';
import { rulePatterns } from '@/lib/guidelines/regex-audit';
import { BuildError, buildBundleFromSources } from '@/lib/library/build-bundle';
import { verifyBundle } from '@/lib/library/verify-bundle';
import { CTX } from './rule-fixtures';

/** Named pattern fragments of a rule file (docs/guidelines.md § Rule kinds). */

/** Building and verifying audits new patterns with recheck: sized for a loaded 2-core machine. */
const SLOW = { timeout: 60_000 };

// A demonstration, in the form a rule file would use.
const FILE = `- fragments:
    MONTH: 'Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember'
    DATE: '\\b\\d{1,2}\\s+{{MONTH}}(?:\\s+\\d{4})?\\b'
- id: UJI-TANGGAL
  kind: required
  category: attribution
  severity: suggestion
  message: {id: 'Kapan %s?', en: 'When %s?'}
  trigger: ['\\bterjadi\\b']
  anyOf: ['{{DATE}}', '\\bhari ini\\b']
  anyOfWithin: sentence
  examples:
    bad: ['Longsor terjadi di Bengkayang. Pendaftaran ditutup 30 Desember.']
    good: ['Longsor terjadi di Bengkayang pada 3 Desember 2026.']
- id: UJI-TENGGAT
  kind: pattern
  category: misinformation
  severity: warning
  message: {id: 'Tenggat %s', en: 'Deadline %s'}
  patterns: ['\\bditutup\\s+{{DATE}}']
  unless:
    - {patterns: ['\\bdiperpanjang\\s+(?:hingga|sampai)\\s+{{DATE}}'], within: text}
  examples:
    bad: ['Pendaftaran ditutup 30 Desember.']
    good: ['Pendaftaran ditutup 30 Desember, diperpanjang hingga 5 Januari.']
`;

describe('pattern fragments', () => {
  const { rules, problems } = parseRuleSource(FILE, 'uji.yaml');

  it('are expanded in a rule file as a non-capturing group, fragments inside fragments too', () => {
    expect(problems).toEqual([]);
    expect(rules.map((r) => r.id)).toEqual(['UJI-TANGGAL', 'UJI-TENGGAT']);
    const date =
      '(?:\\b\\d{1,2}\\s+(?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)(?:\\s+\\d{4})?\\b)';
    const [required, pattern] = rules;
    expect(required?.kind === 'required' && required.anyOf[0]).toBe(date);
    expect(pattern?.kind === 'pattern' && pattern.patterns[0]).toBe(`\\bditutup\\s+${date}`);
    const unless = pattern?.kind === 'pattern' && pattern.unless;
    expect(Array.isArray(unless) && unless[0]?.patterns[0]).toBe(
      `\\bdiperpanjang\\s+(?:hingga|sampai)\\s+${date}`,
    );
  });

  it('give rules that compile, run their examples and check on both paths alike', () => {
    const plain = compileRules(rules, { checkExamples: true });
    const batch = compileRules(rules, { prefilter: buildPrefilter });
    const text = 'Longsor terjadi di Bengkayang. Pendaftaran ditutup 30 Desember.';
    const found = checkText(plain, text, CTX).findings;
    expect(found.map((f) => [f.ruleId, text.slice(f.start, f.end)])).toEqual([
      ['UJI-TANGGAL', 'terjadi'],
      ['UJI-TENGGAT', 'ditutup 30 Desember'],
    ]);
    expect(checkText(batch, text, CTX).findings).toEqual(found);
  });

  it('are what the regex audit and the prefilter read: whole patterns, no {{…}}', () => {
    const audited = rules.flatMap((rule) => rulePatterns(rule).map(({ source }) => source));
    expect(audited.length).toBe(5);
    expect(audited.some((source) => source.includes('{{'))).toBe(false);
    const table = literalsTable(rules);
    expect(table.some(([key]) => key.includes('{{'))).toBe(false);
    // The literals of the expanded pattern: "ditutup" is required by the deadline pattern.
    expect(table.find(([key]) => key.includes('ditutup'))?.[1]).toEqual(['ditutup']);
  });

  it('refuse an unknown name, naming the file, the rule, the field and the fragment', () => {
    const typo = FILE.replace("anyOf: ['{{DATE}}'", "anyOf: ['{{TANGGAL}}'");
    expect(parseRuleSource(typo, 'uji.yaml').problems).toEqual([
      {
        ruleId: 'UJI-TANGGAL',
        message: 'uji.yaml: anyOf.0: unknown fragment {{TANGGAL}} (this file defines MONTH, DATE)',
      },
    ]);
    const none = FILE.slice(FILE.indexOf('- id: UJI-TANGGAL'));
    expect(parseRuleSource(none, 'lain.yaml').problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([
      'UJI-TANGGAL: lain.yaml: anyOf.0: unknown fragment {{DATE}} (this file defines none)',
      'UJI-TENGGAT: lain.yaml: patterns.0: unknown fragment {{DATE}} (this file defines none)',
      'UJI-TENGGAT: lain.yaml: unless.0.patterns.0: unknown fragment {{DATE}} (this file defines none)',
    ]);
  });

  it('refuse bad definitions: a later fragment, a bad name, an empty pattern, two fragments items', () => {
    const messages = (items: unknown[]) => expandFragments(items, 'x.yaml').problems.map((p) => p.message);
    expect(messages([{ fragments: { DATE: '{{MONTH}}', MONTH: 'Mei' } }])).toEqual([
      'fragment DATE: unknown fragment {{MONTH}} (a fragment may use those defined above it)',
    ]);
    expect(messages([{ fragments: { date: 'x', EMPTY: '' } }])).toEqual([
      'fragment date: names are A-Z, 0-9 and _, from a capital',
      'fragment EMPTY: a non-empty pattern',
    ]);
    expect(messages([{ fragments: { A: 'x' } }, { fragments: { B: 'y' } }])).toEqual([
      'one fragments item per file',
    ]);
    expect(messages([{ fragments: ['x'] }])).toEqual(['fragments: a mapping of NAME: pattern']);
  });

  it('leave files without fragments exactly as they were', () => {
    const items = [{ id: 'A', kind: 'pattern', patterns: ['\\d{2}'] }, 'not a rule'];
    const { rules: same, problems: none } = expandFragments(items, 'x.yaml');
    expect(none).toEqual([]);
    expect(same).toEqual(items);
    expect(same[0]).toBe(items[0]);
  });
});

describe('a library using fragments', () => {
  const sources = { 'meta.yaml': 'id: uji\npublisher: Uji\n', 'guidelines/tanggal.yaml': FILE };

  it('builds with the patterns expanded, and verifies', SLOW, async () => {
    const built = buildBundleFromSources(sources, { now: new Date('2026-11-30T00:00:00Z') });
    expect(built.bundle.guidelines.map((r) => r.id)).toEqual(['UJI-TANGGAL', 'UJI-TENGGAT']);
    expect(built.json).not.toContain('{{');
    expect(built.json).not.toContain('fragments');
    const verified = await verifyBundle(new TextEncoder().encode(built.json), { trusted: true });
    expect(verified.ok).toBe(true);
  });

  it('is refused with the file, the rule and the fragment when a name is unknown', SLOW, () => {
    const typo = FILE.replace("['\\bditutup\\s+{{DATE}}']", "['\\bditutup\\s+{{DATUM}}']");
    const build = () =>
      buildBundleFromSources({ ...sources, 'guidelines/tanggal.yaml': typo }, { now: new Date() });
    expect(build).toThrow(BuildError);
    expect(build).toThrow(
      'guidelines/tanggal.yaml: UJI-TENGGAT: patterns.0: unknown fragment {{DATUM}} (this file defines MONTH, DATE)',
    );
  });
});
