import type { SatuPintuDb } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import { logFailure } from '@/lib/log';
import {
  type AuditEntryInput,
  AuditEntrySchema,
  appendAudit,
  formatAuditCsv,
  formatAuditJson,
  readAudit,
} from './audit-log';
import { type ApprovedTextMemory, createDraftApproval } from './draft-approval';
import { fingerprintText, normalizeForFingerprint, shortCode } from './fingerprint';
import type { LibraryView } from './library-view';
import { createOutbox } from './outbox';
import { buildShareOptions, type ShareOptions } from './share';
import { resolveStatus } from './status';
import { SubmitDraftInputSchema } from './submission';
import { createSubmissionsStore } from './submissions-store';
import { type DeskSettings, resolveSubmitTarget } from './submit-target';
import type {
  ApprovalsIdentity,
  DraftApproval,
  DraftApprovalQuery,
  Submission,
  SubmissionStatus,
  SubmitDelivery,
  SubmitDraftInput,
  SubmitDraftResult,
} from './types';

/** Everything from the outside world, injected so the whole flow runs in unit tests. */
export interface ApprovalsDeps {
  db: SatuPintuDb;
  loadLibrary: () => Promise<LibraryView>;
  getIdentity: () => Promise<ApprovalsIdentity>;
  /** The desk the admin configured (settings.desk); without one, the library's endpoint is used. */
  getDesk?: () => Promise<DeskSettings>;
  fetch: typeof fetch;
  now: () => number;
  newId: () => string;
  /** Jitter of the outbox's retry delays (lib/library/backoff.ts); Math.random by default. */
  random?: () => number;
  /** Toolbar badge: the number of newly decided submissions (0 clears it). */
  setBadge: (count: number) => Promise<void>;
  /** Wake the outbox at this time (an alarm in the extension); null = nothing queued. */
  scheduleOutbox: (at: number | null) => void;
  memory: ApprovedTextMemory;
}

/** IndexedDB's QuotaExceededError, as the browser or Dexie (which may wrap it) reports it. */
export function isQuotaError(error: unknown): boolean {
  const named = error as { name?: unknown; inner?: { name?: unknown } } | null;
  return named?.name === 'QuotaExceededError' || named?.inner?.name === 'QuotaExceededError';
}

function deliveryOf(submission: Submission): SubmitDelivery {
  const { state } = submission.delivery;
  return state === 'manual' || state === 'sent' ? state : 'queued';
}

/**
 * The approvals domain in the background: submissions (this file), the outbox (outbox.ts) and the
 * draft approval state (draft-approval.ts) over one submissions store, plus the audit log. One
 * instance per service-worker life.
 */
