/**
 * Node-only: reads the human-edited rule sources (library/src/guidelines/*.yaml) for `check`, the
 * benchmarks and the tests. It lives beside the CLI, not in lib/guidelines, because the engine is
 * pure (docs/guidelines.md); the extension gets the same rules from the built, signed library.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { type Rule, type RuleProblem, RuleSchema, RuleSetError } from '@/lib/guidelines';
import { expandFragments } from '@/lib/guidelines/fragments';

/** The folder holding package.json, looking up from `start` (defaults to this file's folder). */
export function findRepoRoot(start = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
}

export function defaultRuleSourceDir(root = findRepoRoot()): string {
  return join(root, 'library', 'src', 'guidelines');
}

/** Parses one YAML file (a list of rules); problems name the file and the rule id or position. */
export function parseRuleSource(text: string, file: string): { rules: Rule[]; problems: RuleProblem[] } {
  const rules: Rule[] = [];
  const problems: RuleProblem[] = [];
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    return {
      rules,
      problems: [{ ruleId: file, message: `YAML: ${(error as Error).message.split('\n')[0]}` }],
    };
  }
  if (!Array.isArray(data))
    return { rules, problems: [{ ruleId: file, message: 'expected a YAML list of rules' }] };
  // Pattern fragments are expanded first: everything after sees whole patterns.
  const expanded = expandFragments(data, file);
  for (const problem of expanded.problems)
    problems.push({ ruleId: problem.ruleId, message: `${file}: ${problem.message}` });
  expanded.rules.forEach((item: unknown, index) => {
    const parsed = RuleSchema.safeParse(item);
    if (parsed.success) {
      rules.push(parsed.data);
      return;
    }
    const id =
      typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string'
        ? (item as { id: string }).id
        : `${file}[${index}]`;
    for (const issue of parsed.error.issues) {
      problems.push({
        ruleId: id,
        message: `${file}: ${issue.path.join('.') || '(rule)'}: ${issue.message}`,
      });
    }
  });
  return { rules, problems };
}

/** All rules of library/src/guidelines/*.yaml in file-name order; throws RuleSetError on any problem. */
export function loadRuleSources(dir = defaultRuleSourceDir()): Rule[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort();
  const rules: Rule[] = [];
  const problems: RuleProblem[] = [];
  for (const name of files) {
    const result = parseRuleSource(readFileSync(join(dir, name), 'utf8'), name);
    rules.push(...result.rules);
    problems.push(...result.problems);
  }
  if (problems.length > 0) throw new RuleSetError(problems);
  return rules;
}
