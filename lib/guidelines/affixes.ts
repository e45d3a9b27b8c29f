/**
 * Indonesian affixed forms for substitution pairs, so that one reviewed pair (himbau → imbau) also
 * covers menghimbau → mengimbau, dihimbau → diimbau, himbauannya → imbauannya. Both sides get the
 * same affixes (di-, ter-, ber-, se-, ke-, meN-, peN-, per- × -an, -kan, -i, -nya, -lah); meN-/peN- apply nasal assimilation (EYD V / KBBI): k, p, t, s at the start of a
 * base are dropped (kecuali gugus konsonan kr-, pr-, tr-, st-, ...).
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

function isClusterStart(word: string): boolean {
  const second = word.charAt(1);
  return second !== '' && !VOWELS.has(second);
}

/** meN-/peN- + base, e.g. nasal('me', 'himbau') = 'menghimbau', nasal('pe', 'sosialisasi') = 'penyosialisasi'. */
export function nasal(head: 'me' | 'pe', base: string): string {
  const first = base.charAt(0).toLowerCase();
  const cluster = isClusterStart(base.toLowerCase());
  if (VOWELS.has(first) || first === 'g' || first === 'h') return `${head}ng${base}`;
  if (first === 'k') return cluster ? `${head}ng${base}` : `${head}ng${base.slice(1)}`;
  if (first === 'p') return cluster ? `${head}m${base}` : `${head}m${base.slice(1)}`;
  if (first === 'b' || first === 'f' || first === 'v') return `${head}m${base}`;
  if (first === 't') return cluster ? `${head}n${base}` : `${head}n${base.slice(1)}`;
  if (first === 'd' || first === 'c' || first === 'j' || first === 'z') return `${head}n${base}`;
  if (first === 's') return cluster ? `${head}n${base}` : `${head}ny${base.slice(1)}`;
  return `${head}${base}`;
}

type Affix = (base: string) => string;

const PREFIXES: Affix[] = [
  (b) => b,
  (b) => `di${b}`,
  (b) => (b.startsWith('r') ? `te${b}` : `ter${b}`),
  (b) => (b.startsWith('r') ? `be${b}` : `ber${b}`),
  (b) => `se${b}`,
  (b) => `ke${b}`,
  (b) => nasal('me', b),
  (b) => nasal('pe', b),
  (b) => (b.startsWith('r') ? `pe${b}` : `per${b}`),
];

// Kept to the combinations that occur in government posts: every form costs a trie entry.
export const SUFFIXES = ['', 'an', 'kan', 'i', 'nya', 'lah', 'annya', 'kannya'];

/**
 * All affixed forms of a single-word pair, as [wrong, right] with the same affixes on both sides.
 * Multi-word or non-letter entries are returned unchanged (affixes only make sense on one word).
 */
export function affixedPairs(wrong: string, right: string): Array<[string, string]> {
  if (!/^\p{Ll}+$/u.test(wrong) || !/^\p{L}+$/u.test(right)) return [[wrong, right]];
  const pairs: Array<[string, string]> = [];
  const lowerRight = right.toLowerCase();
  for (const prefix of PREFIXES) {
    for (const suffix of SUFFIXES) {
      const w = prefix(wrong) + suffix;
      // Keep a proper noun's capital only on the bare form ("Ramadan"); affixed forms are lower case.
      const r = prefix === PREFIXES[0] ? right + suffix : prefix(lowerRight) + suffix;
      pairs.push([w, r]);
    }
  }
  return pairs;
}
