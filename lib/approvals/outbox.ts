import type { SatuPintuDb } from '@/lib/db/database';
import { backoffDelay } from '@/lib/library/backoff';
import type { AuditEntryInput } from './audit-log';
import { toRequestBody } from './submission';
import type { SubmissionsStore } from './submissions-store';
import type { SubmitTarget } from './submit-target';
import type { ApprovalsIdentity, Submission } from './types';

export interface OutboxDeps {
  db: SatuPintuDb;
  store: SubmissionsStore;
  /** Where submissions go now (desk, library endpoint or nowhere), read at each flush. */
  target: () => Promise<SubmitTarget | null>;
  getIdentity: () => Promise<ApprovalsIdentity>;
  /** Appends to the audit log; called inside the outbox's own transactions. */
  audit: (entry: AuditEntryInput, identity: ApprovalsIdentity) => Promise<void>;
  fetch: typeof fetch;
  now: () => number;
  /** Spreads retries of many admins over the last quarter of each delay (lib/library/backoff.ts). */
  random?: () => number;
  /** Wake the outbox at this time (an alarm in the extension); null = nothing queued. */
  schedule: (at: number | null) => void;
}

/** HTTP statuses worth retrying: the receiver may be down, overloaded or rate-limiting. */
export function retryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/**
 * Which answers mean the receiver has the submission (docs/library-format.md): any 2xx (the desk
 * answers 201 for a new one, 200 for one it already had) and 409, which some receivers use for an
 * id they already hold — an earlier attempt got through.
 */
export function deliveredStatus(status: number): boolean {
  return (status >= 200 && status < 300) || status === 409;
}

type Outcome = { ok: true } | { ok: false; error: string; retry: boolean };

async function send(deps: OutboxDeps, target: SubmitTarget | null, submission: Submission): Promise<Outcome> {
  if (!target) return { ok: false, error: 'no submission address configured', retry: false };
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    // The receiver de-duplicates by this key: a send repeated after a lost answer records nothing new.
    'idempotency-key': submission.id,
  };
  if (target.token) headers.authorization = `Bearer ${target.token}`;
  try {
    const response = await deps.fetch(target.url, {
      method: 'POST',
      headers,
      body: JSON.stringify(toRequestBody(submission)),
      // Drafts are not for the browser's HTTP cache or for credentials of other sites.
      cache: 'no-store',
      credentials: 'omit',
    });
    return deliveredStatus(response.status)
      ? { ok: true }
      : { ok: false, error: `HTTP ${response.status}`, retry: retryableStatus(response.status) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error), retry: true };
  }
}

/**
 * The submission outbox: a queue in the database, so a submission made offline, or left queued when
 * the browser closed, is sent later — once. Flushes are serialised (never one submission in flight
 * twice in this worker), a sent submission is never sent again, and every attempt carries the same
 * idempotency key so a receiver that got an attempt whose answer was lost records it only once.
 */
export function createOutbox(deps: OutboxDeps) {
  const { db, store } = deps;
  let flushing: Promise<void> = Promise.resolve();

  async function record(
    item: { submissionId: string; attempts: number },
    submission: Submission,
    outcome: Outcome,
    identity: ApprovalsIdentity,
  ) {
    const now = deps.now();
    const attempts = item.attempts + 1;
    await db.transaction('rw', [db.submissions, db.outbox, db.audit], async () => {
      if (outcome.ok) {
        await db.outbox.delete(item.submissionId);
        await store.put({
          ...submission,
          delivery: { state: 'sent', attempts, sentAt: now, lastError: null },
        });
        await deps.audit(
          {
            type: 'submission-sent',
            submissionId: submission.id,
            fingerprint: submission.fingerprint,
          },
          identity,
        );
      } else if (outcome.retry) {
        await db.outbox.put({
          submissionId: item.submissionId,
          attempts,
          nextAttemptAt: now + backoffDelay(attempts, deps.random),
          lastError: outcome.error,
        });
        await store.put({
          ...submission,
          delivery: { ...submission.delivery, attempts, lastError: outcome.error },
        });
      } else {
        await db.outbox.delete(item.submissionId);
        await store.put({
          ...submission,
          delivery: { state: 'failed', attempts, sentAt: null, lastError: outcome.error },
        });
        await deps.audit(
          {
            type: 'submission-failed',
            submissionId: submission.id,
            fingerprint: submission.fingerprint,
            note: outcome.error,
          },
          identity,
        );
      }
    });
  }

  async function flushOnce(): Promise<void> {
    const [target, identity] = await Promise.all([deps.target(), deps.getIdentity()]);
    const due = await db.outbox.where('nextAttemptAt').belowOrEqual(deps.now()).toArray();
    for (const item of due) {
      const submission = await store.get(item.submissionId);
      if (!submission || submission.delivery.state === 'sent') {
        // Already delivered (or gone): never send twice.
        await db.outbox.delete(item.submissionId);
        continue;
      }
      await record(item, submission, await send(deps, target, submission), identity);
    }
    const next = await db.outbox.orderBy('nextAttemptAt').first();
    deps.schedule(next ? next.nextAttemptAt : null);
  }

  return {
    /** Queues a submission; call inside the transaction that adds it, so neither exists without the other. */
    async enqueue(submissionId: string, at: number): Promise<void> {
      await db.outbox.add({ submissionId, attempts: 0, nextAttemptAt: at, lastError: null });
    },

    /** Sends what is due, one at a time. */
    flush(): Promise<void> {
      flushing = flushing.then(flushOnce, flushOnce);
      return flushing;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
