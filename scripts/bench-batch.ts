/**
 * `npx tsx scripts/bench-batch.ts [--library FILE] [--chars 400|2200] [--count N]`: where the batch
 * engine's time goes on the benchmark captions (scripts/captions.ts), in process, one thread — the
 * quick loop behind `npm run bench`'s whole-process figures. Prints, after a warm-up: the time per
 * caption of checkText as `check` compiles it, of its parts measured apart (the regex prefilter's
 * scan, the models, reading and writing the JSON lines), and how many library regexes run per
 * caption (each regex counted once per caption however often it runs), with the ones that run most.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { compileForCheck } from '@/lib/cli/batch';
import { type CheckLibrary, parseCheckLibrary } from '@/lib/cli/check-library';
import { type CheckContext, checkText } from '@/lib/guidelines';
import type { CompiledRules } from '@/lib/guidelines/compiled';
import { modelCheckers } from '@/lib/guidelines/model/checker';
import { type BenchCaption, benchCaptions, benchContext } from '@/scripts/captions';

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1]! : fallback;
}

const chars = Number(arg('chars', '400'));
const count = Number(arg('count', chars > 1000 ? '1000' : '5000'));
const WARM = 2000;
const path = arg('library', 'public/library/kalbar.json');
const library: CheckLibrary = parseCheckLibrary(readFileSync(path, 'utf8'), path);
const captions = benchCaptions(WARM + count, chars, chars > 1000 ? 2200 : 20261130);
const ctxOf = (c: BenchCaption): CheckContext => benchContext(c.platform, library);

const us = (ms: number, n: number) => `${((ms * 1000) / n).toFixed(1).padStart(7)} µs`;

/** CPU time of this thread (a shared machine's other processes lengthen wall-clock time, not this). */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function timeEach(label: string, list: BenchCaption[], work: (c: BenchCaption) => unknown) {
  const started = cpuMs();
  for (const c of list) work(c);
  const ms = cpuMs() - started;
  console.log(`  ${label.padEnd(44)} ${us(ms, list.length)} CPU per caption`);
  return ms;
}

