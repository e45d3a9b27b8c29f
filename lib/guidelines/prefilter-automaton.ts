/**
 * The regex prefilter's automaton (prefilter.ts): its layout, how it is built from the literals and
 * how one pass over a text marks what it finds. Pure data and loops, shared by the page and `check`.
 */

/**
 * An Aho–Corasick automaton over UTF-16 code units, kept compact: `classOf` maps a code unit to its
 * class (0 for every unit no literal contains, which sends the scan back to the root). The states
 * near the root and those with many children have a complete row in `table` from `row[state]`
 * (-1 for the others): the next state for every class, failures included. The others list their
 * children in `edgeClass`/`edgeTo` from `edgeStart[state]` to `edgeStart[state + 1]`, and a
 * missing child follows the failure link `fail`.
 * Reaching a state with `first[state] >= 0` completes the literals of the regex slots
 * `slots[first[state]] … slots[stop[state]]`; the literals that end there as suffixes are those of
 * `out[state]`, the nearest state on the failure chain with literals of its own (-1: none), and so
 * on. (A full transition table over all states and classes took ~28 MB and 60-200 ms to build for
 * the shipped library, in every process and worker; copying each state's suffix literals into its
 * own list took 86,000 entries and most of a scan's time in marking them again and again.)
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
  out: Int32Array;
  first: Int32Array;
  stop: Int32Array;
  slots: Int32Array;
}

/** An automaton as plain data (a compile memo's, compile-memo.ts): its class map as pairs. */
export type AutomatonData = Omit<Automaton, 'classOf'> & { classOf: Array<[number, number]> };

/** States this close to the root, or with this many children, get a complete row. */
const DENSE_DEPTH = 2;
const DENSE_CHILDREN = 6;

export function automaton(literals: Map<string, number[]>): Automaton {
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
  // Failure links breadth first, and from them each state's link to the nearest state on its
  // failure chain that ends literals of its own (its failure state's come earlier breadth first).
  const states = firstChild.length;
  const fail = new Int32Array(states);
  const out = new Int32Array(states).fill(-1);
  const queue: number[] = [];
  for (let child = firstChild[0]!; child >= 0; child = sibling[child]!) queue.push(child);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const f = fail[state]!;
    if (f !== 0) out[state] = ends[f] ? f : out[f]!;
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
  ends.forEach((list, state) => {
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
    out,
    first,
    stop,
    slots: Int32Array.from(slots),
  };
}

/**
 * One pass of an automaton over `text`, marking the slots of every literal found. A state whose
 * literals were marked in this pass has `seen[state] === 1` (all 0 before the pass), and then so
 * have all those down its `out` chain: each literal's slots are marked once per text, however often
 * it occurs.
 */
export function mark(machine: Automaton, text: string, possible: Uint8Array, seen: Uint8Array) {
  const { ascii, classOf, row, table, edgeStart, edgeClass, edgeTo, fail, out, first, stop, slots } = machine;
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
    for (let s = first[state]! >= 0 ? state : out[state]!; s >= 0 && seen[s] === 0; s = out[s]!) {
      seen[s] = 1;
      for (let k = first[s]!, end = stop[s]!; k < end; k++) possible[slots[k]!] = 1;
    }
  }
}
