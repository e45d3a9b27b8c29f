/**
 * `npx tsx scripts/bench-engine.ts [--library FILE] [--captions N] [--chars C] [--no-model] [--plain]`: the
 * engine alone on one thread, as the batch path runs it (rules, colloquial dictionary and the
 * library's abuse model), in µs per caption — the figure to profile (`node --import tsx --cpu-prof`)
 * when the batch path is slow. Workload: scripts/captions.ts (fixed seed).
 */
import { readFileSync } from 'node:fs';
import { compileForCheck } from '@/lib/cli/batch';
import { loadCheckLibrary, parseCheckLibrary } from '@/lib/cli/check-library';
import { type CheckContext, checkText, compileRules } from '@/lib/guidelines';
import { COLLOQUIAL } from '@/lib/guidelines/colloquial';
import { modelCheckers } from '@/lib/guidelines/model/checker';
import { benchCaptions } from '@/scripts/captions';

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
  const t0 = performance.now();
  const compiled = process.argv.includes('--plain')
    ? compileRules(library.rules, {
        checkers: process.argv.includes('--no-model') ? [] : modelCheckers(library.models),
        colloquial: COLLOQUIAL,
      })
    : compileForCheck(process.argv.includes('--no-model') ? { rules: library.rules } : library);
  const compileMs = performance.now() - t0;
  const captions = benchCaptions(count, chars, chars === 400 ? undefined : chars);
  const ctxOf = (platform: CheckContext['platform']): CheckContext => ({
    platform,
    field: platform === 'youtube' ? 'description' : 'caption',
    lang: 'id',
    agencies: library.agencies,
    allowlists: library.allowlists,
  });
  for (const c of captions.slice(0, 200)) checkText(compiled, c.text, ctxOf(c.platform));
  // CPU time of this thread as well as wall-clock: on a shared machine the first varies less.
  const rounds: number[] = [];
  const cpu: number[] = [];
  let findings = 0;
  for (let r = 0; r < 3; r++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    findings = 0;
    for (const c of captions) findings += checkText(compiled, c.text, ctxOf(c.platform)).findings.length;
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
    rounds.push(performance.now() - started);
  }
  const best = Math.min(...rounds);
  const bestCpu = Math.min(...cpu);
  const us = (ms: number) => ((ms * 1000) / count).toFixed(1);
  console.log(
    `compile ${compileMs.toFixed(0)} ms; ${count} captions × ${chars}, best of 3: ${us(best)} µs/caption wall, ${us(bestCpu)} µs CPU (${(findings / count).toFixed(2)} findings each; wall ${rounds.map((ms) => ms.toFixed(0)).join(', ')} ms)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
