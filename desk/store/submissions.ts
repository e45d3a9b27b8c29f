import type { SubmissionRequestBody } from '@/lib/approvals/types';
import type { ApprovalRecord } from '@/lib/library/schema';
import type { Queryable } from '../db/db';
import { recordAudit } from './audit';
import type { User } from './users';

export const DECISIONS = ['approved', 'changes-requested', 'rejected'] as const;
export type DecisionStatus = (typeof DECISIONS)[number];
export type DeskStatus = 'pending' | DecisionStatus;

export interface StoredSubmission {
  id: string;
  agencyId: string;
  fingerprint: string;
  shortCode: string;
  text: string;
  platform: string;
  field: string;
  adminName: string;
  adminRole: string;
  createdAt: Date;
  receivedAt: Date;
  status: DeskStatus;
}

export interface DecisionRow {
  status: DecisionStatus;
  note: string;
  reviewer: string;
  decidedAt: Date;
}

const COLUMNS = `id, agency_id AS "agencyId", fingerprint, short_code AS "shortCode", text, platform, field,
  admin_name AS "adminName", admin_role AS "adminRole", created_at AS "createdAt",
  received_at AS "receivedAt", status`;

export type ReceiveOutcome =
  | { kind: 'created' | 'existing'; id: string; status: DeskStatus }
  | { kind: 'conflict'; error: string };

/**
 * Stores a submission once. The same id (or the same idempotency key from the same agency) again
 * is "existing"; the same id with other content is a conflict. The new-submission path is one
 * statement (row and audit entry together, or neither), so nothing is ever half-stored and a busy
 * desk spends one round trip on it.
 */
export async function receiveSubmission(
  db: Queryable,
  agencyId: string,
  body: SubmissionRequestBody,
  idempotencyKey: string | null,
): Promise<ReceiveOutcome> {
  const inserted = await db.query<{ id: string }>(
    `WITH stored AS (
       INSERT INTO submissions (id, agency_id, idempotency_key, fingerprint, short_code, body, text, platform,
         field, admin_name, admin_role, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT DO NOTHING RETURNING id
     ), audited AS (
       INSERT INTO audit (actor, action, subject, detail)
       SELECT $13, 'submission-received', id, $5 FROM stored
     )
     SELECT id FROM stored`,
    [
      body.id,
      agencyId,
      idempotencyKey,
      body.fingerprint,
      body.shortCode,
      JSON.stringify(body),
      body.text,
      body.platform,
      body.field,
      body.adminName,
      body.adminRole,
      new Date(body.createdAt),
      `agency:${agencyId}`,
    ],
  );
  if (inserted.length) return { kind: 'created', id: body.id, status: 'pending' };
  // Already there under this id or this agency's idempotency key: a repeat, or a reused id.
  const rows = await db.query<{ id: string; agency_id: string; fingerprint: string; status: DeskStatus }>(
    `SELECT id, agency_id, fingerprint, status FROM submissions
     WHERE id = $1 OR (agency_id = $2 AND idempotency_key = $3)`,
    [body.id, agencyId, idempotencyKey],
  );
  const row = rows.find((candidate) => candidate.id === body.id) ?? rows[0];
  if (!row) return { kind: 'conflict', error: 'concurrent submission' };
  if (row.agency_id !== agencyId || (row.id === body.id && row.fingerprint !== body.fingerprint)) {
    return { kind: 'conflict', error: 'this id was already used for another submission' };
  }
  return { kind: 'existing', id: row.id, status: row.status };
}

export interface QueueFilter {
  status?: DeskStatus | 'all';
  agencyId?: string;
  platform?: string;
  /** Only submissions received within this many days. */
  maxAgeDays?: number;
  now: Date;
  limit?: number;
}

export function listSubmissions(db: Queryable, filter: QueueFilter): Promise<StoredSubmission[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (filter.status && filter.status !== 'all') add('status = ?', filter.status);
  if (filter.agencyId) add('agency_id = ?', filter.agencyId);
  if (filter.platform) add('platform = ?', filter.platform);
  if (filter.maxAgeDays)
    add('received_at >= ?', new Date(filter.now.getTime() - filter.maxAgeDays * 86_400_000));
  params.push(filter.limit ?? 200);
  return db.query<StoredSubmission>(
    `SELECT ${COLUMNS} FROM submissions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY received_at ASC, id ASC LIMIT $${params.length}`,
    params,
  );
}

