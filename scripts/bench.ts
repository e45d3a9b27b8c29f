/**
 * `npm run bench`: the batch path and the engine, side by side with textlint + textlint-rule-prh
 * running the same spelling pairs (docs/guidelines.md). Workloads, generated reproducibly
 * (scripts/captions.ts, fixed seed): 20,000 agency captions of ~400 characters, and 4,000 of 2,200.
 *
 * - whole process: `check --jsonl` from the built CLI (worker threads) on all captions, against the
 *   textlint command line on one file holding every caption on its own line (textlint's fastest way
 *   through many captions; one file per caption is several times slower still);
 * - in process: checkText per caption against textlint's lintText per caption (textlint on a subset),
 *   with the library compiled as `check` compiles it (abuse model, colloquial dictionary, regex
 *   prefilter and remembered word lookups) and as the content script compiles it (page engine: the
 *   rules with the regex prefilter built from the background's literal table; the models run in the
 *   background), each engine in a process of its own.
 * Each whole-process run is repeated and interleaved so both see the same machine load; the median
 * is printed. Wall-clock on a shared machine: compare the ratio, not the absolute figures.
 * `npm run bench -- --library FILE` checks with a pinned bundle instead of the embedded one. How much
 * of the time is not checking at all (start-up, reading, JSON, workers): scripts/bench-floor.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileForCheck } from '@/lib/cli/batch';
import { type CheckLibrary, loadCheckLibrary } from '@/lib/cli/check-library';
import { type CheckContext, type CompiledRules, checkText, compileRules } from '@/lib/guidelines';
import { known, literalsTable, prefilterFrom } from '@/lib/guidelines/prefilter';
import { median, textlintArgs, textlintSetup, timed } from '@/scripts/bench-common';
import { type BenchCaption, benchCaptions, benchContext } from '@/scripts/captions';
import { cliCommand } from '@/scripts/cli-command';

const ROOT = process.cwd();
/** `--library FILE`: a pinned bundle instead of the embedded one (which is rebuilt now and then). */
const LIBRARY = (() => {
  const at = process.argv.indexOf('--library');
  return at > 0 ? process.argv[at + 1] : undefined;
})();
const libraryArgs = LIBRARY === undefined ? [] : ['--library', LIBRARY];
const REPEATS = 3;
const TEXTLINT_IN_PROCESS = 1_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}

async function textlintLinter(yamlPath: string) {
  const { createLinter } = await import('textlint');
  const { TextlintKernelDescriptor } = await import('@textlint/kernel');
  const interop = <T>(mod: T | { default: T }): T => (mod as { default?: T }).default ?? (mod as T);
  // textlint-rule-prh ships no types; it is only handed to textlint's kernel.
  const prhModule = 'textlint-rule-prh';
  const prh = interop((await import(prhModule)) as never);
  const text = interop((await import('@textlint/textlint-plugin-text')) as never);
  const descriptor = new TextlintKernelDescriptor({
    rules: [{ ruleId: 'prh', rule: prh, options: { rulePaths: [yamlPath] } }],
    plugins: [{ pluginId: 'text', plugin: text }],
    filterRules: [],
  });
  return createLinter({ descriptor });
}

const f = (n: number, d = 2) => n.toFixed(d);
const mb = (bytes: number) => bytes / 1e6;

type Run = { ms: number; times: number[]; findings: number };

/** checkText on every caption, after a warm-up, with per-caption times. */
function inProcess(compiled: CompiledRules, captions: BenchCaption[], library: CheckLibrary): Run {
  const ctxOf = (c: BenchCaption): CheckContext => benchContext(c.platform, library);
  for (const c of captions.slice(0, 300)) checkText(compiled, c.text, ctxOf(c));
  const times: number[] = [];
  let findings = 0;
  const started = performance.now();
  for (const c of captions) {
    const t0 = performance.now();
    findings += checkText(compiled, c.text, ctxOf(c)).findings.length;
    times.push(performance.now() - t0);
  }
  const ms = performance.now() - started;
  times.sort((a, b) => a - b);
  return { ms, times, findings };
}

