/**
 * The literal strings one of which every match of a library pattern must contain, read from the
 * pattern itself (docs/guidelines.md § Batch prefilter): `\b(?:[Mm]enurut|berdasarkan)\s+\p{Lu}`
 * needs "menurut" or "berdasarkan", `\(\d{1,2} tahun\)` needs " tahun)", `[<>]` needs "<" or ">".
 * For a case-insensitive pattern the strings are lower case, to be looked for in the lower-cased
 * text; for a case-sensitive one they are as written ("MSi", "SH"), to be looked for in the text as
 * written (see prefilter.ts). A pattern this reader does not fully understand gets no literals (it
 * always runs): never a wrong "cannot match".
 */

/** What is known about the strings a part of a pattern matches (lower-cased unless case-sensitive). */
interface Info {
  /** Every match is one of these (null: not a small known set). */
  exact: string[] | null;
  /** Every match contains one of these (null: nothing known). */
  any: string[] | null;
  /** Every match starts with one of these ('' among them: nothing known). */
  prefix: string[];
  /** Every match ends with one of these ('' among them: nothing known). */
  suffix: string[];
  /**
   * Further sets every match contains one string of, each of them (from the parts of a sequence:
   * `(?:jangan|jgn)\s+(?:jual|sewakan)` needs one of the first two words and one of the last two).
   */
  all: string[][];
}

const MAX_EXACT = 64;
const MAX_CLASS = 8;
const NOTHING = [''];
const UNKNOWN: Info = { exact: null, any: null, prefix: NOTHING, suffix: NOTHING, all: [] };
const EMPTY: Info = { exact: [''], any: null, prefix: NOTHING, suffix: NOTHING, all: [] };

function literals(list: string[]): Info {
  return { exact: list, any: null, prefix: list, suffix: list, all: [] };
}

class Unsupported extends Error {}

const SPECIAL = new Set([...'\\^$.|?*+()[]{}']);
const QUANTIFIER = new Set([...'?*+{']);

/**
 * What the text is sure to contain wherever a match contains `ch`: the character itself for a
 * case-sensitive pattern (looked for in the text as written), else its lower case (looked for in
 * the lower-cased text).
 */
