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
const lines = readFileSync(csv, 'latin1')
  .split(/\r?\n/)
  .map((line) => [line.indexOf(','), line] as const)
  .filter(([comma]) => comma > 0)
  .map(([comma, line]) => [line.slice(0, comma), line.slice(comma + 1)].map((s) => s.trim().toLowerCase()));
// Every word of a standard form (one the file never corrects itself), folded: a colloquial key equal
// to one ("saat" and "bangga" fold to "sat" and "banga") would turn an ordinary word into a lexicon word.
const corrected = new Set(lines.map(([from]) => from));
const standard = new Set<string>();
for (const [, to] of lines)
  for (const t of tokenize(to!)) if (t.word && !corrected.has(t.key)) standard.add(foldSpelling(t.key));
const pairs: Record<string, string> = {};
for (const [rawFrom, rawTo] of lines) {
  const from = foldSpelling(rawFrom!);
  const to = foldSpelling(rawTo!);
  if (!/^\p{L}+$/u.test(from) || !words.has(to) || from === to || words.has(from)) continue;
  // Keys of one or two letters ("e", "ek", "u") are too ambiguous to fold into a lexicon word.
  if (from.length < 3 || standard.has(from)) continue;
  pairs[from] = to;
}
const read = lines.length;
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
