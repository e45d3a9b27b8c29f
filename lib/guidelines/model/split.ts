/**
 * The held-out split of the training tweets: a fixed part that training, cross-validation and the
 * choice of thresholds never see, scored once by `npm run eval:abuse` so that the figure describes
 * text the shipped model has not met. Pure and deterministic (no Node API): the same rows give the
 * same split on every machine.
 *
 * - Grouped: tweets are keyed by their text reduced to lowercase letters and digits (mentions,
 *   links, "RT", punctuation and spacing dropped), so a retweet or a copy lands on the same side as
 *   its original; a copy on both sides would leak the answer.
 * - Stratified: groups are sorted into three strata (hate speech, abusive but not hate speech,
 *   neither; a group is as positive as its most positive tweet) and, inside each stratum, ordered
 *   by a seeded hash of the key; every `1/fraction`-th group is held out. Each stratum therefore
 *   gives the held-out part its share, and which tweets go depends only on their text and the seed.
 */

import { hashFeature } from './features';

export interface SplitRow {
  text: string;
  abuse: boolean;
  hate: boolean;
}

export interface Split {
  /** Row indices, ascending. */
  train: number[];
  heldOut: number[];
  /** Hex FNV-1a of the held-out keys in order: two runs on the same split print the same value. */
  fingerprint: string;
}

/** The seed of the shipped split: changing it moves tweets between the parts (and retrains). */
export const SPLIT_SEED = 20_191_104;
/** Share of the groups held out. */
export const HELD_OUT_FRACTION = 0.2;

/** Text reduced to what makes two tweets the same tweet. */
export function splitKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\b(?:user|url|rt)\b/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const STRATA = ['hate', 'abuse', 'clean'] as const;

export function heldOutSplit(
  rows: readonly SplitRow[],
  seed: number = SPLIT_SEED,
  fraction: number = HELD_OUT_FRACTION,
): Split {
  const step = Math.round(1 / fraction);
  const groups = new Map<string, { rows: number[]; stratum: number }>();
  rows.forEach((row, i) => {
    const key = splitKey(row.text);
    const stratum = row.hate ? 0 : row.abuse ? 1 : 2;
    const group = groups.get(key);
    if (group) {
      group.rows.push(i);
      group.stratum = Math.min(group.stratum, stratum);
    } else groups.set(key, { rows: [i], stratum });
  });
  const seedText = String(seed);
  const heldOutKeys: string[] = [];
  const held = new Set<number>();
  for (let stratum = 0; stratum < STRATA.length; stratum += 1) {
    const keys = [...groups.entries()]
      .filter(([, g]) => g.stratum === stratum)
      .map(([key]) => ({ key, hash: hashFeature(115, `${seedText}\u0000${key}`) }))
      .sort((a, b) => a.hash - b.hash || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    keys.forEach(({ key }, position) => {
      if (position % step !== step - 1) return;
      heldOutKeys.push(key);
      for (const i of groups.get(key)?.rows ?? []) held.add(i);
    });
  }
  const train: number[] = [];
  const heldOut: number[] = [];
  rows.forEach((_, i) => {
    (held.has(i) ? heldOut : train).push(i);
  });
  const fingerprint = hashFeature(102, heldOutKeys.join('\n')).toString(16).padStart(8, '0');
  return { train, heldOut, fingerprint };
}
