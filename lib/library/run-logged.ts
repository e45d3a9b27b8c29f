import { logFailure } from '@/lib/log';

/**
 * Runs a fire-and-forget task of the background (an alarm to set, a flush to start): its failure
 * goes to the log (lib/log.ts) instead of vanishing, whether the API returned a promise or not.
 */
export function runLogged(scope: string, task: () => unknown): void {
  Promise.resolve().then(task).catch(logFailure(scope));
}
