import type { RuleProblem } from './types';

/**
 * Named pattern fragments of a rule file (docs/guidelines.md § Rule kinds): an item
 * `- fragments: {DATE: '…'}` in the file's list defines them once, and `{{DATE}}` inside any pattern
 * of the file's rules (patterns, anyOf, trigger, when and unless) stands for `(?:…)`. YAML anchors
 * cannot be concatenated into a longer pattern; this can. The loaders (library build, the CLI's rule
 * sources) expand them before anything else reads the rules, so the bundle, the compiler, the regex
 * audit and the prefilter's literal reader only ever see whole patterns.
 */

export const FRAGMENT_NAME = /^[A-Z][A-Z0-9_]*$/;
const REFERENCE = /\{\{([^{}]*)\}\}/g;

type Item = Record<string, unknown>;

const isObject = (value: unknown): value is Item =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Is the item the file's fragments entry (its one key is `fragments`)? */
export function isFragmentsItem(item: unknown): item is { fragments: unknown } {
  return isObject(item) && Object.keys(item).length === 1 && 'fragments' in item;
}

/** `{{NAME}}` → `(?:value)`; unknown names are passed to `unknown` and left as written. */
function expand(source: string, fragments: ReadonlyMap<string, string>, unknown: (name: string) => void) {
  return source.replace(REFERENCE, (all, name: string) => {
    const value = fragments.get(name);
    if (value === undefined) {
      unknown(name);
      return all;
    }
    return `(?:${value})`;
  });
}

/** The fragments of a `fragments` item, each expanded with those defined before it. */
function readFragments(value: unknown, where: string, problems: RuleProblem[]): Map<string, string> {
  const fragments = new Map<string, string>();
  if (!isObject(value)) {
    problems.push({ ruleId: where, message: 'fragments: a mapping of NAME: pattern' });
    return fragments;
  }
  for (const [name, source] of Object.entries(value)) {
    if (!FRAGMENT_NAME.test(name)) {
      problems.push({ ruleId: where, message: `fragment ${name}: names are A-Z, 0-9 and _, from a capital` });
      continue;
    }
    if (typeof source !== 'string' || source === '') {
      problems.push({ ruleId: where, message: `fragment ${name}: a non-empty pattern` });
      continue;
    }
    const unknownName = (other: string) =>
      problems.push({
        ruleId: where,
        message: `fragment ${name}: unknown fragment {{${other}}} (a fragment may use those defined above it)`,
      });
    fragments.set(name, expand(source, fragments, unknownName));
  }
  return fragments;
}

/**
 * A rule file's items (the parsed YAML list) without its fragments item, and with every rule's
 * patterns expanded; problems name the rule (by id, else `file[index]`), or `fragments` for the
 * fragments item, and the fragment.
 */
export function expandFragments(
  items: readonly unknown[],
  file: string,
): { rules: unknown[]; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const where = 'fragments';
  const definitions = items.filter(isFragmentsItem);
  if (definitions.length > 1) problems.push({ ruleId: where, message: 'one fragments item per file' });
  const fragments = readFragments(definitions[0]?.fragments ?? {}, where, problems);
  const defined =
    fragments.size > 0
      ? ` (this file defines ${[...fragments.keys()].join(', ')})`
      : ' (this file defines none)';
  const rules = items.filter((item) => !isFragmentsItem(item));
  // Nothing to expand: the file's rules are passed on as they are.
  if (fragments.size === 0 && !JSON.stringify(rules).includes('{{')) return { rules, problems };
  const expanded = rules.map((item, index) => {
    if (!isObject(item)) return item;
    const id = typeof item.id === 'string' ? item.id : `${file}[${index}]`;
    // A list at `path` (`anyOf`, `unless.1.patterns`) with each pattern expanded.
    const list = (path: string, value: unknown[]) =>
      value.map((source, i) =>
        typeof source !== 'string'
          ? source
          : expand(source, fragments, (name) =>
              problems.push({
                ruleId: id,
                message: `${path}.${i}: unknown fragment {{${name}}}${defined}`,
              }),
            ),
      );
    const condition = (path: string, value: unknown) =>
      isObject(value) && Array.isArray(value.patterns)
        ? { ...value, patterns: list(`${path}.patterns`, value.patterns) }
        : value;
    const copy: Item = { ...item };
    for (const key of ['patterns', 'anyOf', 'trigger']) {
      const value = item[key];
      if (Array.isArray(value)) copy[key] = list(key, value);
    }
    if ('when' in item) copy.when = condition('when', item.when);
    if ('unless' in item)
      copy.unless = Array.isArray(item.unless)
        ? item.unless.map((value, k) => condition(`unless.${k}`, value))
        : condition('unless', item.unless);
    return copy;
  });
  return { rules: expanded, problems };
}
