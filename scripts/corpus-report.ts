/**
 * `npm run corpus [-- --verbose]`: precision and recall per category of the default rule set
 * (library/src/guidelines/*.yaml), first on the held-in corpus (tests/corpus/*.jsonl, written with
 * the rules in view), then, separately, on the held-out corpus (tests/corpus/independent/*.jsonl,
 * written apart from the rules and never used to tune them). Scoring is per draft: a category counts
 * as found when any finding of that category is reported. Targets: recall >= 95% per category, no
 * error on a clean draft.
 */
import { join } from 'node:path';
import { loadRuleSources } from '@/lib/cli/rule-sources';
import {
  CORPUS_DIR,
  type CorpusDraft,
  evaluateCorpus,
  loadCorpus,
  loadIndependentCorpus,
} from '@/tests/corpus/evaluate-corpus';

const verbose = process.argv.includes('--verbose');
const rules = loadRuleSources();
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function print(title: string, drafts: CorpusDraft[], showIds: boolean): boolean {
  const report = evaluateCorpus(rules, drafts);
  console.log(`\n== ${title}: ${report.drafts} drafts (${report.clean} clean)\n`);
  console.log('category            expected  found  recall  false+  precision');
  let below = 0;
  let tp = 0;
  let fn = 0;
  let fp = 0;
  for (const r of report.recall) {
    if (r.expected === 0 && r.falsePositives === 0) continue;
    const flag = r.expected > 0 && r.recall < 0.95 ? '  < 95%' : '';
    if (flag) below += 1;
    tp += r.found;
    fn += r.expected - r.found;
    fp += r.falsePositives;
    console.log(
      `${r.category.padEnd(20)}${String(r.expected).padStart(8)}${String(r.found).padStart(7)}  ${(r.expected ? pct(r.recall) : '-').padStart(6)}${String(r.falsePositives).padStart(8)}  ${pct(r.precision).padStart(9)}${flag}`,
    );
    if (showIds && r.missed.length > 0) console.log(`    missed: ${r.missed.join(', ')}`);
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  console.log(`\nOverall (draft × category): recall ${pct(recall)}, precision ${pct(precision)}`);
  console.log(`Clean drafts with an error finding:  ${report.cleanWithError}/${report.clean}`);
  console.log(`Clean drafts with a warning finding: ${report.cleanWithWarning}/${report.clean}`);
  if (showIds) for (const line of report.cleanFindings) console.log(`  clean: ${line}`);
  const met = below === 0 && report.cleanWithError === 0;
  console.log(`Targets (recall >= 95% per category, no error on clean drafts): ${met ? 'met' : 'NOT met'}`);
  return met;
}

const heldIn = print('Held-in corpus (tests/corpus/*.jsonl)', loadCorpus(), verbose);
const independent = loadIndependentCorpus(join(CORPUS_DIR, 'independent'));
if (independent.files.length === 0) {
  console.log('\n(no held-out corpus in tests/corpus/independent/: skipped)');
} else {
  // Draft ids of the held-out corpus are not printed: reading its misses would be tuning on it.
  print(
    `Held-out corpus (tests/corpus/independent/: ${independent.files.join(', ')})`,
    independent.drafts,
    false,
  );
}
process.exitCode = heldIn ? 0 : 1;