async function workload(
  label: string,
  captions: BenchCaption[],
  dir: string,
  rc: string,
  yamlPath: string,
  pageRun = measureApart(`page${label}`),
) {
  const bytes = captions.reduce((sum, c) => sum + Buffer.byteLength(c.text), 0);
  const jsonl = `${captions.map((c) => JSON.stringify(c)).join('\n')}\n`;
  const plain = join(dir, `${label}.txt`);
  // One caption per line: textlint's text plugin sees each line as a paragraph.
  writeFileSync(plain, `${captions.map((c) => c.text.replace(/\n+/g, ' ')).join('\n')}\n`);
  const [cli, ...cliArgs] = cliCommand();
  const [textlint, tlArgs] = textlintArgs(ROOT, rc, plain);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    ours.push(timed(cli!, [...cliArgs, 'check', '--jsonl', ...libraryArgs], jsonl, ROOT).ms);
    theirs.push(timed(textlint, tlArgs, undefined, ROOT).ms);
  }
  const oursMs = median(ours);
  const theirsMs = median(theirs);

  // In process, each engine in a process of its own (measureApart).
  const batch = measureApart(`batch${label}`);
  const { findings } = batch;
  const linter = await textlintLinter(yamlPath);
  const subset = captions.slice(0, TEXTLINT_IN_PROCESS);
  const file = join(dir, 'caption.txt');
  for (const c of subset.slice(0, 20)) await linter.lintText(c.text, file);
  const tlStarted = performance.now();
  for (const c of subset) await linter.lintText(c.text, file);
  const tlMs = performance.now() - tlStarted;
  const subsetBytes = subset.reduce((sum, c) => sum + Buffer.byteLength(c.text), 0);

  const perSecond = (count: number, ms: number) => Math.round(count / (ms / 1000)).toLocaleString('en-US');
  console.log(
    `\n== ${captions.length.toLocaleString('en-US')} captions × ~${label} characters (${f(mb(bytes))} MB), ${f(findings / captions.length)} findings per caption`,
  );
  console.log('whole process (median of 3)              time       captions/s');
  console.log(
    `  satu-pintu check --jsonl (built, workers) ${f(oursMs / 1000).padStart(7)} s  ${perSecond(captions.length, oursMs).padStart(9)}`,
  );
  console.log(
    `  textlint + prh (one file, one per line)   ${f(theirsMs / 1000).padStart(7)} s  ${perSecond(captions.length, theirsMs).padStart(9)}`,
  );
  console.log(`  ratio: satu-pintu is ${f(theirsMs / oursMs, 1)}× faster (target ≥ 10×)`);
  console.log('in process (one thread)                  MB/s     p50/caption  p95/caption');
  for (const [label, run] of [
    ['satu-pintu checkText, batch engine ', batch],
    ['satu-pintu checkText, page engine  ', pageRun],
  ] as Array<[string, Run]>) {
    console.log(
      `  ${label}    ${f(mb(bytes) / (run.ms / 1000)).padStart(6)}   ${f(percentile(run.times, 0.5), 3).padStart(8)} ms  ${f(percentile(run.times, 0.95), 3).padStart(8)} ms`,
    );
  }
  console.log(
    `  textlint lintText, spelling pairs only ${f(mb(subsetBytes) / (tlMs / 1000)).padStart(6)}   (${subset.length} captions, ${f(tlMs / subset.length, 3)} ms each)`,
  );
  console.log(
    `  ratio (batch engine): ${f(mb(bytes) / (batch.ms / 1000) / (mb(subsetBytes) / (tlMs / 1000)), 1)}×`,
  );
}

async function main() {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs'), '--if-stale'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('building the CLI failed');
  // The library `check` uses (--library, else the embedded bundle, else the YAML sources), model included.
  const library = await loadCheckLibrary(LIBRARY, undefined, {
    cwd: ROOT,
    stderr: (line) => process.stderr.write(line),
  });
  const { rules } = library;
  const dir = mkdtempSync(join(tmpdir(), 'satu-pintu-bench-'));
  const { yamlPath, rc, pairs } = textlintSetup(rules, dir);
  console.log(
    `Satu Pintu — ${rules.length} rules, all 16 categories; textlint + prh with the ${pairs} spelling pairs only`,
  );
  console.log(
    `Machine: ${availableParallelism()} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  await workload('400', benchCaptions(20_000, 400), dir, rc, yamlPath);
  await workload('2200', benchCaptions(4_000, 2_200, 2200), dir, rc, yamlPath);
  const recheck = measureApart('recheck');
  console.log(
    `\nFull re-check of a 100,000-character draft (page engine): median ${f(median(recheck.times))} ms`,
  );
}

const CAPTIONS: Record<string, () => BenchCaption[]> = {
  '400': () => benchCaptions(20_000, 400),
  '2200': () => benchCaptions(4_000, 2_200, 2200),
};

/** One in-process measurement, printed as JSON: `bench.ts --measure batch400|page2200|recheck|…`. */
async function measure(what: string): Promise<Run> {
  const library = await loadCheckLibrary(LIBRARY, undefined, { cwd: ROOT, stderr: () => true });
  if (what === 'recheck') {
    // A 100,000-character draft: the cost of re-checking everything on each input event.
    const compiled = pageEngine(library);
    const long = benchCaptions(50, 2_200, 7)
      .map((c) => c.text)
      .join('\n\n')
      .slice(0, 100_000);
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      checkText(compiled, long, { platform: 'facebook', field: 'caption', lang: 'id' });
      times.push(performance.now() - t0);
    }
    return { ms: times.reduce((a, b) => a + b, 0), times, findings: 0 };
  }
  const captions = CAPTIONS[what.replace(/^(batch|page)/, '')]!();
  const compiled = what.startsWith('batch') ? compileForCheck(library) : pageEngine(library);
  return inProcess(compiled, captions, library);
}

/** The rules as the content script compiles them (lib/sidebar/rule-checker.ts). */
function pageEngine(library: CheckLibrary): CompiledRules {
  const table = literalsTable(library.rules);
  return compileRules(library.rules, {
    prefilter: (compiled) => prefilterFrom(compiled, known(table)),
    lazyRegexes: true,
  });
}

/**
 * Runs one measurement in a fresh process: once V8 has optimised the shared engine code for one
 * engine's shapes, the other runs 2-3x slower in the same process, which neither the page (page
 * engine only) nor `check` (batch engine only) ever sees.
 */
function measureApart(what: string): Run {
  const args = [...process.execArgv, process.argv[1]!, '--measure', what, ...libraryArgs];
  const child = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`bench --measure ${what} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Run;
}

const measureArg = process.argv.indexOf('--measure');
if (measureArg >= 0) {
  measure(process.argv[measureArg + 1] ?? '')
    .then((run) => process.stdout.write(JSON.stringify(run)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
