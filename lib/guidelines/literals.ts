import { topLevelAlternatives } from './safe-regex';

/**
 * A cheap pre-check for case-insensitive library patterns: the literal words one of which any match
 * must contain, read from the pattern's start (`\b(?:menurut|berdasarkan)…`, `NPWP…`). When none
 * occurs in the lower-cased text the regex cannot match and is not run — most patterns look for
 * words most captions do not contain, and a regex scan costs far more than `includes`.
 * Returns undefined whenever the start is not plain literal text (then the regex always runs).
 */
const PLAIN = /^[a-z0-9 ]+$/;

/** Unescapes `\.` and `\-`; undefined if anything else special is in the alternative. */
function plain(alternative: string): string | undefined {
  const text = alternative.replace(/\\([.\-/])/g, '$1');
  const lower = text.toLowerCase();
  return PLAIN.test(lower.replace(/[.\-/]/g, '')) && lower.length >= 2 ? lower : undefined;
}

export function leadingLiterals(source: string): string[] | undefined {
  const alternatives = topLevelAlternatives(source);
  if (alternatives.length === 1) return alternativeLiterals(source);
  // `a|b` matches through either side: the words of every side, or none if one side has none.
  const all: string[] = [];
  for (const alternative of alternatives) {
    const literals = alternativeLiterals(alternative);
    if (!literals) return undefined;
    all.push(...literals);
  }
  return all;
}

function alternativeLiterals(source: string): string[] | undefined {
  let s = source.startsWith('\\b') ? source.slice(2) : source;
  if (s.startsWith('(?:')) {
    let end = -1;
    for (let i = 3; i < s.length; i++) {
      const c = s[i];
      if (c === '\\') i += 1;
      else if (c === '(' || c === '[') return undefined;
      else if (c === ')') {
        end = i;
        break;
      }
    }
    if (end < 0) return undefined;
    // An optional or repeated group (`(?:a|b)?`) does not have to occur.
    if (/^[?*{]/.test(s.slice(end + 1))) return undefined;
    const literals = s.slice(3, end).split('|').map(plain);
    return literals.every((l): l is string => l !== undefined) ? literals : undefined;
  }
  const run = /^[A-Za-z0-9]+/.exec(s);
  if (!run) return undefined;
  s = run[0];
  // A quantifier after the run makes its last character optional.
  const after = source.charAt((source.startsWith('\\b') ? 2 : 0) + s.length);
  if (after === '?' || after === '*' || after === '{') s = s.slice(0, -1);
  return s.length >= 3 ? [s.toLowerCase()] : undefined;
}
