import { deliveredStatus, retryableStatus } from '@/lib/approvals/outbox';
import type { DeskSettings } from '@/lib/approvals/submit-target';
import { backoffDelay } from '@/lib/library/backoff';
import { isSafeSubmitEndpoint } from '@/lib/library/endpoint-url';
import { log } from '@/lib/log';
import type { BigTeamState, DeskOutboxItem } from './state';

/**
 * Done reports and commitments on their way to the desk (docs/big-team.md). The same rules as the
 * submissions outbox (lib/approvals/outbox.ts): queued in storage so nothing is lost offline or
 * when the browser closes, one flush at a time, the item's id as idempotency key, an item removed
 * only once the desk has it. Without a desk configured the items wait; a wrong or revoked token
 * (401/403) also waits, with backoff, for the admin to fix the options.
 */
export interface DeskOutboxDeps {
  getDesk: () => Promise<DeskSettings>;
  fetch: typeof fetch;
  now: () => number;
  random?: () => number;
  schedule: (at: number | null) => void;
  /** Reads and changes the state under the service's one lock. */
  update: <T>(change: (state: BigTeamState) => T) => Promise<T>;
  read: () => Promise<BigTeamState>;
}

type Outcome = { kind: 'sent' } | { kind: 'retry'; error: string } | { kind: 'refused'; error: string };

function deskUrl(desk: DeskSettings, path: string): string | null {
  if (!desk.url || !desk.token) return null;
  const url = `${desk.url.replace(/\/+$/, '')}${path}`;
  return isSafeSubmitEndpoint(url) ? url : null;
}

async function send(deps: DeskOutboxDeps, desk: DeskSettings, item: DeskOutboxItem): Promise<Outcome> {
  const url = deskUrl(desk, item.path);
  if (!url) return { kind: 'retry', error: 'no desk configured' };
  try {
    const response = await deps.fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${desk.token}`,
        'idempotency-key': item.id,
      },
      body: JSON.stringify(item.body),
      cache: 'no-store',
      credentials: 'omit',
    });
    if (deliveredStatus(response.status)) return { kind: 'sent' };
    const error = `HTTP ${response.status}`;
    if (retryableStatus(response.status) || response.status === 401 || response.status === 403)
      return { kind: 'retry', error };
    return { kind: 'refused', error };
  } catch (error) {
    return { kind: 'retry', error: error instanceof Error ? error.message : String(error) };
  }
}

export function createDeskOutbox(deps: DeskOutboxDeps) {
  let flushing: Promise<void> = Promise.resolve();

  async function flushOnce(): Promise<void> {
    const desk = await deps.getDesk();
    const configured = Boolean(desk.url && desk.token);
    const due = (await deps.read()).outbox.filter((item) => item.nextAttemptAt <= deps.now());
    if (configured) {
      for (const item of due) {
        const outcome = await send(deps, desk, item);
        await deps.update((state) => {
          const index = state.outbox.findIndex((queued) => queued.id === item.id);
          if (index < 0) return;
          if (outcome.kind === 'retry') {
            const attempts = item.attempts + 1;
            state.outbox[index] = {
              ...item,
              attempts,
              nextAttemptAt: deps.now() + backoffDelay(attempts, deps.random),
              lastError: outcome.error,
            };
          } else {
            state.outbox.splice(index, 1);
            if (outcome.kind === 'refused')
              log.warn(`big team: the desk refused ${item.kind} ${item.id} (${outcome.error})`);
          }
        });
      }
    }
    const left = (await deps.read()).outbox;
    // Without a desk nothing is due until the settings change (the background flushes then).
    const next = configured && left.length ? Math.min(...left.map((item) => item.nextAttemptAt)) : null;
    deps.schedule(next);
  }

  return {
    /** Sends what is due, one item at a time; flushes never overlap. */
    flush(): Promise<void> {
      flushing = flushing.then(flushOnce, flushOnce);
      return flushing;
    },
  };
}
