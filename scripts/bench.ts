/**
 * `npm run bench`: the engine's speed on the full default rule set, side by side with textlint +
 * textlint-rule-prh running the same spelling pairs (issue 3 targets: p95 < 1 ms per 2,200-character
 * caption, ≥ 10× textlint+prh's throughput, 100,000-character draft well under 50 ms).
 *
 * Workload: 2,200-character captions cut from the labelled corpus (tests/corpus), so every rule
 * category has something to find. Timings are wall-clock on this machine; run on an idle machine
 * for stable figures.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { checkText, compileRules, type Rule } from '@/lib/guidelines';
import { loadRuleSources } from '@/lib/cli/rule-sources';
import { loadCorpus } from '@/tests/corpus/evaluate-corpus';

const CAPTION_CHARS = 2_200;
const CAPTIONS = 2_000;
const TEXTLINT_CAPTIONS = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}

function captionsFromCorpus(count: number): string[] {
  const texts = loadCorpus().map((d) => d.text);
  const captions: string[] = [];
  let cursor = 0;
  for (let i = 0; i < count; i++) {
    let caption = '';
    while (caption.length < CAPTION_CHARS) {
      caption += `${texts[cursor % texts.length]}\n\n`;
      cursor += 1;
    }
    captions.push(caption.slice(0, CAPTION_CHARS));
  }
  return captions;
}

/** The spelling pairs as a prh dictionary (one rule per wrong form, first suggestion as expected). */
function prhYaml(rules: Rule[]): { yaml: string; pairs: number } {
  const entries: Array<{ expected: string; pattern: string }> = [];
  for (const rule of rules) {
    if (rule.kind !== 'substitution' || rule.category !== 'spelling') continue;
    for (const pair of rule.pairs) {
      const expected = Array.isArray(pair.to) ? pair.to[0]! : pair.to;
      for (const from of Array.isArray(pair.from) ? pair.from : [pair.from]) {
        // prh escapes string patterns itself, but its escape of "-" is invalid under the u flag it adds.
        const pattern = /^[\p{L}\s]+$/u.test(from)
          ? from
          : `/${from.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/`;
        entries.push({ expected, pattern });
      }
    }
  }
  return { yaml: stringify({ version: 1, rules: entries }), pairs: entries.length };
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

async function main() {
  const rules = loadRuleSources();
  let t = performance.now();
  const compiled = compileRules(rules);
  const compileMs = performance.now() - t;
  const captions = captionsFromCorpus(CAPTIONS);
  const bytes = captions.reduce((sum, c) => sum + Buffer.byteLength(c, 'utf8'), 0);
  const ctx = { platform: 'instagram', field: 'caption', lang: 'id' } as const;

  // textlint + prh with the same spelling pairs.
  const dir = mkdtempSync(join(tmpdir(), 'satu-pintu-bench-'));
  const { yaml, pairs } = prhYaml(rules);
  const yamlPath = join(dir, 'prh.yml');
  writeFileSync(yamlPath, yaml);
  const linter = await textlintLinter(yamlPath);
  const file = join(dir, 'caption.txt');

  // Warm up both: the first checks compile every regex lazily inside V8.
  for (const caption of captions.slice(0, 200)) checkText(compiled, caption, ctx);
  for (const caption of captions.slice(0, 10)) await linter.lintText(caption, file);

  // Interleaved rounds, so that both engines see the same machine load (other processes).
  const times: number[] = [];
  const tlTimes: number[] = [];
  let findings = 0;
  let tlMessages = 0;
  let total = 0;
  let tlTotal = 0;
  let subsetBytes = 0;
  const rounds = 10;
  const perRound = CAPTIONS / rounds;
  const tlPerRound = TEXTLINT_CAPTIONS / rounds;
  for (let round = 0; round < rounds; round++) {
    const batch = captions.slice(round * perRound, (round + 1) * perRound);
    const start = performance.now();
    for (const caption of batch) {
      const t0 = performance.now();
      findings += checkText(compiled, caption, ctx).findings.length;
      times.push(performance.now() - t0);
    }
    total += performance.now() - start;
    const tlStart = performance.now();
    for (const caption of batch.slice(0, tlPerRound)) {
      const t0 = performance.now();
      tlMessages += (await linter.lintText(caption, file)).messages.length;
      tlTimes.push(performance.now() - t0);
      subsetBytes += Buffer.byteLength(caption, 'utf8');
    }
    tlTotal += performance.now() - tlStart;
  }
  times.sort((a, b) => a - b);
  tlTimes.sort((a, b) => a - b);
  const engineMBs = bytes / 1e6 / (total / 1000);
  const textlintMBs = subsetBytes / 1e6 / (tlTotal / 1000);

  // A 100,000-character draft: the cost of re-checking everything on each keystroke.
  const long = captionsFromCorpus(46).join('').slice(0, 100_000);
  const longTimes: number[] = [];
  for (let i = 0; i < 15; i++) {
    t = performance.now();
    checkText(compiled, long, { ...ctx, platform: 'facebook' });
    longTimes.push(performance.now() - t);
  }
  longTimes.sort((a, b) => a - b);

  const f = (n: number, d = 3) => n.toFixed(d);
  console.log(
    `Satu Pintu guideline engine — ${rules.length} rules, all 16 categories; compile ${f(compileMs, 1)} ms`,
  );
  console.log(
    `Workload: ${CAPTIONS} captions × ${CAPTION_CHARS} chars from tests/corpus (${f(bytes / 1e6, 2)} MB)`,
  );
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(
    `Machine: ${cpus().length} CPUs, load average ${load} (wall-clock: other processes slow both engines)\n`,
  );
  console.log('                          throughput    p50/caption   p95/caption   findings');
  console.log(
    `satu-pintu (all rules)    ${f(engineMBs, 2).padStart(8)} MB/s  ${f(percentile(times, 0.5)).padStart(9)} ms  ${f(percentile(times, 0.95)).padStart(9)} ms  ${findings}`,
  );
  console.log(
    `textlint + prh (${pairs} spelling pairs only) ${f(textlintMBs, 2).padStart(5)} MB/s  ${f(percentile(tlTimes, 0.5)).padStart(9)} ms  ${f(percentile(tlTimes, 0.95)).padStart(9)} ms  ${tlMessages} (${TEXTLINT_CAPTIONS} captions)`,
  );
  console.log(
    `\nRatio: satu-pintu is ${f(engineMBs / textlintMBs, 1)}× textlint+prh's throughput (target ≥ 10×)`,
  );
  console.log(`p95 per caption: ${f(percentile(times, 0.95))} ms (target < 1 ms)`);
  console.log(
    `Full re-check of a 100,000-character draft: median ${f(percentile(longTimes, 0.5), 2)} ms, max ${f(longTimes.at(-1)!, 2)} ms (target well under 50 ms) — cheap enough to re-check the whole draft on each input event instead of tracking edits`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
