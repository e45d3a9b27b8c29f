import data from './colloquial.json';
import type { ColloquialDictionary } from './normalize';

/**
 * The shipped colloquial dictionary (docs/guidelines.md § Normalisation), for
 * `compileRules(rules, { colloquial: COLLOQUIAL })`. Kept out of the engine's index: the CLI and the
 * background load it; the content script's keystroke checks run without it (its 17 KB would push
 * the content script past its size budget), so "gblk" is caught in batch and at submission, and
 * "g0bl0k" or "g o b l o k" everywhere.
 */
export const COLLOQUIAL: ColloquialDictionary = new Map(
  Object.entries((data as { pairs: Record<string, string> }).pairs),
);
