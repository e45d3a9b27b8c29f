import { PLACEHOLDER_PATTERN } from './placeholders';

const WORD = /[\p{L}\p{N}]+/gu;

/** Lowercase, without diacritics ("Pendidikan", "pendidikan", "pëndidikan" are one word). */
export function normaliseWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('id');
}

/** The distinct search words of a text (one letter/digit words carry no meaning alone). */
export function searchWords(...texts: string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    // Placeholders such as {{agency.name}} are not words anyone searches for.
    for (const match of text.replace(PLACEHOLDER_PATTERN, ' ').matchAll(WORD)) {
      const word = normaliseWord(match[0]);
      if (word.length >= 2) words.add(word);
    }
  }
  return [...words];
}

/** Query words as typed: every word counts, the last one may be unfinished (prefix match). */
export function queryWords(query: string): string[] {
  return [...query.matchAll(WORD)].map((match) => normaliseWord(match[0])).filter((word) => word.length > 0);
}