function literalChar(ch: string, caseSensitive: boolean): string | undefined {
  if (caseSensitive) return ch;
  const code = ch.codePointAt(0)!;
  if (code < 128) return ch.toLowerCase();
  // Non-ASCII letters have case mappings and foldings (ſ matches s under /iu) that lower-casing
  // does not mirror; caseless characters (emoji, typographic quotes) are what they are.
  return ch.toLowerCase() === ch.toUpperCase() ? ch : undefined;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/** Strings every match contains one of, or null. */
function anyOf(info: Info): string[] | null {
  if (info.exact && !info.exact.includes('')) return better(info.exact, info.any);
  return info.any;
}

/** The more selective of two "contains one of" sets: longer shortest string, then fewer strings. */
function better(a: string[] | null, b: string[] | null): string[] | null {
  if (!a) return b;
  if (!b) return a;
  const shortest = (list: string[]) => Math.min(...list.map((s) => s.length));
  const da = shortest(a);
  const db = shortest(b);
  if (da !== db) return da > db ? a : b;
  return a.length <= b.length ? a : b;
}

/** Every x + y, or NOTHING when there would be too many. */
function cross(a: string[], b: string[]): string[] {
  return a.length * b.length <= MAX_EXACT ? unique(a.flatMap((x) => b.map((y) => x + y))) : NOTHING;
}

/** A "contains one of" set only if none of its strings is empty. */
function needed(list: string[]): string[] | null {
  return list.includes('') ? null : list;
}

function concat(a: Info, b: Info): Info {
  const exact = a.exact && b.exact ? cross(a.exact, b.exact) : null;
  const joint = needed(cross(a.suffix, b.prefix));
  const all = [...a.all, ...b.all];
  for (const set of [anyOf(a), anyOf(b), joint]) if (set) all.push(set);
  return {
    exact: exact === NOTHING ? null : exact,
    any: better(better(anyOf(a), anyOf(b)), joint),
    prefix: a.exact ? cross(a.exact, b.prefix) : a.prefix,
    suffix: b.exact ? cross(a.suffix, b.exact) : b.suffix,
    all,
  };
}

/** The union of every list, or NOTHING when one knows nothing or there are too many. */
function union(lists: string[][]): string[] {
  if (lists.some((list) => list.includes(''))) return NOTHING;
  const all = unique(lists.flat());
  return all.length <= MAX_EXACT ? all : NOTHING;
}

function alternation(list: Info[]): Info {
  if (list.length === 1) return list[0]!;
  let exact: string[] | null = null;
  if (list.every((info) => info.exact)) {
    const all = unique(list.flatMap((info) => info.exact!));
    if (all.length <= MAX_EXACT) exact = all;
  }
  const sets = list.map(anyOf);
  const any = sets.every((s) => s !== null) ? unique(sets.flatMap((s) => s!)) : null;
  return {
    exact,
    any,
    prefix: union(list.map((info) => info.prefix)),
    suffix: union(list.map((info) => info.suffix)),
    all: [],
  };
}

function repeat(info: Info, min: number, max: number): Info {
  if (min === 1 && max === 1) return info;
  if (min === 0) {
    return max === 1 && info.exact ? { ...EMPTY, exact: unique([...info.exact, '']) } : UNKNOWN;
  }
  // One or more: starts as the first repetition starts, ends as the last one ends.
  return { exact: null, any: anyOf(info), prefix: info.prefix, suffix: info.suffix, all: info.all };
}

class Reader {
  i = 0;
  constructor(
    readonly source: string,
    readonly caseSensitive: boolean,
  ) {}

  peek(): string | undefined {
    return this.source[this.i];
  }

  /** alternative ('|' alternative)* up to a ')' or the end. */
  alternation(): Info {
    const list = [this.sequence()];
    while (this.peek() === '|') {
      this.i += 1;
      list.push(this.sequence());
    }
    return alternation(list);
  }

  sequence(): Info {
    let info = EMPTY;
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) {
      const run = this.plainRun();
      info = concat(info, run === '' ? this.quantified(this.atom()) : literals([run]));
    }
    return info;
  }

  /**
   * Plain ASCII characters in a row, none of them quantified ("pencabulan"), read at once: one
   * literal instead of one per character keeps reading a long word list fast.
   */
  plainRun(): string {
    let run = '';
    for (;;) {
      const c = this.source.charCodeAt(this.i);
      const plain = c >= 32 && c < 127 && !SPECIAL.has(this.source[this.i]!);
      if (!plain || QUANTIFIER.has(this.source[this.i + 1] ?? ''))
        return this.caseSensitive ? run : run.toLowerCase();
      run += this.source[this.i];
      this.i += 1;
    }
  }

  quantified(atom: Info): Info {
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Number.POSITIVE_INFINITY;
      this.i += 1;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.i));
      if (!m) throw new Unsupported('brace');
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
      this.i += m[0].length;
    } else return atom;
    if (this.peek() === '?') this.i += 1;
    return repeat(atom, min, max);
  }

  atom(): Info {
    const c = this.peek()!;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape(false).info;
    this.i += c.length;
    if (c === '^' || c === '$') return EMPTY;
    if (c === '.') return UNKNOWN;
    const cp = String.fromCodePoint(this.source.codePointAt(this.i - 1)!);
    if (cp.length === 2) this.i += 1;
    const ch = literalChar(cp, this.caseSensitive);
    return ch === undefined ? UNKNOWN : literals([ch]);
  }

  group(): Info {
    const rest = this.source.slice(this.i, this.i + 4);
    const look = /^\((?:\?[=!]|\?<[=!])/.exec(rest);
    const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(this.source.slice(this.i));
    if (look) this.i += look[0].length;
    else if (rest.startsWith('(?:')) this.i += 3;
    else if (named) this.i += named[0].length;
    else if (rest.startsWith('(?')) throw new Unsupported('group');
    else this.i += 1;
    const inner = this.alternation();
    if (this.peek() !== ')') throw new Unsupported('unclosed group');
    this.i += 1;
    // A look-around consumes nothing; what it looks at need not be inside the match.
    return look ? EMPTY : inner;
  }

  /** An escape; `chars` is the one character it stands for, when it is one. */
  escape(inClass: boolean): { info: Info; chars?: string } {
    const n = this.source[this.i + 1];
    if (n === undefined) throw new Unsupported('lone backslash');
    const braced = /^\\[pPu]\{[^}]*\}/.exec(this.source.slice(this.i));
    if (braced) {
      this.i += braced[0].length;
      if (n !== 'u') return { info: UNKNOWN };
      return this.literal(String.fromCodePoint(Number.parseInt(braced[0].slice(3, -1), 16)));
    }
    const hex = /^\\(?:u([0-9A-Fa-f]{4})|x([0-9A-Fa-f]{2}))/.exec(this.source.slice(this.i));
    if (hex) {
      this.i += hex[0].length;
      return this.literal(String.fromCharCode(Number.parseInt(hex[1] ?? hex[2]!, 16)));
    }
    this.i += 2;
    if (n === 'b' || n === 'B') {
      if (inClass) throw new Unsupported('\\b in a class');
      return { info: EMPTY };
    }
    const control: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };
    if (control[n] !== undefined) return this.literal(control[n]);
    if (/[A-Za-z0-9]/.test(n)) return { info: UNKNOWN };
    return this.literal(n);
  }

  literal(ch: string): { info: Info; chars?: string } {
    const lower = literalChar(ch, this.caseSensitive);
    return lower === undefined ? { info: UNKNOWN } : { info: literals([lower]), chars: lower };
  }

  /** `[...]`: a small set of known characters (`[Ss]`, `[ai]`, `[<>]`), else unknown. */
  charClass(): Info {
    this.i += 1;
    const negated = this.peek() === '^';
    if (negated) this.i += 1;
    const chars = new Set<string>();
    let known = !negated;
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw new Unsupported('unclosed class');
      if (c === ']' && !first) {
        this.i += 1;
        break;
      }
      first = false;
      let item: string | undefined;
      /** The item's own code point, for ranges (undefined for an escape). */
      let raw: number | undefined;
      if (c === '\\') item = this.escape(true).chars;
      else {
        raw = this.source.codePointAt(this.i)!;
        this.i += String.fromCodePoint(raw).length;
        item = literalChar(String.fromCodePoint(raw), this.caseSensitive);
      }
      // A range: known only when short, between plain characters, and made of known characters.
      if (this.peek() === '-' && this.source[this.i + 1] !== ']') {
        this.i += 1;
        let end: number | undefined;
        if (this.peek() === '\\') this.escape(true);
        else {
          end = this.source.codePointAt(this.i)!;
          this.i += String.fromCodePoint(end).length;
        }
        if (raw === undefined || end === undefined || end - raw > MAX_CLASS) known = false;
        for (let k = raw ?? 0; known && k <= end!; k++) {
          const ch = literalChar(String.fromCodePoint(k), this.caseSensitive);
          if (ch === undefined) known = false;
          else chars.add(ch);
        }
        continue;
      }
      if (item === undefined) known = false;
      else chars.add(item);
    }
    if (!known || chars.size === 0 || chars.size > MAX_CLASS) return UNKNOWN;
    return literals([...chars]);
  }
}