export function createApprovalsService(deps: ApprovalsDeps) {
  const { db } = deps;
  const store = createSubmissionsStore(db);
  const getDesk = deps.getDesk ?? (async () => ({ url: null, token: null }));
  const target = async () => resolveSubmitTarget(await getDesk(), (await deps.loadLibrary()).submitEndpoint);

  /** Appends an audit entry stamped with the admin; the identity is read before any transaction. */
  const audit = async (entry: AuditEntryInput, identity: ApprovalsIdentity): Promise<void> => {
    await appendAudit(
      db,
      { ...entry, agencyId: identity.agencyId, adminName: identity.adminName },
      deps.now(),
    );
  };

  const outbox = createOutbox({
    db,
    store,
    target,
    getIdentity: deps.getIdentity,
    audit,
    fetch: deps.fetch,
    now: deps.now,
    random: deps.random,
    schedule: deps.scheduleOutbox,
  });
  const drafts = createDraftApproval({
    store,
    loadLibrary: deps.loadLibrary,
    getIdentity: deps.getIdentity,
    now: deps.now,
    memory: deps.memory,
  });

  function share(submission: Submission, library: LibraryView, identity: ApprovalsIdentity): ShareOptions {
    const agency = library.agencies.find((candidate) => candidate.id === submission.agencyId);
    const lang = identity.language;
    return buildShareOptions(
      {
        shortCode: submission.shortCode,
        fingerprint: submission.fingerprint,
        text: submission.text,
        platformLabel: t(`common.platform.${submission.platform}`, undefined, lang),
        fieldLabel: t(`common.field.${submission.field}`, undefined, lang),
        agencyName: agency?.name ?? submission.agencyId ?? '',
        adminName: submission.adminName,
        adminRole: submission.adminRole,
        createdAt: submission.createdAt,
      },
      lang,
    );
  }

  async function updateBadge(): Promise<number> {
    const count = await store.countUnseen();
    await deps.setBadge(count);
    return count;
  }

  async function refreshOnce(): Promise<void> {
    const library = await deps.loadLibrary();
    const now = deps.now();
    const identity = await deps.getIdentity();
    await db.transaction('rw', [db.submissions, db.audit], async () => {
      for (const submission of await store.all()) {
        const resolved = resolveStatus(submission.fingerprint, library.approvals, now);
        const sameDecision = JSON.stringify(resolved.decision) === JSON.stringify(submission.decision);
        if (resolved.status === submission.status && sameDecision && resolved.expired === submission.expired)
          continue;
        await store.put({
          ...submission,
          status: resolved.status,
          decision: resolved.decision,
          expired: resolved.expired,
          updatedAt: now,
          // News for the admin: a decision, a changed decision, or an approval that expired.
          unseen: resolved.status !== 'pending' || resolved.expired ? true : submission.unseen,
        });
        await audit(
          {
            type: 'status-changed',
            submissionId: submission.id,
            fingerprint: submission.fingerprint,
            shortCode: submission.shortCode,
            previousStatus: submission.status,
            status: resolved.expired ? 'expired' : resolved.status,
            reviewer: resolved.decision?.reviewer,
            note: resolved.decision?.note,
          },
          identity,
        );
      }
    });
    await updateBadge();
  }

  let refreshing: Promise<void> = Promise.resolve();
  /** Re-resolve every submission against the library in use; serialised, idempotent. */
  const refreshStatuses = (): Promise<void> => {
    refreshing = refreshing.then(refreshOnce, refreshOnce);
    return refreshing;
  };

  return {
    flushOutbox: outbox.flush,
    refreshStatuses,
    updateBadge,
    forgetContexts: drafts.forgetContexts,

    async submitDraft(input: SubmitDraftInput): Promise<SubmitDraftResult> {
      const { text, platform, field } = SubmitDraftInputSchema.parse(input);
      if (!normalizeForFingerprint(text)) throw new Error('empty draft');
      const [fingerprint, library, identity, to] = await Promise.all([
        fingerprintText(text),
        deps.loadLibrary(),
        deps.getIdentity(),
        target(),
      ]);
      const existing = (await store.byFingerprint(fingerprint)).find(
        (submission) => submission.status === 'pending' || submission.status === 'approved',
      );
      if (existing) {
        return {
          submission: existing,
          duplicate: true,
          delivery: deliveryOf(existing),
          share: share(existing, library, identity),
        };
      }
      const now = deps.now();
      const resolved = resolveStatus(fingerprint, library.approvals, now);
      const submission: Submission = {
        id: deps.newId(),
        fingerprint,
        shortCode: shortCode(fingerprint),
        text,
        platform,
        field,
        agencyId: identity.agencyId,
        adminName: identity.adminName,
        adminRole: identity.adminRole,
        createdAt: now,
        updatedAt: now,
        // A text the bureau already decided on (e.g. approved before it was typed here) starts decided.
        status: resolved.status,
        decision: resolved.decision,
        expired: resolved.expired,
        unseen: false,
        delivery: { state: to ? 'queued' : 'manual', attempts: 0, sentAt: null, lastError: null },
      };
      try {
        await db.transaction('rw', [db.submissions, db.outbox, db.audit], async () => {
          await store.add(submission);
          if (to) await outbox.enqueue(submission.id, now);
          await audit(
            {
              type: 'submission',
              platform,
              field,
              submissionId: submission.id,
              fingerprint,
              shortCode: submission.shortCode,
              status: submission.status,
            },
            identity,
          );
        });
      } catch (error) {
        // A full disk: nothing was recorded (the transaction rolled back); say so in plain words.
        if (isQuotaError(error)) throw new Error(t('approvals.error.storage', undefined, identity.language));
        throw error;
      }
      if (to) outbox.flush().catch(logFailure('approvals: outbox flush after submit'));
      return {
        submission,
        duplicate: false,
        delivery: to ? 'queued' : 'manual',
        share: share(submission, library, identity),
      };
    },

    async getSubmissionShare(id: string): Promise<ShareOptions | null> {
      const submission = await store.get(id);
      if (!submission) return null;
      const [library, identity] = await Promise.all([deps.loadLibrary(), deps.getIdentity()]);
      return share(submission, library, identity);
    },

    /** Newest first; statuses are refreshed first so the list never lags behind a sync. */
    async listSubmissions(filter?: { status?: SubmissionStatus }): Promise<Submission[]> {
      await refreshStatuses();
      return store.list(filter);
    },

    /** The popup was opened: everything is seen, the toolbar badge clears. Returns how many were unseen. */
    async markSubmissionsSeen(): Promise<number> {
      let count = 0;
      await db.transaction('rw', db.submissions, async () => {
        for (const submission of await store.unseen()) {
          await store.put({ ...submission, unseen: false });
          count++;
        }
      });
      await deps.setBadge(0);
      return count;
    },

    getDraftApproval(query: DraftApprovalQuery, context: string | null): Promise<DraftApproval> {
      return drafts.getDraftApproval(query, context);
    },

    async logAudit(entry: AuditEntryInput): Promise<void> {
      await audit(AuditEntrySchema.parse(entry), await deps.getIdentity());
    },

    async exportAudit(format: 'csv' | 'json'): Promise<string> {
      const records = await readAudit(db);
      return format === 'csv' ? formatAuditCsv(records) : formatAuditJson(records);
    },
  };
}

export type ApprovalsService = ReturnType<typeof createApprovalsService>;
