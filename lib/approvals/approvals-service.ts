import type { SatuPintuDb, SubmissionRow } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import type { Language } from '@/lib/i18n/types';
import type { FieldId, PlatformId } from '@/lib/platforms/types';
import {
  type AuditEntryInput,
  AuditEntrySchema,
  appendAudit,
  formatAuditCsv,
  formatAuditJson,
  readAudit,
} from './audit-log';
import { findMatchingCaption } from './caption-match';
import { fingerprintText, normalizeForFingerprint, shortCode } from './fingerprint';
import type { LibraryView } from './library-view';
import { buildShareOptions, type ShareOptions } from './share';
import { type ApprovalStatus, resolveStatus, type SubmissionStatus } from './status';
import {
  type Submission,
  SubmissionSchema,
  type SubmitDraftInput,
  SubmitDraftInputSchema,
  toRequestBody,
} from './submission';

/** Who is submitting (from the settings at the time of the action). */
export interface ApprovalsIdentity {
  agencyId: string | null;
  adminName: string;
  adminRole: string;
  language: Language;
}

/** The last approved text seen in one composer field of one tab (for changed-since-approval). */
export interface ApprovedText {
  fingerprint: string;
  text: string;
}

/** Where the approved texts of open composers are remembered (storage.session in the extension). */
export interface ApprovedTextMemory {
  get(key: string): Promise<ApprovedText | undefined>;
  set(key: string, value: ApprovedText): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Everything from the outside world, injected so the whole flow runs in unit tests. */
export interface ApprovalsDeps {
  db: SatuPintuDb;
  loadLibrary: () => Promise<LibraryView>;
  getIdentity: () => Promise<ApprovalsIdentity>;
  fetch: typeof fetch;
  now: () => number;
  newId: () => string;
  /** Toolbar badge: the number of newly decided submissions (0 clears it). */
  setBadge: (count: number) => Promise<void>;
  /** Wake the outbox at this time (an alarm in the extension); null = nothing queued. */
  scheduleOutbox: (at: number | null) => void;
  memory: ApprovedTextMemory;
}

export type SubmitDelivery = 'queued' | 'sent' | 'manual';

export interface SubmitDraftResult {
  submission: Submission;
  /** The same text was already submitted and is pending or approved: nothing new was recorded. */
  duplicate: boolean;
  /** `manual`: the library has no submit endpoint — the UI offers `share`. */
  delivery: SubmitDelivery;
  share: ShareOptions;
}

/** The approval state of a draft, for the sidebar badge (`data-sp="approval"`) and the popup. */
export interface DraftApproval {
  status: ApprovalStatus;
  fingerprint: string;
  shortCode: string;
  reviewer?: string;
  note?: string;
  decidedAt?: string;
  expiresAt?: string;
  /** The latest decision expired (status is pending again). */
  expired?: boolean;
  /** The submission of this text, if the admin submitted it. */
  submissionId?: string;
  /** Approved because it is this pre-approved library caption. */
  captionId?: string;
  /** For changed-since-approval: the approved text to diff against and restore. */
  approvedText?: string;
}

export interface DraftApprovalQuery {
  text: string;
  platform: PlatformId;
  field: FieldId;
}

/** Retry delays of the outbox: 30 s, 1 min, 2 min … capped at one hour. */
export function outboxDelay(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

function toRow(submission: Submission): SubmissionRow {
  return {
    id: submission.id,
    fingerprint: submission.fingerprint,
    status: submission.status,
    createdAt: submission.createdAt,
    updatedAt: submission.updatedAt,
    unseen: submission.unseen ? 1 : 0,
    submission,
  };
}

function fromRow(row: SubmissionRow): Submission | undefined {
  const parsed = SubmissionSchema.safeParse(row.submission);
  return parsed.success ? parsed.data : undefined;
}

/** HTTP statuses worth retrying: the receiver may be down, overloaded or rate-limiting. */
function retryable(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/**
 * The approvals domain in the background: submissions, the outbox, status resolution, the
 * changed-since-approval check and the audit log. One instance per service-worker life.
 */
export class ApprovalsService {
  private flushing: Promise<void> = Promise.resolve();
  private refreshing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ApprovalsDeps) {}

  private async audit(entry: AuditEntryInput, identity?: ApprovalsIdentity): Promise<void> {
    const who = identity ?? (await this.deps.getIdentity());
    await appendAudit(
      this.deps.db,
      { ...entry, agencyId: who.agencyId, adminName: who.adminName },
      this.deps.now(),
    );
  }

  async submitDraft(input: SubmitDraftInput): Promise<SubmitDraftResult> {
    const { text, platform, field } = SubmitDraftInputSchema.parse(input);
    if (!normalizeForFingerprint(text)) throw new Error('empty draft');
    const [fingerprint, library, identity] = await Promise.all([
      fingerprintText(text),
      this.deps.loadLibrary(),
      this.deps.getIdentity(),
    ]);
    const { db } = this.deps;
    const existing = (await db.submissions.where('fingerprint').equals(fingerprint).toArray())
      .map(fromRow)
      .filter((submission): submission is Submission => submission !== undefined)
      .find((submission) => submission.status === 'pending' || submission.status === 'approved');
    if (existing) {
      return {
        submission: existing,
        duplicate: true,
        delivery:
          existing.delivery.state === 'manual'
            ? 'manual'
            : existing.delivery.state === 'sent'
              ? 'sent'
              : 'queued',
        share: this.share(existing, library, identity),
      };
    }
    const now = this.deps.now();
    const resolved = resolveStatus(fingerprint, library.approvals, now);
    const endpoint = library.submitEndpoint;
    const submission: Submission = {
      id: this.deps.newId(),
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
      delivery: { state: endpoint ? 'queued' : 'manual', attempts: 0, sentAt: null, lastError: null },
    };
    await db.transaction('rw', [db.submissions, db.outbox, db.audit], async () => {
      await db.submissions.add(toRow(submission));
      if (endpoint) {
        await db.outbox.add({
          submissionId: submission.id,
          attempts: 0,
          nextAttemptAt: now,
          lastError: null,
        });
      }
      await this.audit(
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
    if (endpoint) void this.flushOutbox();
    return {
      submission,
      duplicate: false,
      delivery: endpoint ? 'queued' : 'manual',
      share: this.share(submission, library, identity),
    };
  }

  private share(submission: Submission, library: LibraryView, identity: ApprovalsIdentity): ShareOptions {
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

  async getSubmissionShare(id: string): Promise<ShareOptions | null> {
    const row = await this.deps.db.submissions.get(id);
    const submission = row && fromRow(row);
    if (!submission) return null;
    const [library, identity] = await Promise.all([this.deps.loadLibrary(), this.deps.getIdentity()]);
    return this.share(submission, library, identity);
  }

  /** Send what is due, one at a time; serialised so no submission is ever in flight twice. */
  flushOutbox(): Promise<void> {
    this.flushing = this.flushing.then(
      () => this.flushOnce(),
      () => this.flushOnce(),
    );
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    const { db } = this.deps;
    const [library, identity] = await Promise.all([this.deps.loadLibrary(), this.deps.getIdentity()]);
    const due = await db.outbox.where('nextAttemptAt').belowOrEqual(this.deps.now()).toArray();
    for (const item of due) {
      const row = await db.submissions.get(item.submissionId);
      const submission = row && fromRow(row);
      if (!submission || submission.delivery.state === 'sent') {
        // Already delivered (or gone): never send twice.
        await db.outbox.delete(item.submissionId);
        continue;
      }
      const endpoint = library.submitEndpoint;
      let outcome: { ok: true } | { ok: false; error: string; retry: boolean };
      if (!endpoint) {
        outcome = { ok: false, error: 'no submit endpoint in the library', retry: false };
      } else {
        try {
          const response = await this.deps.fetch(endpoint, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': submission.id },
            body: JSON.stringify(toRequestBody(submission)),
          });
          // 409: the receiver already has this id — delivered by an earlier attempt.
          outcome =
            response.ok || response.status === 409
              ? { ok: true }
              : { ok: false, error: `HTTP ${response.status}`, retry: retryable(response.status) };
        } catch (error) {
          outcome = { ok: false, error: error instanceof Error ? error.message : String(error), retry: true };
        }
      }
      const now = this.deps.now();
      const attempts = item.attempts + 1;
      await db.transaction('rw', [db.submissions, db.outbox, db.audit], async () => {
        if (outcome.ok) {
          await db.outbox.delete(item.submissionId);
          const next = {
            ...submission,
            delivery: { state: 'sent' as const, attempts, sentAt: now, lastError: null },
          };
          await db.submissions.put(toRow(next));
          await this.audit(
            { type: 'submission-sent', submissionId: submission.id, fingerprint: submission.fingerprint },
            identity,
          );
        } else if (outcome.retry) {
          await db.outbox.put({
            ...item,
            attempts,
            nextAttemptAt: now + outboxDelay(attempts),
            lastError: outcome.error,
          });
          const next = {
            ...submission,
            delivery: { ...submission.delivery, attempts, lastError: outcome.error },
          };
          await db.submissions.put(toRow(next));
        } else {
          await db.outbox.delete(item.submissionId);
          const next = {
            ...submission,
            delivery: { state: 'failed' as const, attempts, sentAt: null, lastError: outcome.error },
          };
          await db.submissions.put(toRow(next));
          await this.audit(
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
    const next = await db.outbox.orderBy('nextAttemptAt').first();
    this.deps.scheduleOutbox(next ? next.nextAttemptAt : null);
  }

  /** Re-resolve every submission against the library in use; serialised, idempotent. */
  refreshStatuses(): Promise<void> {
    this.refreshing = this.refreshing.then(
      () => this.refreshOnce(),
      () => this.refreshOnce(),
    );
    return this.refreshing;
  }

  private async refreshOnce(): Promise<void> {
    const { db } = this.deps;
    const library = await this.deps.loadLibrary();
    const now = this.deps.now();
    const identity = await this.deps.getIdentity();
    await db.transaction('rw', [db.submissions, db.audit], async () => {
      for (const row of await db.submissions.toArray()) {
        const submission = fromRow(row);
        if (!submission) continue;
        const resolved = resolveStatus(submission.fingerprint, library.approvals, now);
        const sameDecision = JSON.stringify(resolved.decision) === JSON.stringify(submission.decision);
        if (resolved.status === submission.status && sameDecision && resolved.expired === submission.expired)
          continue;
        const next: Submission = {
          ...submission,
          status: resolved.status,
          decision: resolved.decision,
          expired: resolved.expired,
          updatedAt: now,
          // News for the admin: a decision, a changed decision, or an approval that expired.
          unseen: resolved.status !== 'pending' || resolved.expired ? true : submission.unseen,
        };
        await db.submissions.put(toRow(next));
        await this.audit(
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
    await this.updateBadge();
  }

  async updateBadge(): Promise<number> {
    const count = await this.deps.db.submissions.where('unseen').equals(1).count();
    await this.deps.setBadge(count);
    return count;
  }

  /** Newest first; statuses are refreshed first so the list never lags behind a sync. */
  async listSubmissions(filter?: { status?: SubmissionStatus }): Promise<Submission[]> {
    await this.refreshStatuses();
    const rows = await this.deps.db.submissions.orderBy('createdAt').reverse().toArray();
    return rows
      .map(fromRow)
      .filter((submission): submission is Submission => submission !== undefined)
      .filter((submission) => !filter?.status || submission.status === filter.status);
  }

  /** The popup was opened: everything is seen, the toolbar badge clears. Returns how many were unseen. */
  async markSubmissionsSeen(): Promise<number> {
    const { db } = this.deps;
    let count = 0;
    await db.transaction('rw', db.submissions, async () => {
      for (const row of await db.submissions.where('unseen').equals(1).toArray()) {
        const submission = fromRow(row);
        if (!submission) continue;
        await db.submissions.put(toRow({ ...submission, unseen: false }));
        count++;
      }
    });
    await this.deps.setBadge(0);
    return count;
  }

  /**
   * The approval state of a draft. Order: the library's decision for this exact text; a
   * pre-approved caption filled as allowed; the admin's own submission of it; otherwise, if this
   * tab's field showed an approved text earlier (`contextKey`), changed-since-approval with that
   * text; otherwise not-submitted. An emptied field forgets the remembered approved text.
   */
  async getDraftApproval(query: DraftApprovalQuery, contextKey: string | null): Promise<DraftApproval> {
    const fingerprint = await fingerprintText(query.text);
    const base = { fingerprint, shortCode: shortCode(fingerprint) };
    const memoryKey = contextKey && `${contextKey}|${query.platform}|${query.field}`;
    if (!normalizeForFingerprint(query.text)) {
      if (memoryKey) await this.deps.memory.delete(memoryKey);
      return { status: 'not-submitted', ...base };
    }
    const { db } = this.deps;
    const [library, identity] = await Promise.all([this.deps.loadLibrary(), this.deps.getIdentity()]);
    const now = this.deps.now();
    const own = (await db.submissions.where('fingerprint').equals(fingerprint).toArray())
      .map(fromRow)
      .filter((submission): submission is Submission => submission !== undefined)
      .sort((a, b) => b.createdAt - a.createdAt)[0];
    const rememberApproved = async () => {
      if (memoryKey) await this.deps.memory.set(memoryKey, { fingerprint, text: query.text });
    };

    if (library.approvals.has(fingerprint)) {
      const resolved = resolveStatus(fingerprint, library.approvals, now);
      const decision = resolved.decision!;
      if (resolved.status === 'approved') await rememberApproved();
      return {
        status: resolved.status,
        ...base,
        reviewer: decision.reviewer,
        decidedAt: decision.decidedAt,
        ...(decision.note !== undefined ? { note: decision.note } : {}),
        ...(decision.expiresAt !== undefined ? { expiresAt: decision.expiresAt } : {}),
        ...(resolved.expired ? { expired: true } : {}),
        ...(own ? { submissionId: own.id } : {}),
      };
    }
    const caption = findMatchingCaption(query.text, library.captions, {
      agencyId: identity.agencyId,
      agencies: library.agencies,
      now,
    });
    if (caption) {
      await rememberApproved();
      return {
        status: 'approved',
        ...base,
        captionId: caption.id,
        reviewer: caption.approvedBy,
        decidedAt: caption.approvedAt,
      };
    }
    if (own) return { status: own.status, ...base, submissionId: own.id };
    const previous = memoryKey ? await this.deps.memory.get(memoryKey) : undefined;
    if (previous && previous.fingerprint !== fingerprint) {
      return { status: 'changed-since-approval', ...base, approvedText: previous.text };
    }
    return { status: 'not-submitted', ...base };
  }

  async logAudit(entry: AuditEntryInput): Promise<void> {
    await this.audit(AuditEntrySchema.parse(entry));
  }

  async exportAudit(format: 'csv' | 'json'): Promise<string> {
    const records = await readAudit(this.deps.db);
    return format === 'csv' ? formatAuditCsv(records) : formatAuditJson(records);
  }
}
