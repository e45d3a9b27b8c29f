import { REGEX_WORD_CLASS as WORD_CLASS } from './text-utils';

/**
 * Library regexes are untrusted input (a signed bundle can still carry a careless pattern), so
 * before compiling one we (1) reject constructs that can backtrack catastrophically and
 * (2) rewrite `\b`, `\B`, `\w`, `\W` into Unicode-aware forms.
 *
 * Rejected: backreferences (`\1`, `\k<name>`); a group repeated more than once (`*`, `+`, `{2,}`,
 * `{n,m}` with m > 1) that itself contains a repeating quantifier — `(a+)+`, `(\s+\w+){0,3}`;
 * an unbounded repeat of a group with alternatives — `(a|ab)*`. Bounded optional groups such as
 * `(?:[\s.-]?\d){6,11}` (inner quantifier at most once) are fine.
 */
export class UnsafePatternError extends Error {}

const WORD = `[${WORD_CLASS}]`;

/**
 * `\\p{L}`, `\\p{Lu}` and `\\p{Ll}` are narrowed to the Latin script (with its diacritics), like `\\w`:
 * V8 tests the full Unicode classes ~15× slower at every position, and library patterns such as
 * "a capitalised name followed by (age)" run on every keystroke. Indonesian is written in Latin.
 */
const LATIN_CLASSES: Record<string, string> = {
  L: 'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF',
  Letter: 'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF',
  Lu: 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE',
  Ll: 'a-z\\u00DF-\\u00F6\\u00F8-\\u00FF',
};
const NOT_WORD = `[^${WORD_CLASS}]`;
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
const NOT_BOUNDARY = `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`;

interface Frame {
  /** Contains a quantifier that can repeat more than once. */
  repeats: boolean;
  alternation: boolean;
  /** Every alternative so far ends with a character that is certainly a word character. */
  endsWord: boolean;
  /** A look-around consumes nothing: the "previous character" after it is the one before it. */
  lookaround: boolean;
  before: boolean;
}

/** Reads a quantifier at `i`; returns its minimum and maximum count and its length, or null. */
function readQuantifier(source: string, i: number): { min: number; max: number; length: number } | null {
  const c = source[i];
  let length = 0;
  let min = 0;
  let max = 0;
  if (c === '*' || c === '+') {
    min = c === '+' ? 1 : 0;
    max = Number.POSITIVE_INFINITY;
    length = 1;
  } else if (c === '?') {
    max = 1;
    length = 1;
  } else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!m) return null;
    min = Number(m[1]);
    max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
    length = m[0].length;
  } else {
    return null;
  }
  if (source[i + length] === '?') length += 1; // lazy
  return { min, max, length };
}

const WORD_LITERAL = /^[\p{L}\p{N}_]$/u;
const WORD_ESCAPE = /^\\(?:d|w|p\{(?:L[a-z]?|N[a-z]?|Letter|Number)\})$/;

/** End (exclusive) of the group or class opening at `i`, skipping escapes and nested classes. */
function closingIndex(source: string, i: number): number {
  let depth = 0;
  let inClass = source[i] === '[';
  if (inClass) {
    for (let k = i + 1; k < source.length; k++) {
      if (source[k] === '\\') k += 1;
      else if (source[k] === ']' && k > i + 1) return k + 1;
    }
    return -1;
  }
  for (let k = i; k < source.length; k++) {
    const c = source[k];
    if (c === '\\') k += 1;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth += 1;
    else if (c === ')' && --depth === 0) return k + 1;
  }
  return -1;
}

/** Is the character class `[...]` (without brackets) made only of word characters? */
function classIsWord(body: string): boolean {
  if (body.startsWith('^') || body === '') return false;
  const items = body.match(/\\p\{[^}]*\}|\\.|[^\\]/gu) ?? [];
  return items.every((item) => item === '-' || WORD_LITERAL.test(item) || WORD_ESCAPE.test(item));
}

