import type { CompiledRule } from './compiled';
import { requiredLiterals } from './required-literals';

/**
 * The batch path's regex prefilter (docs/guidelines.md § Batch prefilter): most library patterns
 * look for words most captions do not contain, and a regex scan costs far more than a glance. Each
 * pattern's required literals (required-literals.ts) go into an Aho–Corasick automaton (one for
 * case-insensitive patterns, run over the lower-cased text, one for case-sensitive patterns, run
 * over the text as written); a pass of each tells which regexes can match at all, and the others
 * are not run.
 * Findings are the same with or without it (a property test holds the two paths together).
 *
 *   compileRules(rules, { prefilter: buildPrefilter })
 *
 * Opt-in: the CLI uses it; the content script leaves it out (its size budget).
 */

export interface Prefilter {
  /** Slot of each regex that has required literals; regexes not in it always run. */
  readonly slotOf: ReadonlyMap<RegExp, number>;
  /** 1 at the slot of every regex that may match `text`. */
  scan(text: string): Uint8Array;
}

/** The library's regexes as compiled, with the sources and case sensitivity they were compiled with. */
function* libraryRegexes(compiled: readonly CompiledRule[]): Generator<[RegExp, string, boolean]> {
  for (const entry of compiled) {
    const { rule } = entry;
    const sources: Array<[RegExp[] | undefined, string[] | undefined, boolean]> = [];
    if (rule.kind === 'pattern') sources.push([entry.regexes, rule.patterns, rule.caseSensitive]);
    if (rule.kind === 'required') {
      sources.push(
        [entry.regexes, rule.anyOf, rule.caseSensitive],
        [entry.trigger, rule.trigger, rule.caseSensitive],
      );
    }
    if ('when' in rule && rule.when)
      sources.push([entry.when?.regexes, rule.when.patterns, rule.when.caseSensitive]);
    if ('unless' in rule && rule.unless) {
      sources.push([entry.unless?.regexes, rule.unless.patterns, rule.unless.caseSensitive]);
    }
    for (const [regexes, patterns, caseSensitive] of sources) {
      // Compiled lists drop nothing when compiling succeeds (a failure rejects the whole set).
      if (!regexes || !patterns || regexes.length !== patterns.length) continue;
      for (let i = 0; i < regexes.length; i++) yield [regexes[i]!, patterns[i]!, caseSensitive];
    }
  }
}

/**
 * A deterministic automaton over UTF-16 code units. States are numbered by their row's offset in
 * `next` (state × width), so a step is one array read: `next[row + class]`; `classOf` maps a code
 * unit to its class (0 for every unit no literal contains). Entering a row with `first[row] >= 0`
 * completes the literals of the regex slots `slots[first[row]] … slots[first[row + 1]]`.
 */
interface Automaton {
  width: number;
  next: Int32Array;
  ascii: Uint16Array;
  classOf: Map<number, number>;
  /** Per row: start of its slots in `slots`, or -1; `stop[row]` is the end. */
  first: Int32Array;
  stop: Int32Array;
  slots: Int32Array;
}

function automaton(literals: Map<string, number[]>): Automaton {
  const classOf = new Map<number, number>();
  for (const literal of literals.keys())
    for (let i = 0; i < literal.length; i++) {
      const c = literal.charCodeAt(i);
      if (!classOf.has(c)) classOf.set(c, classOf.size + 1);
    }
  const width = classOf.size + 1;
  // The trie.
  const children: Array<Map<number, number>> = [new Map()];
  const ends: number[][] = [[]];
  for (const [literal, slots] of literals) {
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const cls = classOf.get(literal.charCodeAt(i))!;
      let child = children[state]!.get(cls);
      if (child === undefined) {
        child = children.length;
        children.push(new Map());
        ends.push([]);
        children[state]!.set(cls, child);
      }
      state = child;
    }
    ends[state]!.push(...slots);
  }
  // Failure links breadth first, folded into a full transition table (of state numbers first).
  const states = children.length;
  const next = new Int32Array(states * width);
  const fail = new Int32Array(states);
  const outSets: Array<Set<number>> = ends.map((slots) => new Set(slots));
  const queue: number[] = [];
  for (const [cls, child] of children[0]!) {
    next[cls] = child;
    queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (const slot of outSets[fail[state]!]!) outSets[state]!.add(slot);
    for (let cls = 1; cls < width; cls++) {
      const child = children[state]!.get(cls);
      if (child === undefined) next[state * width + cls] = next[fail[state]! * width + cls]!;
      else {
        fail[child] = next[fail[state]! * width + cls]!;
        next[state * width + cls] = child;
        queue.push(child);
      }
    }
  }
  for (let k = 0; k < next.length; k++) next[k] = next[k]! * width;
  const first = new Int32Array(states * width).fill(-1);
  const stop = new Int32Array(states * width);
  const slots: number[] = [];
  outSets.forEach((set, state) => {
    if (set.size === 0) return;
    first[state * width] = slots.length;
    slots.push(...set);
    stop[state * width] = slots.length;
  });
  const ascii = new Uint16Array(128);
  for (const [c, cls] of classOf) if (c < 128) ascii[c] = cls;
  return { width, next, ascii, classOf, first, stop, slots: Int32Array.from(slots) };
}

/** One pass of an automaton over `text`, marking the slots of every literal found. */
function mark(machine: Automaton, text: string, possible: Uint8Array) {
  const { next, ascii, classOf, first, stop, slots } = machine;
  let row = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    row = next[row + (c < 128 ? ascii[c]! : (classOf.get(c) ?? 0))]!;
    const from = first[row]!;
    if (from >= 0) for (let k = from, end = stop[row]!; k < end; k++) possible[slots[k]!] = 1;
  }
}

export function buildPrefilter(compiled: readonly CompiledRule[]): Prefilter {
  const slotOf = new Map<RegExp, number>();
  // Literals of case-insensitive patterns (looked for lower-cased) and of case-sensitive ones.
  const folded = new Map<string, number[]>();
  const exact = new Map<string, number[]>();
  for (const [re, source, caseSensitive] of libraryRegexes(compiled)) {
    if (slotOf.has(re)) continue;
    const required = requiredLiterals(source, caseSensitive);
    if (!required) continue;
    const slot = slotOf.size;
    slotOf.set(re, slot);
    const literals = caseSensitive ? exact : folded;
    for (const literal of required) {
      const slots = literals.get(literal);
      if (slots) slots.push(slot);
      else literals.set(literal, [slot]);
    }
  }
  const lowerMachine = folded.size > 0 ? automaton(folded) : undefined;
  const exactMachine = exact.size > 0 ? automaton(exact) : undefined;
  const size = slotOf.size;
  return {
    slotOf,
    scan(text: string): Uint8Array {
      const possible = new Uint8Array(size);
      if (exactMachine) mark(exactMachine, text, possible);
      if (lowerMachine) {
        // Under the i flag "ſ" matches "s"; lower-casing alone would keep it apart.
        let lower = text.toLowerCase();
        if (lower.includes('ſ')) lower = lower.replaceAll('ſ', 's');
        mark(lowerMachine, lower, possible);
      }
      return possible;
    },
  };
}
