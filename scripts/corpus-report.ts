/**
 * `npx tsx scripts/corpus-report.ts [--verbose]`: recall per category and false positives on
 * clean drafts of the labelled corpus in tests/corpus/, for the default rule set
 * (library/src/guidelines/*.yaml). Targets (issue 3): recall ≥ 95% per category, no error finding
 * on any clean draft.
 */
import { loadRuleSources } from '@/lib/cli/rule-sources';
import { evaluateCorpus, loadCorpus } from '@/tests/corpus/evaluate-corpus';

const verbose = process.argv.includes('--verbose');
const drafts = loadCorpus();
const report = evaluateCorpus(loadRuleSources(), drafts);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

console.log(
  `Corpus: ${report.drafts} drafts (${report.clean} clean, ${report.drafts - report.clean} with violations)\n`,
);
console.log('category            expected  found  recall');
let belowTarget = 0;
for (const r of report.recall) {
  const flag = r.expected > 0 && r.recall < 0.95 ? '  < 95%' : '';
  if (flag) belowTarget += 1;
  console.log(
    `${r.category.padEnd(20)}${String(r.expected).padStart(8)}${String(r.found).padStart(7)}  ${pct(r.recall).padStart(6)}${flag}`,
  );
  if (verbose && r.missed.length > 0) console.log(`    missed: ${r.missed.join(', ')}`);
}
console.log(`\nClean drafts with an error finding:    ${report.cleanWithError}/${report.clean}`);
console.log(`Clean drafts with a warning finding:   ${report.cleanWithWarning}/${report.clean}`);
console.log(
  `Clean drafts with any finding:         ${report.cleanWithAnyFinding}/${report.clean} (suggestions included)`,
);
console.log(`False-positive rate (error|warning on clean drafts): ${pct(report.falsePositiveRate)}`);
console.log(`Extra categories on labelled drafts:   ${report.unexpected.length}`);
if (verbose) {
  for (const line of report.cleanFindings) console.log(`  clean: ${line}`);
  for (const line of report.unexpected) console.log(`  extra: ${line}`);
}
console.log(
  `\nTargets: recall >= 95% in every category: ${belowTarget === 0 ? 'met' : `NOT met (${belowTarget})`}; no error on clean drafts: ${report.cleanWithError === 0 ? 'met' : 'NOT met'}`,
);
process.exitCode = belowTarget === 0 && report.cleanWithError === 0 ? 0 : 1;