export async function getSubmission(db: Queryable, id: string): Promise<StoredSubmission | null> {
  return (
    (await db.query<StoredSubmission>(`SELECT ${COLUMNS} FROM submissions WHERE id = $1`, [id]))[0] ?? null
  );
}

export function decisionsOf(db: Queryable, submissionId: string): Promise<DecisionRow[]> {
  return db.query<DecisionRow>(
    `SELECT status, note, reviewer, decided_at AS "decidedAt" FROM decisions
     WHERE submission_id = $1 ORDER BY id DESC`,
    [submissionId],
  );
}

/** Submissions whose short code (8 characters, case-insensitive) is `code`. */
export function findByShortCode(db: Queryable, code: string): Promise<StoredSubmission[]> {
  return db.query<StoredSubmission>(`SELECT ${COLUMNS} FROM submissions WHERE short_code = $1`, [
    code.toUpperCase(),
  ]);
}

/** A reviewer's own submission: the admin name on it is the reviewer's name or user name. */
export function isOwnSubmission(submission: Pick<StoredSubmission, 'adminName'>, user: User): boolean {
  const norm = (value: string) => value.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');
  const admin = norm(submission.adminName);
  return admin !== '' && (admin === norm(user.displayName) || admin === norm(user.username));
}

export type DecideOutcome = { ok: true } | { ok: false; reason: 'not-found' | 'own' | 'decided' };

/** Records a decision on a pending submission; a decided one must be reopened first. */
export function decideSubmission(
  db: { transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> },
  input: { id: string; status: DecisionStatus; note: string; user: User; now: Date },
): Promise<DecideOutcome> {
  return db.transaction(async (tx) => {
    const submission = await getSubmission(tx, input.id);
    if (!submission) return { ok: false, reason: 'not-found' };
    if (isOwnSubmission(submission, input.user)) return { ok: false, reason: 'own' };
    // The status check and the change are one statement: two reviewers at once cannot both decide.
    const changed = await tx.query(
      `UPDATE submissions SET status = $2 WHERE id = $1 AND status = 'pending' RETURNING id`,
      [input.id, input.status],
    );
    if (!changed.length) return { ok: false, reason: 'decided' };
    await tx.query(
      `INSERT INTO decisions (submission_id, fingerprint, status, note, reviewer, user_id, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        input.id,
        submission.fingerprint,
        input.status,
        input.note,
        input.user.displayName,
        input.user.id,
        input.now,
      ],
    );
    await recordAudit(tx, {
      actor: input.user.username,
      action: `decided-${input.status}`,
      subject: input.id,
      detail: input.note,
    });
    return { ok: true };
  });
}

/** Puts a decided submission back in the queue so it can be decided again (audited). */
export function reopenSubmission(
  db: { transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> },
  input: { id: string; user: User; note: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const changed = await tx.query(
      `UPDATE submissions SET status = 'pending' WHERE id = $1 AND status <> 'pending' RETURNING id`,
      [input.id],
    );
    if (!changed.length) return false;
    await recordAudit(tx, {
      actor: input.user.username,
      action: 'reopened',
      subject: input.id,
      detail: input.note,
    });
    return true;
  });
}

/** Every decision as a library approval record (the latest per fingerprint wins when merged). */
export async function decisionRecords(db: Queryable): Promise<ApprovalRecord[]> {
  const rows = await db.query<{ fingerprint: string } & DecisionRow>(
    `SELECT fingerprint, status, note, reviewer, decided_at AS "decidedAt" FROM decisions ORDER BY id ASC`,
  );
  // Keys in the schema's order: a republished record must serialise exactly like the published one.
  return rows.map((row) => ({
    fingerprint: row.fingerprint,
    status: row.status,
    reviewer: row.reviewer,
    ...(row.note ? { note: row.note } : {}),
    decidedAt: row.decidedAt.toISOString(),
  }));
}
