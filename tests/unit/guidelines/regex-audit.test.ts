import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRuleSources } from '@/lib/cli/rule-sources';
import {
  AUDIT_TIMEOUT_MS,
  auditKey,
  auditPattern,
  auditRulePatterns,
  LEDGER_RECHECK_VERSION,
  rulePatterns,
} from '@/lib/guidelines/regex-audit';
import ledger from '@/lib/guidelines/regex-audit-ledger.json';
import type { LibraryBundle } from '@/lib/library/schema';
import { rulesProblem } from '@/lib/library/verify-bundle';
import { rule } from './rule-fixtures';

const recheckPackage = JSON.parse(readFileSync('node_modules/recheck/package.json', 'utf8')) as {
  version: string;
};
const rulesProblemFor = (guidelines: LibraryBundle['guidelines']) =>
  rulesProblem({ guidelines } as LibraryBundle);
const pattern = (id: string, source: string) => rule({ id, kind: 'pattern', patterns: [source] });

describe('the ReDoS checker (recheck) in the regex budget', () => {
  it('refuses adjacent overlapping quantifiers and quantifiers in a look-behind, naming the rule', () => {
    const hostile = [
      pattern('R-SPACES', '\\s*\\s*\\s*\\s*x'),
      pattern('R-LETTERS', 'a*a*a*a*a*b'),
      pattern('R-DIGITS', '\\d+\\d+\\d+\\d+z'),
      pattern('R-DOTS', '.*.*.*='),
      // The shipped KB-ANGKA-01 before it was anchored first.
      rule({
        id: 'R-ANGKA',
        kind: 'pattern',
        caseSensitive: true,
        group: 'n',
        patterns: ['(?<n>\\d+)(?<=(?:^|\\n|[.!?] )\\d+) \\p{Ll}'],
      }),
    ];
    const problems = auditRulePatterns(hostile, { fresh: true });
    expect(problems.map((p) => p.ruleId)).toEqual(['R-SPACES', 'R-LETTERS', 'R-DIGITS', 'R-DOTS', 'R-ANGKA']);
    expect(problems[0]!.message).toMatch(/^pattern "\\\\s\*\\\\s\*.*polynomial \(degree \d\).*crafted text/);
  }, 60_000);

  it('accepts linear patterns and the anchored KB-ANGKA-01', () => {
    const fine = [
      pattern('F-WORDS', '\\b(?:sebarkan|bagikan|share)\\s*!'),
      rule({
        id: 'F-ANGKA',
        kind: 'pattern',
        caseSensitive: true,
        patterns: ['(?:^|(?<=\\n|[.!?] ))(?<n>\\d+) \\p{Ll}'],
      }),
    ];
    expect(auditRulePatterns(fine, { fresh: true })).toEqual([]);
  }, 60_000);

  it('checks context conditions and required rules too, with the flags they compile with', () => {
    const r = rule({
      id: 'C',
      kind: 'required',
      anyOf: ['a'],
      trigger: ['b'],
      caseSensitive: true,
    });
    expect(rulePatterns(r).map((p) => `${p.what}:${p.flags}`)).toEqual([
      'anyOf pattern:u',
      'trigger pattern:u',
    ]);
    const t = rule({ id: 'T', kind: 'terms', terms: ['x'], unless: { patterns: ['y'] } });
    expect(rulePatterns(t)).toEqual([{ source: 'y', flags: 'iu', what: 'unless pattern' }]);
  });

  it('remembers a verdict, so a re-sync of the same rules costs nothing', () => {
    let calls = 0;
    const auditor = () => {
      calls += 1;
      return { status: 'safe' } as const;
    };
    const source = `memo-${Date.now()}`;
    auditPattern(source, 'u', { auditor });
    auditPattern(source, 'u', { auditor });
    expect(calls).toBe(1);
  });

  it('has a ledger verdict for every shipped pattern, from the installed recheck', () => {
    expect(LEDGER_RECHECK_VERSION).toBe(recheckPackage.version);
    const keys = new Set(Object.keys(ledger.patterns));
    const missing = loadRuleSources()
      .flatMap((r) => rulePatterns(r).map((p) => `${r.id}: ${auditKey(p.source, p.flags)}`))
      .filter((entry) => !keys.has(entry.slice(entry.indexOf(': ') + 2)));
    // Regenerate with `npm run library:build` (scripts/audit-patterns.ts).
    expect(missing).toEqual([]);
    expect(AUDIT_TIMEOUT_MS).toBeGreaterThan(0);
  });

  it('refuses no shipped pattern', () => {
    expect(auditRulePatterns(loadRuleSources())).toEqual([]);
  });

  it('is what the bundle gate runs: a hostile rule is refused with the rule named', () => {
    expect(rulesProblemFor([pattern('R-GATE', '.*.*.*=')])).toMatchObject({
      detail: expect.stringMatching(/^R-GATE: pattern ".*polynomial/),
    });
  }, 60_000);
});
