import { type CompileMemo, literalsKey, remembered } from './compile-memo';
import type { CompiledRule } from './compiled';
import { requiredLiteralSets, requiredLiterals } from './required-literals';
import type { Rule } from './schema';

/**
 * The regex prefilter (docs/guidelines.md § Batch prefilter): most library patterns look for words
 * most captions do not contain, and a regex scan costs far more than a glance. Each pattern's
 * required literals (required-literals.ts) go into an Aho–Corasick automaton (one for
 * case-insensitive patterns, run over the lower-cased text, one for case-sensitive patterns, run
 * over the text as written); a pass of each tells which regexes can match at all, and the others
 * are not run. The batch path asks more of a pattern: one literal of each of its sets of required
 * literals (`(?:jangan|jgn)\s+(?:jual|sewakan)` needs both a first and a second word).
 * Findings are the same with or without it (a property test holds the two paths together).
 *
 *   compileRules(rules, { prefilter: buildPrefilter })                      // the CLI
 *   compileRules(rules, { prefilter: (c) => prefilterFrom(c, known(table)) })  // the page
 *
 * The page does not read patterns itself (the reader is the size of its budget's margin): the
 * background reads them once per library (`patternLiterals`) and the page builds its automaton from
 * that table. A pattern missing from the table simply always runs.
 */

export interface Prefilter {
  /** Slot of each regex that has required literals; regexes not in it always run. */
  readonly slotOf: ReadonlyMap<RegExp, number>;
  /** 1 at the slot of every regex that may match `text`. */
  scan(text: string): Uint8Array;
}

/** The literals one of which every match of a pattern contains, or null/undefined when unknown. */
export type LiteralsOf = (source: string, caseSensitive: boolean) => readonly string[] | null | undefined;

/** Sets of literals, one of each of which every match contains (requiredLiteralSets). */
type LiteralSetsOf = (
  source: string,
  caseSensitive: boolean,
) => ReadonlyArray<readonly string[]> | null | undefined;

/** Required literals by literalsKey (compile-memo.ts): plain data, sent from the background to the page. */
export type LiteralsTable = ReadonlyArray<readonly [string, readonly string[] | null]>;

type SourceList = [string[] | undefined, boolean];

/** Each list of pattern sources of a rule, with its case sensitivity, in the order compiling keeps. */
function sourceLists(rule: Rule): Array<[SourceList, 'regexes' | 'trigger' | 'when' | 'unless']> {
  const lists: Array<[SourceList, 'regexes' | 'trigger' | 'when' | 'unless']> = [];
  if (rule.kind === 'pattern') lists.push([[rule.patterns, rule.caseSensitive], 'regexes']);
  if (rule.kind === 'required') {
    lists.push(
      [[rule.anyOf, rule.caseSensitive], 'regexes'],
      [[rule.trigger, rule.caseSensitive], 'trigger'],
    );
  }
  if ('when' in rule && rule.when) lists.push([[rule.when.patterns, rule.when.caseSensitive], 'when']);
  if ('unless' in rule && rule.unless)
    lists.push([[rule.unless.patterns, rule.unless.caseSensitive], 'unless']);
  return lists;
}

/** Every library pattern's required literals, read once (the background, for the page). */
export function literalsTable(rules: readonly Rule[]): LiteralsTable {
  const table = new Map<string, readonly string[] | null>();
  for (const rule of rules)
    for (const [[patterns, caseSensitive]] of sourceLists(rule))
      for (const source of patterns ?? [])
        remembered(
          table,
          literalsKey(source, caseSensitive),
          () => requiredLiterals(source, caseSensitive) ?? null,
        );
  return [...table];
}

/** Looks literals up in a table from literalsTable; unknown patterns always run. */
export function known(table: LiteralsTable): LiteralsOf {
  const map = new Map(table);
  return (source, caseSensitive) => map.get(literalsKey(source, caseSensitive));
}

