/**
 * `npx tsx scripts/bench-floor.ts [--library FILE] [--repeats 3]`: the floor under `check --jsonl`
 * on `npm run bench`'s workload (20,000 captions of ~400 characters, scripts/captions.ts), so the
 * 10× target over textlint + textlint-rule-prh can be read against what is not checking at all.
 * The same whole-process runs, repeated and interleaved (the median printed):
 *
 * - `check --jsonl` on one line, a library of zero rules and no models: the process start-up;
 * - the same on the 20,000 lines: start-up, reading, JSON in and out, the worker threads — the
 *   floor any library pays;
 * - the full library on one line (start-up and compiling on the main thread), and on the 20,000
 *   lines;
 * - textlint + prh with the library's spelling pairs, on one file of the captions, one per line.
 *
 * Then: the 10× budget (textlint's time / 10), what the floor leaves of it for checking, and the
 * cost per caption the checks would have to meet (wall-clock, and CPU per caption on the threads
 * `check` uses), next to what they cost now. Wall-clock on a shared machine: read it with the load
 * average printed beside it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultWorkers } from '@/lib/cli/batch-run';
import { loadCheckLibrary } from '@/lib/cli/check-library';
import { median, textlintArgs, textlintSetup, timed } from '@/scripts/bench-common';
import { benchCaptions } from '@/scripts/captions';
import { cliCommand } from '@/scripts/cli-command';

const ROOT = process.cwd();

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2).padStart(6)} s`;
const us = (ms: number, count: number) => `${((ms * 1000) / count).toFixed(1)} µs`;

async function main() {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs'), '--if-stale'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('building the CLI failed');
  const repeats = Number(arg('repeats') ?? 3);
  const libraryFile = arg('library');
  const library = await loadCheckLibrary(libraryFile, undefined, {
    cwd: ROOT,
    stderr: (line) => process.stderr.write(line),
  });
  const dir = mkdtempSync(join(tmpdir(), 'satu-pintu-floor-'));
  // Zero rules and no models; the directory and allowlists `check` reads stay (they are small).
  const empty = join(dir, 'empty.json');
  writeFileSync(
    empty,
    JSON.stringify({ guidelines: [], agencies: library.agencies, allowlists: library.allowlists }),
  );
  const captions = benchCaptions(20_000, 400);
  const lines = captions.map((c) => JSON.stringify(c));
  const jsonl = `${lines.join('\n')}\n`;
  // One line is checked on the main thread (no workers): the start-up, and with rules their compiling.
  const one = `${lines[0]}\n`;
  const plain = join(dir, '400.txt');
  writeFileSync(plain, `${captions.map((c) => c.text.replace(/\n+/g, ' ')).join('\n')}\n`);
  const { rc, pairs } = textlintSetup(library.rules, dir);
  const [textlint, tlArgs] = textlintArgs(ROOT, rc, plain);
  const [cli, ...cliArgs] = cliCommand();
  // `check` keeps one library's start-up cache at a time (lib/cli/compile-cache.ts): each library
  // gets a cache folder of its own, so that neither these runs nor other `check` runs on the machine
  // evict the other's entry (the first round fills them; the median leaves it out).
  const cacheOf = (name: string) => ({ ...process.env, SP_CACHE_DIR: join(dir, `cache-${name}`) });
  const check = (file: string | undefined, input: string) => () => {
    const args = [...cliArgs, 'check', '--jsonl', ...(file === undefined ? [] : ['--library', file])];
    const run = timed(cli!, args, input, ROOT, cacheOf(file === empty ? 'empty' : 'full'));
    // 0: nothing blocked; 1: an error finding in some line. Anything else is a failed run.
    if (run.status !== 0 && run.status !== 1) throw new Error(`check --jsonl exited ${run.status}`);
    return run.ms;
  };
  const runs: Array<[string, () => number]> = [
    ['check --jsonl, zero rules, one line (start-up)', check(empty, one)],
    ['check --jsonl, zero rules, 20,000 lines (the floor)', check(empty, jsonl)],
    ['check --jsonl, full library, one line (+ compiling)', check(libraryFile, one)],
    ['check --jsonl, full library, 20,000 lines', check(libraryFile, jsonl)],
    ['textlint + prh, one file, one caption per line', () => timed(textlint, tlArgs, undefined, ROOT).ms],
  ];
  const times: number[][] = runs.map(() => []);
  const loads: number[] = [];
  for (let r = 0; r < repeats; r++) {
    runs.forEach(([, run], i) => {
      times[i]!.push(run());
    });
    loads.push(loadavg()[0]!);
  }
  const [startup, floor, compiled, full, theirs] = times.map(median) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const cores = availableParallelism();
  const threads = Math.max(1, defaultWorkers(cores, median(loads)));
  console.log(
    `Floor under check --jsonl — ${captions.length.toLocaleString('en-US')} captions × ~400 characters; ${library.rules.length} rules; textlint + prh with ${pairs} spelling pairs`,
  );
  console.log(
    `Machine: ${cores} cores, load average ${loads.map((l) => l.toFixed(1)).join(', ')} during the ${repeats} rounds (check would use ${threads === 1 ? 'the main thread only' : `${threads} worker threads`} at the median load)`,
  );
  console.log(`whole process, median of ${repeats}`);
  runs.forEach(([label], i) => {
    console.log(`  ${label.padEnd(54)} ${s(median(times[i]!))}`);
  });
  const budget = theirs / 10;
  const left = budget - floor;
  const count = captions.length;
  console.log(`10× textlint + prh: ${s(budget).trim()} for the whole run`);
  console.log(
    `  the floor takes ${s(floor).trim()} of it (${((100 * floor) / budget).toFixed(0)}%); left for checking: ${s(left).trim()}`,
  );
  if (left > 0) {
    console.log(
      `  the checks would have to cost ≤ ${us(left, count)} per caption wall-clock, ≤ ${us(left * threads, count)} CPU per caption on each of ${threads} thread(s)`,
    );
  } else console.log('  nothing is left: the floor alone is over the 10× budget');
  console.log(
    `  now: ${us(full - floor, count)} per caption wall-clock over the floor (compiling, once per thread: ${s(compiled - startup).trim()}); full run ${(theirs / full).toFixed(2)}× textlint + prh, the floor alone ${(theirs / floor).toFixed(1)}×`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