/** Does the atom at `i` certainly consume a word character (so `\b` before it only looks back)? */
function startsWithWord(source: string, i: number, depth = 0): boolean {
  if (depth > 4 || i >= source.length) return false;
  const c = source[i]!;
  let end: number;
  let word: boolean;
  if (c === '\\') {
    const braced = source[i + 1] === 'p' && source[i + 2] === '{' ? source.indexOf('}', i) + 1 : i + 2;
    end = braced;
    word = WORD_ESCAPE.test(source.slice(i, end));
  } else if (c === '[') {
    end = closingIndex(source, i);
    word = end > 0 && classIsWord(source.slice(i + 1, end - 1));
  } else if (c === '(') {
    end = closingIndex(source, i);
    if (end < 0 || /^\((?:\?[=!]|\?<[=!])/.test(source.slice(i, i + 4))) return false;
    const prefix = /^\((?:\?:|\?<[A-Za-z_]\w*>)?/.exec(source.slice(i))![0].length;
    const body = source.slice(i + prefix, end - 1);
    word = topLevelAlternatives(body).every((alt) => startsWithWord(alt, 0, depth + 1));
  } else {
    const cp = String.fromCodePoint(source.codePointAt(i)!);
    end = i + cp.length;
    word = WORD_LITERAL.test(cp);
  }
  if (!word) return false;
  const q = readQuantifier(source, end);
  return !q || q.min > 0;
}

/** Checks and rewrites one library pattern; throws UnsafePatternError with a human reason. */
export function toSafeUnicodePattern(source: string): string {
  let out = '';
  let inClass = false;
  let classStart = 0;
  const frame = (lookaround = false, before = false): Frame => ({
    repeats: false,
    alternation: false,
    endsWord: true,
    lookaround,
    before,
  });
  const stack: Frame[] = [frame()];
  /** The last atom certainly ended with a word character (for `\b` after it). */
  let lastWord = false;
  const quantified = (i: number): number => {
    const q = readQuantifier(source, i);
    if (!q) return i;
    if (q.max > 1) stack[stack.length - 1]!.repeats = true;
    if (q.min === 0) lastWord = false;
    out += source.slice(i, i + q.length);
    return i + q.length;
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      const n = source[i + 1];
      if (n === undefined) throw new UnsafePatternError('pattern ends with a lone backslash');
      if (/[1-9]/.test(n) || (n === 'k' && source[i + 2] === '<')) {
        throw new UnsafePatternError('backreferences are not allowed');
      }
      let atom: string;
      let consumed = 2;
      let assertion = false;
      if ((n === 'p' || n === 'P' || n === 'u') && source[i + 2] === '{') {
        const close = source.indexOf('}', i + 3);
        if (close < 0) throw new UnsafePatternError('unterminated \\p{...} or \\u{...}');
        const latin = n === 'p' ? LATIN_CLASSES[source.slice(i + 3, close)] : undefined;
        atom = latin === undefined ? source.slice(i, close + 1) : inClass ? latin : `[${latin}]`;
        consumed = close + 1 - i;
      } else if (n === 'w') atom = inClass ? WORD_CLASS : WORD;
      else if (n === 'W') {
        if (inClass) throw new UnsafePatternError('\\W inside a character class is not supported');
        atom = NOT_WORD;
      } else if (n === 'b' && !inClass) {
        // A boundary next to a certain word character only needs to look one way: much faster.
        atom = lastWord ? `(?!${WORD})` : startsWithWord(source, i + 2) ? `(?<!${WORD})` : BOUNDARY;
        assertion = true;
      } else if (n === 'B' && !inClass) {
        atom = NOT_BOUNDARY;
        assertion = true;
      } else atom = source.slice(i, i + 2);
      out += atom;
      i += consumed;
      if (!inClass && !assertion) {
        lastWord = WORD_ESCAPE.test(source.slice(i - consumed, i));
        i = quantified(i);
      }
      continue;
    }
    if (inClass) {
      out += c;
      i += 1;
      if (c === ']' && i - 1 > classStart + 1) {
        inClass = false;
        lastWord = classIsWord(source.slice(classStart + 1, i - 1));
        i = quantified(i);
      }
      continue;
    }
    if (c === '[') {
      inClass = true;
      classStart = i;
      out += c;
      i += 1;
      if (source[i] === '^') {
        out += '^';
        i += 1;
      }
      if (source[i] === ']') {
        out += '\\]';
        i += 1;
      }
      continue;
    }
    if (c === '(') {
      const lookaround = /^\((?:\?[=!]|\?<[=!])/.test(source.slice(i, i + 4));
      stack.push(frame(lookaround, lastWord));
      out += c;
      i += 1;
      continue;
    }
    if (c === ')') {
      const closed = stack.pop();
      if (!closed || stack.length === 0) throw new UnsafePatternError('unbalanced parenthesis');
      out += c;
      i += 1;
      lastWord = closed.lookaround ? closed.before : closed.endsWord && lastWord;
      const q = readQuantifier(source, i);
      const parent = stack[stack.length - 1]!;
      if (q) {
        if (q.max > 1 && closed.repeats) {
          throw new UnsafePatternError(
            'nested quantifiers (a repeated group containing a repeat) are not allowed',
          );
        }
        if (q.max === Number.POSITIVE_INFINITY && closed.alternation) {
          throw new UnsafePatternError('an unbounded repeat of a group with alternatives is not allowed');
        }
        out += source.slice(i, i + q.length);
        i += q.length;
        if (q.max > 1) parent.repeats = true;
        if (q.min === 0) lastWord = false;
      }
      if (closed.repeats) parent.repeats = true;
      continue;
    }
    if (c === '|') {
      const current = stack[stack.length - 1]!;
      current.alternation = true;
      current.endsWord &&= lastWord;
      // Each alternative starts right after whatever preceded the group.
      lastWord = current.before;
      out += c;
      i += 1;
      continue;
    }
    const cp = String.fromCodePoint(source.codePointAt(i)!);
    out += cp;
    i += cp.length;
    if (c === '^' || c === '$') {
      lastWord = false;
      continue;
    }
    lastWord = c !== '.' && WORD_LITERAL.test(cp);
    i = quantified(i);
  }
  if (inClass) throw new UnsafePatternError('unterminated character class');
  if (stack.length !== 1) throw new UnsafePatternError('unbalanced parenthesis');
  return out;
}

/** A pattern's alternatives at its top level: the parts between `|` outside every group and class. */
export function topLevelAlternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let k = 0; k < source.length; k++) {
    const c = source[k];
    if (c === '\\') k += 1;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(from, k));
      from = k + 1;
    }
  }
  parts.push(source.slice(from));
  return parts;
}

