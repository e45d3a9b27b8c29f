/**
 * What compiling a library derives from its pattern sources alone — each pattern's safe rewrite
 * (safe-regex.ts), the sets of literals a match must contain (required-literals.ts, for the batch
 * prefilter) and the prefilter's automata — remembered, so that a process compiling the same
 * patterns again does not redo the analyses (a quarter of a second for the shipped library, and
 * ~0.15 s of a cold batch worker for the automata): the CLI keeps a memo in its cache
 * between runs and hands it to its batch workers (docs/guidelines.md § Batch prefilter). A memo is
 * plain data (maps of strings and typed arrays), so it can be sent to a worker as it is. Pure.
 *
 *   compileRules(rules, { memo, prefilter: buildPrefilter })
 */

import type { AutomatonData } from './prefilter';

export interface CompileMemo {
  /** Pattern source → its safe rewrite. */
  readonly rewrites: Map<string, string>;
  /**
   * Case flag and pattern source (literalsKey) → the sets of literals one of each of which every
   * match contains (required-literals.ts's requiredLiteralSets).
   */
  readonly literals: Map<string, ReadonlyArray<readonly string[]> | null>;
  /**
   * The prefilter's automata (prefilter.ts), by the literals and slots they were built from: the
   * largest part of compiling in a batch worker. Typed arrays, so still plain data for a worker.
   */
  readonly automata?: Map<string, AutomatonData>;
}

export function emptyMemo(): CompileMemo {
  return { rewrites: new Map(), literals: new Map(), automata: new Map() };
}

export function literalsKey(source: string, caseSensitive: boolean): string {
  return `${caseSensitive ? 'u' : 'iu'}/${source}`;
}

/** The value remembered under `key`, else `compute()`'s, remembered. */
export function remembered<V>(map: Map<string, V>, key: string, compute: () => V): V {
  if (map.has(key)) return map.get(key) as V;
  const value = compute();
  map.set(key, value);
  return value;
}

/** How many analyses a memo holds (a memo that grew while compiling is worth saving). */
export function memoSize(memo: CompileMemo): number {
  return memo.rewrites.size + memo.literals.size + (memo.automata?.size ?? 0);
}
