/**
 * The draft classifier's leave-one-writer-out bookkeeping (scripts/train-drafts.ts): how a head's
 * threshold is chosen on out-of-fold scores, and the counts of one head over a set of drafts that
 * the ship rule (drafts-ship.ts) decides on. Pure: no DOM, browser or Node API.
 */

import type { ShipResult, ShipRow } from './drafts-ship';
import { type HeadOutcomes, pickUnionThreshold, sweepThresholds, type ThresholdLimits } from './drafts-train';
import { pickThreshold } from './train';

/**
 * How a head's threshold is chosen on out-of-fold scores:
 * - `alone`: the best F1 of the head's own findings at precision ≥ minPrecision (rules ignored);
 * - `union`: the best F1 of the rules with the head, its added findings at minPrecision;
 * - `marginal`: the best F1 among drafts the rules leave silent, at minPrecision;
 * - `recall`: the lowest threshold whose own findings keep precision ≥ minPrecision;
 * - `recall-added`: the same, counting only the drafts the rules leave silent (what the head adds).
 * Every policy but `marginal` flags at most `maxClean` of the clean drafts.
 */
export type ThresholdPolicy = 'alone' | 'union' | 'marginal' | 'recall' | 'recall-added';
export const THRESHOLD_POLICIES: readonly ThresholdPolicy[] = [
  'alone',
  'union',
  'marginal',
  'recall',
  'recall-added',
];

/**
 * The lowest threshold from which a head's findings (where `rules` is false: the head is silent where
 * the rules report its category) keep precision ≥ `minPrecision`, flagging at most `maxClean` of the
 * clean texts; 1 (never fires) when no threshold finds a true positive so.
 */
export function pickRecallThreshold(head: HeadOutcomes, limits: ThresholdLimits): number {
  let lowest = 1;
  sweepThresholds(head, limits, (threshold) => {
    lowest = threshold;
  });
  return lowest;
}

/** A head's threshold by `policy` on the out-of-fold scores given; at most 0.999. */
export function chooseThreshold(
  policy: ThresholdPolicy,
  head: HeadOutcomes,
  limits: ThresholdLimits,
): number {
  const { scores, labels, rules } = head;
  // `alone` and `recall` judge the head by itself: as if the rules reported nothing.
  const alone = { ...head, rules: rules.map(() => false) };
  if (policy === 'alone' || policy === 'union')
    return Math.min(0.999, pickUnionThreshold(policy === 'alone' ? alone : head, limits));
  if (policy === 'recall' || policy === 'recall-added')
    return Math.min(0.999, pickRecallThreshold(policy === 'recall' ? alone : head, limits));
  // Only what the head adds counts: drafts where the rules already report the category are left out
  // of the choice, so the threshold holds the precision of the head's new findings.
  const silent = rules.flatMap((r, k) => (r ? [] : [k]));
  return pickThreshold(
    silent.map((k) => scores[k] as number),
    silent.map((k) => labels[k] as boolean),
    limits.minPrecision,
  );
}

/** One head's counts over the drafts `within` selects (indices into the whole corpus). */
export function shipRow(
  category: string,
  within: readonly number[],
  column: {
    labels: readonly boolean[];
    rules: readonly boolean[];
    head: readonly boolean[];
    clean: readonly boolean[];
  },
  speaks: boolean,
): ShipRow {
  const row = {
    category,
    positives: 0,
    rulesTp: 0,
    rulesFp: 0,
    addedTp: 0,
    addedFp: 0,
    cleanFlagged: [] as number[],
    speaks,
  };
  for (const i of within) {
    const y = column.labels[i] === true;
    if (y) row.positives += 1;
    if (column.rules[i]) {
      if (y) row.rulesTp += 1;
      else row.rulesFp += 1;
    } else if (column.head[i]) {
      if (y) row.addedTp += 1;
      else row.addedFp += 1;
      if (column.clean[i]) row.cleanFlagged.push(i);
    }
  }
  return row;
}

/** Precision and recall over every head and the drafts `within` lists (micro-averaged). */
export function microAverage(
  heads: number,
  within: readonly number[],
  label: (h: number, i: number) => boolean,
  predict: (h: number, i: number) => boolean,
): { precision: number; recall: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let h = 0; h < heads; h += 1)
    for (const i of within) {
      const y = label(h, i);
      const p = predict(h, i);
      if (p && y) tp += 1;
      else if (p) fp += 1;
      else if (y) fn += 1;
    }
  return { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) };
}

/** Printed lines of a ship decision: per head its gain, added precision, clean drafts flagged, failures. */
export function shipLines(result: ShipResult, rule: string, cleanTotal: number): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
  return [
    `ship rule ${rule}: head            gain  added P  clean flagged  failed`,
    ...result.decisions.map(
      (d) =>
        `  ${d.category.padEnd(18)}${pct(d.gain)}   ${pct(d.addedPrecision)}   ${String(d.cleanFlagged).padStart(5)} ${pct(d.cleanFlagged / Math.max(1, cleanTotal))}   ${d.failed.join(',') || '-'}`,
    ),
    `  shipped heads together warn on ${result.cleanWarned}/${cleanTotal} clean drafts (${pct(result.cleanShare)})${result.dropped.length ? `; dropped by (d): ${result.dropped.join(', ')}` : ''}`,
  ];
}
