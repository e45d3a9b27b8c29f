/**
 * Writes lib/guidelines/regex-audit-ledger.json: recheck's verdict on every regex of the shipped
 * rules (library/src/guidelines), so the background and `library build` need not re-check them
 * (docs/guidelines.md § Regex budget). Known verdicts are kept; new patterns are checked with a longer
 * time limit than at load. Exit 1 when a shipped pattern is refused. `--fresh` re-checks everything.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot, loadRuleSources } from '@/lib/cli/rule-sources';
import {
  auditKey,
  auditPattern,
  auditRulePatterns,
  type PatternVerdict,
  recheckAuditor,
  rulePatterns,
} from '@/lib/guidelines/regex-audit';

const root = findRepoRoot();
const file = join(root, 'lib', 'guidelines', 'regex-audit-ledger.json');
const fresh = process.argv.includes('--fresh');
const recheckVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules', 'recheck', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
const old = JSON.parse(readFileSync(file, 'utf8')) as {
  recheck: string;
  patterns: Record<string, PatternVerdict>;
};
const reuse = !fresh && old.recheck === recheckVersion;
const auditor = recheckAuditor(3000);
const rules = loadRuleSources();
const patterns: Record<string, PatternVerdict> = {};
let checked = 0;
const started = performance.now();
for (const rule of rules) {
  for (const { source, flags } of rulePatterns(rule)) {
    const key = auditKey(source, flags);
    if (patterns[key]) continue;
    const known = reuse ? old.patterns[key] : undefined;
    patterns[key] = known ?? auditPattern(source, flags, { auditor, fresh: true });
    if (!known) checked += 1;
  }
}
const sorted = Object.fromEntries(Object.entries(patterns).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(file, `${JSON.stringify({ recheck: recheckVersion, patterns: sorted }, null, 2)}\n`);
const counts: Record<string, number> = {};
for (const v of Object.values(sorted)) {
  const label = v.status === 'vulnerable' ? `vulnerable (degree ${v.degree})` : v.status;
  counts[label] = (counts[label] ?? 0) + 1;
}
process.stderr.write(
  `regex audit: ${Object.keys(sorted).length} patterns, ${checked} checked now in ${Math.round(performance.now() - started)} ms: ${JSON.stringify(counts)}\n`,
);
const problems = auditRulePatterns(rules, { auditor });
for (const p of problems) process.stderr.write(`${p.ruleId}: ${p.message}\n`);
process.exitCode = problems.length > 0 ? 1 : 0;
