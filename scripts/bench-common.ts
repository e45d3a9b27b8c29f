/**
 * What the whole-process benchmarks share (scripts/bench.ts, scripts/bench-floor.ts): the
 * textlint + textlint-rule-prh side run with the library's spelling pairs, and timing a command.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Rule } from '@/lib/guidelines';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The spelling pairs as a prh dictionary (one rule per wrong form, first suggestion as expected). */
export function prhYaml(rules: Rule[]): { yaml: string; pairs: number } {
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

/** Writes the prh dictionary and a .textlintrc beside it into `dir`; returns their paths and the pair count. */
export function textlintSetup(rules: Rule[], dir: string) {
  const { yaml, pairs } = prhYaml(rules);
  const yamlPath = join(dir, 'prh.yml');
  writeFileSync(yamlPath, yaml);
  const rc = join(dir, '.textlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: { prh: { rulePaths: [yamlPath] } } }));
  return { yamlPath, rc, pairs };
}

/** The textlint command line on one file of captions, one per line (its fastest way through many). */
export function textlintArgs(root: string, rc: string, file: string): [string, string[]] {
  const textlint = join(root, 'node_modules', '.bin', 'textlint');
  return [textlint, ['--config', rc, '--rules-base-directory', join(root, 'node_modules'), file]];
}

/** Runs a command to its end; wall-clock milliseconds and exit status. */
export function timed(
  command: string,
  args: string[],
  input?: string,
  cwd = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): { ms: number; status: number | null } {
  const started = performance.now();
  const child = spawnSync(command, args, { input, encoding: 'utf8', maxBuffer: 1 << 30, cwd, env });
  const ms = performance.now() - started;
  if (child.error) throw child.error;
  return { ms, status: child.status };
}