/**
 * Strings one of which every match of `source` contains (lower case unless `caseSensitive`), or
 * undefined when the pattern needs none (it can match without a known literal) or uses syntax this
 * reader does not know.
 */
export function requiredLiterals(source: string, caseSensitive = false): string[] | undefined {
  const info = read(source, caseSensitive);
  return info && literalsOf(info);
}

function literalsOf(info: Info): string[] | undefined {
  return minimal(better(better(anyOf(info), needed(info.prefix)), needed(info.suffix)));
}

/** The pattern's analysis, or undefined when the reader does not know its syntax. */
function read(source: string, caseSensitive: boolean): Info | undefined {
  try {
    const reader = new Reader(source, caseSensitive);
    const info = reader.alternation();
    return reader.i === source.length ? info : undefined;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** A "contains one of" set without the strings that contain another one of it, or undefined. */
function minimal(any: string[] | null): string[] | undefined {
  if (!any || any.length === 0 || any.some((s) => s === '')) return undefined;
  // A string that contains another one of the set adds nothing ("https://bit.ly/" and "bit.ly/").
  const shortestFirst = [...any].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const s of shortestFirst) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept;
}

/** At most this many sets per pattern: each costs the prefilter a check per text. */
const MAX_SETS = 3;

/**
 * Sets of strings such that every match of `source` contains one string of each set (the batch
 * prefilter's sharper test: a pattern whose first word is common but whose second is rare no longer
 * runs on every text with the first), the most selective first (the longest shortest string, then
 * the fewest strings); the first is requiredLiterals' set whenever there is one. Undefined when
 * nothing is known. A set another one implies (every string of the other contains one of its
 * strings) is left out.
 */
export function requiredLiteralSets(source: string, caseSensitive = false): string[][] | undefined {
  const info = read(source, caseSensitive);
  if (!info) return undefined;
  const first = literalsOf(info);
  const sets: string[][] = [];
  for (const candidate of [anyOf(info), needed(info.prefix), needed(info.suffix), ...info.all]) {
    const set = minimal(candidate);
    if (set) sets.push(set);
  }
  const shortest = (set: string[]) => Math.min(...set.map((s) => s.length));
  sets.sort((a, b) => shortest(b) - shortest(a) || a.length - b.length);
  const implies = (a: string[], b: string[]) => a.every((s) => b.some((t) => s.includes(t)));
  const kept: string[][] = first ? [first] : [];
  for (const set of sets) {
    if (kept.length >= MAX_SETS) break;
    if (!kept.some((k) => implies(k, set))) kept.push(set);
  }
  return kept.length > 0 ? kept : undefined;
}
