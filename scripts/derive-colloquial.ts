/**
 * Writes lib/guidelines/colloquial.json: the colloquial and misspelled forms of the words in the
 * normalised lexicons (`terms` rules with `normalize: true` in library/src/guidelines), taken from
 * new_kamusalay.csv of Ibrohim & Budi (2019) — 15,167 colloquial → standard pairs collected from
 * Indonesian Twitter (see README § Data sources for the citation). Only pairs whose standard form
 * is a lexicon word are kept, so the dictionary stays small enough for the content script.
 *
 *   npx tsx scripts/derive-colloquial.ts [path/to/new_kamusalay.csv]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot, loadRuleSources } from '@/lib/cli/rule-sources';
import { foldSpelling } from '@/lib/guidelines/normalize';
import { tokenize } from '@/lib/guidelines/text-utils';

const root = findRepoRoot();
const csv =
  process.argv[2] ?? join(root, '..', 'shared', 'datasets', 'ibrohim-budi-2019', 'new_kamusalay.csv');
const words = new Set<string>();
for (const rule of loadRuleSources()) {
  if (rule.kind !== 'terms' || !rule.normalize) continue;
  for (const term of rule.terms) for (const t of tokenize(term)) if (t.word) words.add(foldSpelling(t.key));
}
// The file is Latin-1; every pair is "colloquial,standard" on one line.
const pairs: Record<string, string> = {};
let read = 0;
for (const line of readFileSync(csv, 'latin1').split(/\r?\n/)) {
  const comma = line.indexOf(',');
  if (comma <= 0) continue;
  read += 1;
  const from = foldSpelling(line.slice(0, comma).trim().toLowerCase());
  const to = foldSpelling(
    line
      .slice(comma + 1)
      .trim()
      .toLowerCase(),
  );
  if (!/^\p{L}+$/u.test(from) || !words.has(to) || from === to || words.has(from)) continue;
  pairs[from] = to;
}
const sorted = Object.fromEntries(Object.entries(pairs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const out = join(root, 'lib', 'guidelines', 'colloquial.json');
writeFileSync(
  out,
  `${JSON.stringify(
    {
      source:
        'Derived by scripts/derive-colloquial.ts from new_kamusalay.csv of M. O. Ibrohim and I. Budi (2019), Multi-label Hate Speech and Abusive Language Detection in Indonesian Twitter, ALW3, doi:10.18653/v1/W19-3506; only forms of words in the normalised lexicons.',
      pairs: sorted,
    },
    null,
    2,
  )}\n`,
);
console.log(`${out}: ${Object.keys(sorted).length} pairs (of ${read}) for ${words.size} lexicon words`);