/** The library's regexes as compiled, with the sources and case sensitivity they were compiled with. */
function* libraryRegexes(compiled: readonly CompiledRule[]): Generator<[RegExp, string, boolean]> {
  for (const entry of compiled) {
    for (const [[patterns, caseSensitive], field] of sourceLists(entry.rule)) {
      const regexes = field === 'regexes' || field === 'trigger' ? entry[field] : entry[field]?.regexes;
      // Compiled lists drop nothing when compiling succeeds (a failure rejects the whole set).
      if (!regexes || !patterns || regexes.length !== patterns.length) continue;
      for (let i = 0; i < regexes.length; i++) yield [regexes[i]!, patterns[i]!, caseSensitive];
    }
  }
}

/**
 * An Aho–Corasick automaton over UTF-16 code units, kept compact: `classOf` maps a code unit to its
 * class (0 for every unit no literal contains, which sends the scan back to the root). The states
 * near the root and those with many children have a complete row in `table` from `row[state]`
 * (-1 for the others): the next state for every class, failures included. The others list their
 * children in `edgeClass`/`edgeTo` from `edgeStart[state]` to `edgeStart[state + 1]`, and a
 * missing child follows the failure link `fail`.
 * Reaching a state with `first[state] >= 0` completes the literals of the regex slots
 * `slots[first[state]] … slots[stop[state]]`. (A full transition table over all states and classes
 * took ~28 MB and 60-200 ms to build for the shipped library, in every process and worker.)
 */
export interface Automaton {
  width: number;
  ascii: Uint16Array;
  classOf: Map<number, number>;
  row: Int32Array;
  table: Int32Array;
  edgeStart: Int32Array;
  edgeClass: Int32Array;
  edgeTo: Int32Array;
  fail: Int32Array;
  first: Int32Array;
  stop: Int32Array;
  slots: Int32Array;
}

/** An automaton as plain data (a compile memo's, compile-memo.ts): its class map as pairs. */
export type AutomatonData = Omit<Automaton, 'classOf'> & { classOf: Array<[number, number]> };

const toData = (machine: Automaton): AutomatonData => ({ ...machine, classOf: [...machine.classOf] });
const fromData = (data: AutomatonData): Automaton => ({ ...data, classOf: new Map(data.classOf) });

/**
 * The automaton of `literals`, from the memo when it holds one built from the very same literals
 * and slots (the key spells them all out), else built and remembered there.
 */
function rememberedAutomaton(literals: Map<string, number[]>, memo: CompileMemo | undefined): Automaton {
  if (!memo?.automata) return automaton(literals);
  let key = '';
  for (const [literal, slots] of literals) key += `${literal}\u0000${slots.join(',')}\u0001`;
  const known = memo.automata.get(key);
  if (known) return fromData(known);
  const built = automaton(literals);
  memo.automata.set(key, toData(built));
  return built;
}

/** States this close to the root, or with this many children, get a complete row. */
const DENSE_DEPTH = 2;
const DENSE_CHILDREN = 6;

