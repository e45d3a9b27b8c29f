/**
 * Where the page heap goes, measured in Node (`node --expose-gc --import tsx scripts/bench-heap-node.ts
 * [LIBRARY]`): the heap each step of what the content script does with the library adds after a full
 * garbage collection — the parsed bundle, the pattern-literal table the background sends, the rules
 * compiled with the prefilter built from it (each library regex made only when a check first needs
 * it, as the page compiles), the table dropped as the page drops it, one check of a 2,000-character
 * draft (the regexes it runs are made, and V8 compiles their code). The models
 * run in the background and are not counted. `npm run bench:heap`
 * measures the whole page in Chromium; this one says which part to look at.
 */
import { readFileSync } from 'node:fs';
import { checkText, compileRules } from '../lib/guidelines/engine';
import { known, literalsTable, prefilterFrom } from '../lib/guidelines/prefilter';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc --import tsx scripts/bench-heap-node.ts');
const collect = gc;

// V8 keeps a regex made from the same source and flags in its compilation cache until a few full
// collections have aged it out (compiling makes each library regex once to check it): collect until
// those are gone, as they are on a page that has been open a while.
const used = () => {
  for (let i = 0; i < 4; i++) collect();
  return process.memoryUsage().heapUsed;
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const DRAFT = 'Pemerintah Provinsi Kalimantan Barat menggelar rapat koordinasi penanganan banjir. '.repeat(
  24,
);

const text = readFileSync(process.argv[2] ?? 'public/library/kalbar.json', 'utf8');
const kept: unknown[] = [];
let before = used();
const step = (name: string, value: unknown) => {
  kept.push(value);
  const after = used();
  console.log(`  ${name.padEnd(44)} ${mb(after - before).padStart(9)}`);
  before = after;
};
console.log('Heap added (Node, after GC), step by step:');
const bundle = JSON.parse(text);
step('parsed library bundle', bundle);
let table: ReturnType<typeof literalsTable> | undefined = literalsTable(bundle.guidelines);
step('pattern-literal table (from the background)', table);
const compiled = compileRules(bundle.guidelines, {
  prefilter: (rules) => prefilterFrom(rules, known(table ?? [])),
  lazyRegexes: true,
});
step('compiled rules with the prefilter', compiled);
// The page drops the table once its rules are compiled (lib/sidebar/page-session.ts): what is
// freed here is what the compiled rules do not keep of it.
kept.splice(kept.indexOf(table), 1);
table = undefined;
step('the table dropped, as the page does', undefined);
const result = checkText(compiled, DRAFT, { platform: 'facebook', field: 'caption', lang: 'id' });
step('one check of a 2,000-character draft', result);
console.log(`  (kept ${kept.length} values alive while measuring)`);
