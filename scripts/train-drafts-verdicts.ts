/**
 * Leave-one-writer-out verdicts of scripts/train-drafts.ts's heads from their out-of-fold scores: each
 * writer's drafts judged at a threshold chosen without that writer (nested), so the figures do not
 * reward a threshold fitted to the drafts it is scored on. The shipped thresholds are chosen on all
 * out-of-fold scores; 0.999 ("never") for a head that would not speak.
 */
import { chooseThreshold, type ThresholdPolicy } from '../lib/guidelines/model/drafts-lowo';
import type { ThresholdLimits } from '../lib/guidelines/model/drafts-train';

/** What is known of every draft: its writer, labels and today's verdicts per head, and whether it is clean. */
export interface DraftColumns {
  writers: readonly string[];
  labels: ReadonlyArray<readonly boolean[]>;
  ruleFound: ReadonlyArray<readonly boolean[]>;
  clean: readonly boolean[];
}

/** Head h's threshold by `policy`, chosen on the drafts `among` selects. */
export function thresholdAmong(
  scores: readonly number[],
  h: number,
  among: (i: number) => boolean,
  data: DraftColumns,
  policy: ThresholdPolicy,
  limits: ThresholdLimits,
): number {
  const idx = data.writers.flatMap((_, i) => (among(i) ? [i] : []));
  const head = {
    scores: idx.map((i) => scores[i] as number),
    labels: idx.map((i) => (data.labels[i] as boolean[])[h] as boolean),
    rules: idx.map((i) => (data.ruleFound[i] as boolean[])[h] as boolean),
    clean: idx.map((i) => data.clean[i] as boolean),
  };
  return chooseThreshold(policy, head, limits);
}

/** Per head, each draft's verdict (its writer left out of the threshold) and the shipped threshold. */
export function lowoVerdicts(
  scores: ReadonlyArray<readonly number[]>,
  data: DraftColumns,
  policy: ThresholdPolicy,
  limits: ThresholdLimits,
): { says: boolean[][]; thresholds: number[] } {
  const writers = [...new Set(data.writers)];
  return {
    says: scores.map((column, h) => {
      const says = new Array<boolean>(data.writers.length).fill(false);
      for (const writer of writers) {
        const t = thresholdAmong(column, h, (i) => data.writers[i] !== writer, data, policy, limits);
        data.writers.forEach((w, i) => {
          if (w === writer) says[i] = (column[i] as number) >= t;
        });
      }
      return says;
    }),
    thresholds: scores.map((column, h) => thresholdAmong(column, h, () => true, data, policy, limits)),
  };
}