function automaton(literals: Map<string, number[]>): Automaton {
  const classOf = new Map<number, number>();
  for (const literal of literals.keys())
    for (let i = 0; i < literal.length; i++) {
      const c = literal.charCodeAt(i);
      if (!classOf.has(c)) classOf.set(c, classOf.size + 1);
    }
  const width = classOf.size + 1;
  // The trie: one map from state × width + class to the child (a map per state cost more than the
  // rest of the build), and each state's children as a linked list for the walks below.
  const edges = new Map<number, number>();
  const firstChild: number[] = [-1];
  const sibling: number[] = [-1];
  const classOfState: number[] = [0];
  const childCount: number[] = [0];
  const ends: Array<number[] | undefined> = [undefined];
  for (const [literal, slots] of literals) {
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const cls = classOf.get(literal.charCodeAt(i))!;
      let child = edges.get(state * width + cls);
      if (child === undefined) {
        child = firstChild.length;
        edges.set(state * width + cls, child);
        firstChild.push(-1);
        sibling.push(firstChild[state]!);
        classOfState.push(cls);
        childCount.push(0);
        ends.push(undefined);
        firstChild[state] = child;
        childCount[state]! += 1;
      }
      state = child;
    }
    ends[state] = [...(ends[state] ?? []), ...slots];
  }
  // Failure links breadth first; each state's outputs include those of its failure state (listed
  // again rather than merged: a slot marked twice is still marked once).
  const states = firstChild.length;
  const fail = new Int32Array(states);
  const outputs: Array<number[] | undefined> = ends;
  const queue: number[] = [];
  for (let child = firstChild[0]!; child >= 0; child = sibling[child]!) queue.push(child);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const inherited = outputs[fail[state]!];
    if (inherited) outputs[state] = [...(outputs[state] ?? []), ...inherited];
    for (let child = firstChild[state]!; child >= 0; child = sibling[child]!) {
      const cls = classOfState[child]!;
      let f = fail[state]!;
      let target = edges.get(f * width + cls);
      while (target === undefined && f !== 0) {
        f = fail[f]!;
        target = edges.get(f * width + cls);
      }
      fail[child] = target ?? 0;
      queue.push(child);
    }
  }
  // Complete rows (every class, failures folded in) for the states near the root, where a scan
  // spends most of its time, and for those with many children; edge lists for the rest.
  const depth = new Int32Array(states);
  for (const state of queue)
    for (let child = firstChild[state]!; child >= 0; child = sibling[child]!)
      depth[child] = depth[state]! + 1;
  const row = new Int32Array(states).fill(-1);
  let dense = 0;
  for (let state = 0; state < states; state++)
    if (depth[state]! <= DENSE_DEPTH || childCount[state]! >= DENSE_CHILDREN) row[state] = dense++ * width;
  const table = new Int32Array(dense * width);
  const edgeStart = new Int32Array(states + 1);
  const edgeClass: number[] = [];
  const edgeTo: number[] = [];
  const step = (from: number, cls: number): number => {
    for (let f = from; ; f = fail[f]!) {
      const base = row[f]!;
      // A complete row's failure state comes earlier breadth first, so its row is already filled.
      if (base >= 0 && f !== from) return table[base + cls]!;
      const target = edges.get(f * width + cls);
      if (target !== undefined) return target;
      if (f === 0) return 0;
    }
  };
  for (const state of [0, ...queue]) {
    const base = row[state]!;
    if (base < 0) continue;
    const failBase = row[fail[state]!]!;
    if (state !== 0 && failBase >= 0) {
      // A missing child goes where the failure state goes: its row, with this state's children.
      table.copyWithin(base, failBase, failBase + width);
      for (let child = firstChild[state]!; child >= 0; child = sibling[child]!)
        table[base + classOfState[child]!] = child;
    } else for (let cls = 1; cls < width; cls++) table[base + cls] = step(state, cls);
  }
  for (let state = 0; state < states; state++) {
    edgeStart[state] = edgeClass.length;
    if (row[state]! >= 0) continue;
    for (let child = firstChild[state]!; child >= 0; child = sibling[child]!) {
      edgeClass.push(classOfState[child]!);
      edgeTo.push(child);
    }
  }
  edgeStart[states] = edgeClass.length;
  const first = new Int32Array(states).fill(-1);
  const stop = new Int32Array(states);
  const slots: number[] = [];
  outputs.forEach((list, state) => {
    if (!list || list.length === 0) return;
    first[state] = slots.length;
    for (const slot of list) slots.push(slot);
    stop[state] = slots.length;
  });
  const ascii = new Uint16Array(128);
  for (const [c, cls] of classOf) if (c < 128) ascii[c] = cls;
  return {
    width,
    ascii,
    classOf,
    row,
    table,
    edgeStart,
    edgeClass: Int32Array.from(edgeClass),
    edgeTo: Int32Array.from(edgeTo),
    fail,
    first,
    stop,
    slots: Int32Array.from(slots),
  };
}