let began = cpuMs();
const compiled = compileForCheck(library);
const compileMs = cpuMs() - began;
const warm = captions.slice(0, WARM);
const measured = captions.slice(WARM);
began = cpuMs();
for (const c of warm.slice(0, 250)) checkText(compiled, c.text, ctxOf(c));
const coldMs = cpuMs() - began;
for (const c of warm.slice(250)) checkText(compiled, c.text, ctxOf(c));
console.log(
  `${measured.length} captions × ~${chars} characters after ${WARM} to warm up; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(
  `  compiling (no start-up cache) ${compileMs.toFixed(0)} ms CPU; the first 250 captions ${us(coldMs, 250)} CPU each`,
);
timeEach('checkText (batch engine, as check runs it)', measured, (c) =>
  checkText(compiled, c.text, ctxOf(c)),
);
// `--profile`: only checkText, three more times (for `node --cpu-prof --import tsx`).
if (process.argv.includes('--profile')) {
  for (let i = 0; i < 3; i++) for (const c of measured) checkText(compiled, c.text, ctxOf(c));
  process.exit(0);
}
const { prefilter } = compiled as CompiledRules;
if (prefilter) timeEach('  of which the prefilter scan', measured, (c) => prefilter.scan(c.text));
const checkers = modelCheckers(library.models);
for (const c of warm.slice(0, 500)) for (const check of checkers) check(c.text, ctxOf(c), []);
timeEach('  of which the models (no findings before)', measured, (c) => {
  for (const check of checkers) check(c.text, ctxOf(c), []);
});
const lines = measured.map((c) => JSON.stringify(c));
const results = measured.map((c) => checkText(compiled, c.text, ctxOf(c)));
timeEach('JSON.parse of the input line', measured, (c) => JSON.parse(lines[Number(c.id.slice(1)) - WARM]!));
timeEach('JSON.stringify of the answer', measured, (c) =>
  JSON.stringify({ id: c.id, ...results[Number(c.id.slice(1)) - WARM]! }),
);

// Regexes run per caption: each compiled regex's exec/test counted (slower: after the timings).
const runs = new Map<RegExp, number>();
const spent = new Map<RegExp, number>();
/** Time of the regexes that found nothing in the caption (what a sharper prefilter could save). */
let idleMs = 0;
let idleRuns = 0;
let found = new Set<RegExp>();
let timeOf = new Map<RegExp, number>();
const idleBy = new Map<RegExp, number>();
let seen = new Set<RegExp>();
const names = new Map<RegExp, string>();
for (const entry of (compiled as CompiledRules).compiled) {
  const lists: Array<[string, RegExp[] | undefined]> = [
    // The batch path makes its regexes when it compiles: `.re` is the one each check runs.
    ['', entry.regexes.map((p) => p.re)],
    [' trigger', entry.trigger?.map((p) => p.re)],
    [' when', entry.when?.regexes.map((p) => p.re)],
    [' unless', entry.unless?.flatMap((condition) => condition.regexes.map((p) => p.re))],
  ];
  for (const [what, list] of lists) {
    list?.forEach((re, i) => {
      if (names.has(re)) return;
      names.set(re, `${entry.rule.id}${what}[${i}]`);
      for (const method of ['exec', 'test'] as const) {
        const original = re[method] as (text: string) => unknown;
        Object.defineProperty(re, method, {
          value(this: RegExp, text: string) {
            if (!seen.has(re)) {
              seen.add(re);
              runs.set(re, (runs.get(re) ?? 0) + 1);
            }
            const began = performance.now();
            const result = original.call(this, text);
            const ms = performance.now() - began;
            spent.set(re, (spent.get(re) ?? 0) + ms);
            timeOf.set(re, (timeOf.get(re) ?? 0) + ms);
            if (result !== null && result !== false) found.add(re);
            return result;
          },
        });
      }
    });
  }
}
let total = 0;
for (const c of measured) {
  seen = new Set();
  found = new Set();
  timeOf = new Map();
  checkText(compiled, c.text, ctxOf(c));
  total += seen.size;
  for (const [re, ms] of timeOf)
    if (!found.has(re)) {
      idleMs += ms;
      idleRuns += 1;
      idleBy.set(re, (idleBy.get(re) ?? 0) + ms);
    }
}
console.log(
  `regexes run per caption: ${(total / measured.length).toFixed(1)} of ${names.size} (${runs.size} distinct ever ran)`,
);
const regexMs = [...spent.values()].reduce((a, b) => a + b, 0);
console.log(`time in library regexes (timed one by one): ${us(regexMs, measured.length)} per caption`);
console.log(
  `  of which regexes that found nothing: ${us(idleMs, measured.length)} per caption, ${(idleRuns / measured.length).toFixed(1)} regexes`,
);
for (const [re, ms] of [...spent].sort((a, b) => b[1] - a[1]).slice(0, Number(arg('top', '15'))))
  console.log(`  ${us(ms, measured.length)}  ${runs.get(re)} runs  ${names.get(re)}`);
const top = [...runs].sort((a, b) => b[1] - a[1]).slice(0, Number(arg('top', '15')));
for (const [re, n] of top)
  console.log(`  ${((100 * n) / measured.length).toFixed(0).padStart(3)}%  ${names.get(re)}`);

if (process.argv.includes('--idle')) {
  const literalsOf = new Map<RegExp, string>();
  for (const [pattern, slot] of prefilter?.slotOf ?? []) literalsOf.set(pattern.re, String(slot));
  for (const [re, ms] of [...idleBy].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(
      `  idle ${us(ms, measured.length)} ${String(runs.get(re)).padStart(5)} ${names.get(re)} ${literalsOf.has(re) ? 'filtered' : 'ALWAYS'} ${re.source.slice(0, 150)}`,
    );
}
