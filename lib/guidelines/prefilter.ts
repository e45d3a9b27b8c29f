import { type CompileMemo, literalsKey, remembered } from './compile-memo';
import { type CompiledRule, unlessConditions } from './compiled';
import type { LibraryRegex } from './library-regex';
import { type Automaton, type AutomatonData, automaton, mark } from './prefilter-automaton';
import { requiredLiteralSets, requiredLiterals } from './required-literals';
import type { Rule } from './schema';

export type { Automaton, AutomatonData } from './prefilter-automaton';

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
  readonly slotOf: ReadonlyMap<LibraryRegex, number>;
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

/** Each list of pattern sources of a rule, with its case sensitivity. */
function sourceLists(rule: Rule): SourceList[] {
  const lists: SourceList[] = [];
  if (rule.kind === 'pattern') lists.push([rule.patterns, rule.caseSensitive]);
  if (rule.kind === 'required')
    lists.push([rule.anyOf, rule.caseSensitive], [rule.trigger, rule.caseSensitive]);
  if ('when' in rule && rule.when) lists.push([rule.when.patterns, rule.when.caseSensitive]);
  for (const unless of unlessConditions(rule)) lists.push([unless.patterns, unless.caseSensitive]);
  return lists;
}

/** Every library pattern's required literals, read once (the background, for the page). */
export function literalsTable(rules: readonly Rule[]): LiteralsTable {
  const table = new Map<string, readonly string[] | null>();
  for (const rule of rules)
    for (const [patterns, caseSensitive] of sourceLists(rule))
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

/** The library's regexes as compiled (a repetition rule's own regex is not one). */
function* libraryRegexes(compiled: readonly CompiledRule[]): Generator<LibraryRegex> {
  for (const entry of compiled) {
    const { kind } = entry.rule;
    if (kind === 'pattern' || kind === 'required') yield* entry.regexes;
    if (entry.trigger) yield* entry.trigger;
    if (entry.when) yield* entry.when.regexes;
    for (const condition of entry.unless ?? []) yield* condition.regexes;
  }
}

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
  const slotOf = new Map<LibraryRegex, number>();
  // Literals of case-insensitive patterns (looked for lower-cased) and of case-sensitive ones.
  const folded = new Map<string, number[]>();
  const exact = new Map<string, number[]>();
  const starts: number[] = [];
  let sets = 0;
  for (const re of libraryRegexes(compiled)) {
    if (slotOf.has(re)) continue;
    const { source, caseSensitive } = re;
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
  // Per automaton, the states whose literals a pass has marked (mark's `seen`), reused.
  const lowerSeen = new Uint8Array(lowerMachine?.fail.length ?? 0);
  const exactSeen = new Uint8Array(exactMachine?.fail.length ?? 0);
  return {
    slotOf,
    scan(text: string): Uint8Array {
      const marked = new Uint8Array(sets);
      lowerSeen.fill(0);
      exactSeen.fill(0);
      if (exactMachine) mark(exactMachine, text, marked, exactSeen);
      if (lowerMachine) {
        // Under the i flag "ſ" matches "s"; lower-casing alone would keep it apart.
        let lower = text.toLowerCase();
        if (lower.includes('ſ')) lower = lower.replaceAll('ſ', 's');
        mark(lowerMachine, lower, marked, lowerSeen);
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
