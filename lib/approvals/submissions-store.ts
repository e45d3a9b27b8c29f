import type { SatuPintuDb, SubmissionRow } from '@/lib/db/database';
import { SubmissionSchema } from './submission';
import type { Submission, SubmissionStatus } from './types';

/** A submission as its database row: the indexed columns beside the whole record. */
export function toRow(submission: Submission): SubmissionRow {
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

/** The record of a row, re-validated on the way out of storage; a row that no longer parses is skipped. */
export function fromRow(row: SubmissionRow | undefined): Submission | undefined {
  if (!row) return undefined;
  const parsed = SubmissionSchema.safeParse(row.submission);
  return parsed.success ? parsed.data : undefined;
}

function fromRows(rows: readonly SubmissionRow[]): Submission[] {
  const out: Submission[] = [];
  for (const row of rows) {
    const submission = fromRow(row);
    if (submission) out.push(submission);
  }
  return out;
}

/**
 * The submissions table, and the only place its rows are mapped to and from `Submission`. Writers
 * that must be atomic with the outbox or the audit log call these inside their own transaction.
 */
export function createSubmissionsStore(db: SatuPintuDb) {
  return {
    async get(id: string): Promise<Submission | undefined> {
      return fromRow(await db.submissions.get(id));
    },

    /** Every submission of a text, newest first. */
    async byFingerprint(fingerprint: string): Promise<Submission[]> {
      const rows = await db.submissions.where('fingerprint').equals(fingerprint).toArray();
      return fromRows(rows).sort((a, b) => b.createdAt - a.createdAt);
    },

    /** Newest first, optionally of one status. */
    async list(filter?: { status?: SubmissionStatus }): Promise<Submission[]> {
      const rows = await db.submissions.orderBy('createdAt').reverse().toArray();
      return fromRows(rows).filter((submission) => !filter?.status || submission.status === filter.status);
    },

    async all(): Promise<Submission[]> {
      return fromRows(await db.submissions.toArray());
    },

    async unseen(): Promise<Submission[]> {
      return fromRows(await db.submissions.where('unseen').equals(1).toArray());
    },

    async countUnseen(): Promise<number> {
      return db.submissions.where('unseen').equals(1).count();
    },

    async add(submission: Submission): Promise<void> {
      await db.submissions.add(toRow(submission));
    },

    async put(submission: Submission): Promise<void> {
      await db.submissions.put(toRow(submission));
    },
  };
}

export type SubmissionsStore = ReturnType<typeof createSubmissionsStore>;
