/**
 * `npx tsx scripts/bench-engine.ts [--library FILE] [--captions N] [--chars C] [--rounds R]
 * [--no-model] [--only batch|plain]`: the
 * engine alone on one thread, in µs per caption — the batch path's engine (compileForCheck: the
 * regex prefilter and the remembered word lookups) against the plain engine (neither; `compileRules`
 * with no options, as a library tool would),
 * interleaved round by round so both see the same machine load. Rules, colloquial dictionary and
 * the library's abuse model as `check` uses them; workload scripts/captions.ts (fixed seed). The
 * figure to profile (`node --import tsx --cpu-prof scripts/bench-engine.ts`) when batches are slow.
 */
import { readFileSync } from 'node:fs';
import { compileForCheck } from '@/lib/cli/batch';
import { loadCheckLibrary, parseCheckLibrary } from '@/lib/cli/check-library';
import { type CheckContext, type CompiledRules, checkText, compileRules } from '@/lib/guidelines';
import { COLLOQUIAL } from '@/lib/guidelines/colloquial';
import { modelCheckers } from '@/lib/guidelines/model/checker';
import { type BenchCaption, benchCaptions, benchContext } from '@/scripts/captions';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const file = flag('--library');
  const library = file
    ? parseCheckLibrary(readFileSync(file, 'utf8'), file)
    : await loadCheckLibrary(undefined, undefined, { cwd: process.cwd(), stderr: () => {} });
  const count = Number(flag('--captions') ?? 20_000);
  const chars = Number(flag('--chars') ?? 400);
  const rounds = Number(flag('--rounds') ?? 3);
  const noModel = process.argv.includes('--no-model');
  const models = noModel ? undefined : library.models;
  let t0 = performance.now();
  const batch = compileForCheck({ rules: library.rules, models });
  const compileMs = performance.now() - t0;
  t0 = performance.now();
  const plain = compileRules(library.rules, { checkers: modelCheckers(models), colloquial: COLLOQUIAL });
  const plainCompileMs = performance.now() - t0;
  const captions = benchCaptions(count, chars, chars === 400 ? undefined : chars);
  const ctxOf = (platform: BenchCaption['platform']): CheckContext => benchContext(platform, library);
  const only = flag('--only');
  const variants = (
    [
      ['batch', batch],
      ['plain', plain],
    ] as Array<[string, CompiledRules]>
  ).filter(([name]) => !only || name === only);
  const cpu = new Map<string, number[]>(variants.map(([name]) => [name, []]));
  const findings = new Map<string, number>();
  for (const [, compiled] of variants)
    for (const c of captions.slice(0, 200)) checkText(compiled, c.text, ctxOf(c.platform));
  // CPU time of this thread: on a shared machine it varies less than wall-clock.
  for (let r = 0; r < rounds; r++) {
    for (const [name, compiled] of variants) {
      const started = process.cpuUsage();
      let found = 0;
      for (const c of captions) found += checkText(compiled, c.text, ctxOf(c.platform)).findings.length;
      const used = process.cpuUsage(started);
      cpu.get(name)!.push((used.user + used.system) / 1000);
      findings.set(name, found);
    }
  }
  const us = (ms: number) => (ms * 1000) / count;
  const best = (name: string) => Math.min(...cpu.get(name)!);
  console.log(
    `${count.toLocaleString('en-US')} captions × ~${chars} characters, one thread, ${noModel ? 'rules only' : 'rules + abuse model'}, best of ${rounds} (CPU time):`,
  );
  if (only) {
    console.log(`  ${only}: ${us(best(only)).toFixed(1)} µs/caption`);
    return;
  }
  console.log(
    `  batch engine (prefilter, word pass) ${us(best('batch')).toFixed(1).padStart(7)} µs/caption  compile ${compileMs.toFixed(0)} ms`,
  );
  console.log(
    `  plain engine (no accelerators)      ${us(best('plain')).toFixed(1).padStart(7)} µs/caption  compile ${plainCompileMs.toFixed(0)} ms`,
  );
  console.log(
    `  ratio ${(best('plain') / best('batch')).toFixed(2)}×; findings per caption ${(findings.get('batch')! / count).toFixed(2)} (plain ${(findings.get('plain')! / count).toFixed(2)})`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
