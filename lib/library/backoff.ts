/** First retry after a failed sync, doubled on each further failure up to the cap. */
export const BACKOFF_BASE_MS = 30_000;
/** At most an hour (four periodic syncs): a dead server is not hammered, a repaired one is seen soon. */
export const BACKOFF_MAX_MS = 60 * 60_000;

/**
 * Delay before the next automatic attempt after `failures` consecutive failures (1 = the first).
 * `random` in [0, 1) spreads thousands of admins over the last quarter of the delay so that a CDN
 * coming back is not hit by all of them in the same second.
 */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  const exact = Math.min(BACKOFF_BASE_MS * 2 ** (failures - 1), BACKOFF_MAX_MS);
  return Math.round(exact * (0.75 + 0.25 * random()));
}
