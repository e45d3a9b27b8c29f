/**
 * `npm run bench:large`: `check` on 1 MB and 5 MB single texts — lowercase words, mixed corpus text,
 * and adversarial text (long runs of what regexes backtrack on) — in process (tokenizing alone, and
 * the whole check with the embedded library compiled as `check` compiles it: rules, models, regex
 * prefilter, word pass) and as a whole process (`check FILE` through the command line). The tokenizer is
 * linear (docs/guidelines.md § Tokens and the trie); the regex budget keeps the rest bounded.
 * Texts are generated from a fixed seed: the figures are comparable between runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileForCheck } from '@/lib/cli/batch';
import { loadCheckLibrary } from '@/lib/cli/check-library';
import { checkText, ruleOverruns } from '@/lib/guidelines';
import { tokenize } from '@/lib/guidelines/text-utils';
import { cliCommand } from '@/scripts/cli-command';
import { loadCorpus } from '@/tests/corpus/evaluate-corpus';

/** A small deterministic PRNG (mulberry32), so every run generates the same texts. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const corpus = loadCorpus().map((d) => d.text);
const words = [
  ...new Set(
    corpus
      .join(' ')
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [],
  ),
];
const ADVERSARIAL = [
  '1'.repeat(400),
  ' '.repeat(300),
  '('.repeat(50),
  'a'.repeat(200),
  'A'.repeat(200),
  '. '.repeat(100),
  '#'.repeat(80),
  'No. ',
  'Jl. ',
  '@'.repeat(60),
  '-'.repeat(100),
  '\n',
];

function generate(kind: 'lowercase' | 'mixed' | 'adversarial', bytes: number): string {
  const random = prng(bytes + kind.length);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const part =
      kind === 'lowercase'
        ? `${words[Math.floor(random() * words.length)]!}${random() < 0.08 ? '.\n' : ' '}`
        : kind === 'mixed'
          ? `${corpus[Math.floor(random() * corpus.length)]!}\n\n`
          : ADVERSARIAL[Math.floor(random() * ADVERSARIAL.length)]!;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return parts.join('').slice(0, bytes);
}

const library = await loadCheckLibrary(undefined, undefined, { cwd: process.cwd(), stderr: () => true });
const compiled = compileForCheck(library);
const ctx = { platform: 'facebook', field: 'caption', lang: 'id' } as const;
const dir = mkdtempSync(join(tmpdir(), 'sp-bench-large-'));
const [command, ...prefix] = cliCommand();
console.log('input                 tokenize      check (in process)   check (whole process)   findings');
for (const size of [1_000_000, 5_000_000]) {
  for (const kind of ['lowercase', 'mixed', 'adversarial'] as const) {
    const text = generate(kind, size);
    let t = performance.now();
    const tokens = tokenize(text).length;
    const tokenizeMs = performance.now() - t;
    t = performance.now();
    const findings = checkText(compiled, text, ctx).findings.length;
    const checkMs = performance.now() - t;
    const file = join(dir, `${kind}-${size}.txt`);
    writeFileSync(file, text);
    t = performance.now();
    const child = spawnSync(command!, [...prefix, 'check', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const processMs = performance.now() - t;
    const label = `${(size / 1e6).toFixed(0)} MB ${kind}`.padEnd(20);
    console.log(
      `${label} ${`${tokenizeMs.toFixed(0)} ms`.padStart(9)} ${`(${tokens} tokens)`.padEnd(10)} ${`${checkMs.toFixed(0)} ms`.padStart(10)}   ${`${processMs.toFixed(0)} ms (exit ${child.status})`.padStart(24)}   ${findings}`,
    );
  }
}
const overruns = ruleOverruns(compiled);
console.log(
  overruns.length === 0
    ? '\nNo rule overran its budget.'
    : `\nRules disabled by the budget: ${overruns.map((o) => `${o.ruleId} (${Math.round(o.ms)} ms)`).join(', ')}`,
);