/** Is there a `|` outside every group (so a leading assertion would only bind the first branch)? */
function hasTopLevelAlternation(source: string): boolean {
  return topLevelAlternatives(source).length > 1;
}

const WORD_BEFORE = new RegExp(`[${WORD_CLASS}]`, 'u');
const LEADING_BOUNDARY = `(?<!${WORD})`;

/** Is the code unit at `at` a word character (WORD_CLASS)? ASCII without a regex: most candidates. */
function wordAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c >= 128) return WORD_BEFORE.test(text.charAt(at));
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * A pattern that starts with a word boundary (`\b` before a word character) runs without it and
 * checks the character before each match in JavaScript: V8 cannot skip ahead to the pattern's
 * first letters while a look-behind comes first, and this is most of the library's patterns.
 * Same matches: a candidate rejected at position p is retried from p + 1.
 */
class LeadingBoundaryRegExp extends RegExp {
  override exec(text: string): RegExpExecArray | null {
    for (;;) {
      const match = super.exec(text);
      if (!match) return null;
      const at = match.index;
      if (at === 0 || !wordAt(text, at - 1)) return match;
      this.lastIndex = at + 1;
    }
  }
}

/** Compiles a library pattern (Unicode mode, global); throws UnsafePatternError or SyntaxError. */
export function compileLibraryPattern(
  source: string,
  caseSensitive: boolean,
  extraFlags = '',
  /** toSafeUnicodePattern, or a memo of it (compile-memo.ts). */
  rewrite: (source: string) => string = toSafeUnicodePattern,
): RegExp {
  const rewritten = rewrite(source);
  const flags = `gu${caseSensitive ? '' : 'i'}${extraFlags}`;
  const rest = rewritten.slice(LEADING_BOUNDARY.length);
  // Only worth it when the rest starts with literal letters V8 can scan for ("(?:coblos|pilih)").
  const literalStart = /^(?:\(\?(?::|<[A-Za-z_]\w*>))?(?:[A-Za-z]|\[[A-Za-z]+\])/.test(rest);
  if (rewritten.startsWith(LEADING_BOUNDARY) && literalStart && !hasTopLevelAlternation(rest)) {
    return new LeadingBoundaryRegExp(rest, flags);
  }
  return new RegExp(rewritten, flags);
}