/** One pass of an automaton over `text`, marking the slots of every literal found. */
function mark(machine: Automaton, text: string, possible: Uint8Array) {
  const { ascii, classOf, row, table, edgeStart, edgeClass, edgeTo, fail, first, stop, slots } = machine;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const cls = c < 128 ? ascii[c]! : (classOf.get(c) ?? 0);
    if (cls === 0) {
      state = 0;
      continue;
    }
    for (;;) {
      const base = row[state]!;
      if (base >= 0) {
        state = table[base + cls]!;
        break;
      }
      let next = -1;
      for (let k = edgeStart[state]!, end = edgeStart[state + 1]!; k < end; k++)
        if (edgeClass[k] === cls) {
          next = edgeTo[k]!;
          break;
        }
      if (next >= 0) {
        state = next;
        break;
      }
      // The root's row is complete, so the failure chain ends at a complete row.
      state = fail[state]!;
    }
    const from = first[state]!;
    if (from >= 0) for (let k = from, end = stop[state]!; k < end; k++) possible[slots[k]!] = 1;
  }
}

/** The batch path's prefilter; `memo`: analyses of an earlier compile (compile-memo.ts), used and added to. */
export function buildPrefilter(compiled: readonly CompiledRule[], memo?: CompileMemo): Prefilter {
  const setsOf: LiteralSetsOf = memo
    ? (source, caseSensitive) =>
        remembered(
          memo.literals,
          literalsKey(source, caseSensitive),
          () => requiredLiteralSets(source, caseSensitive) ?? null,
        )
    : requiredLiteralSets;
  return prefilterOfSets(compiled, setsOf, (literals) => rememberedAutomaton(literals, memo));
}

/** The page's prefilter: of compiled rules whose patterns' literals `literalsOf` knows, one set each. */
export function prefilterFrom(compiled: readonly CompiledRule[], literalsOf: LiteralsOf): Prefilter {
  const setsOf: LiteralSetsOf = (source, caseSensitive) => {
    const literals = literalsOf(source, caseSensitive);
    return literals && [literals];
  };
  return prefilterOfSets(compiled, setsOf);
}

/**
 * The automata mark sets (one per required set of each regex); a regex may match when every one of
 * its sets is marked: the regex at `slot` has the sets `setStart[slot]` to `setStart[slot + 1] - 1`.
 * `build` makes an automaton (buildPrefilter's also takes it from a memo, code the page does not carry).
 */
function prefilterOfSets(
  compiled: readonly CompiledRule[],
  setsOf: LiteralSetsOf,
  build: (literals: Map<string, number[]>) => Automaton = automaton,
): Prefilter {
  const slotOf = new Map<RegExp, number>();
  // Literals of case-insensitive patterns (looked for lower-cased) and of case-sensitive ones.
  const folded = new Map<string, number[]>();
  const exact = new Map<string, number[]>();
  const starts: number[] = [];
  let sets = 0;
  for (const [re, source, caseSensitive] of libraryRegexes(compiled)) {
    if (slotOf.has(re)) continue;
    const required = setsOf(source, caseSensitive);
    if (!required || required.length === 0) continue;
    slotOf.set(re, slotOf.size);
    starts.push(sets);
    const literals = caseSensitive ? exact : folded;
    // Set ids run on from regex to regex: with one set per regex, a set's id is its regex's slot.
    for (const set of required) {
      const id = sets++;
      for (const literal of set) {
        const ids = literals.get(literal);
        if (ids) ids.push(id);
        else literals.set(literal, [id]);
      }
    }
  }
  starts.push(sets);
  const setStart = Int32Array.from(starts);
  const lowerMachine = folded.size > 0 ? build(folded) : undefined;
  const exactMachine = exact.size > 0 ? build(exact) : undefined;
  const size = slotOf.size;
  return {
    slotOf,
    scan(text: string): Uint8Array {
      const marked = new Uint8Array(sets);
      if (exactMachine) mark(exactMachine, text, marked);
      if (lowerMachine) {
        // Under the i flag "ſ" matches "s"; lower-casing alone would keep it apart.
        let lower = text.toLowerCase();
        if (lower.includes('ſ')) lower = lower.replaceAll('ſ', 's');
        mark(lowerMachine, lower, marked);
      }
      if (sets === size) return marked;
      const possible = new Uint8Array(size);
      for (let slot = 0; slot < size; slot++) {
        let all = 1;
        for (let k = setStart[slot]!, end = setStart[slot + 1]!; all && k < end; k++) all = marked[k]!;
        possible[slot] = all;
      }
      return possible;
    },
  };
}
