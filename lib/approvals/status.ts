import { z } from 'zod';
import { endOf } from '@/lib/guidelines/validity';
import type { ApprovalRecord } from '@/lib/library/schema';
import {
  APPROVAL_STATUSES,
  type ApprovalStatus,
  DECISION_STATUSES,
  type Decision,
  SUBMISSION_STATUSES,
  type SubmissionStatus,
} from './types';

/** Boundary schemas of the statuses; the constants and types live in the zod-free ./types.ts. */
export const SubmissionStatusSchema = z.enum(SUBMISSION_STATUSES) satisfies z.ZodType<SubmissionStatus>;
export const ApprovalStatusSchema = z.enum(APPROVAL_STATUSES) satisfies z.ZodType<ApprovalStatus>;
export const DecisionStatusSchema = z.enum(DECISION_STATUSES);

export const DecisionSchema = z.object({
  status: DecisionStatusSchema,
  reviewer: z.string(),
  note: z.string().optional(),
  decidedAt: z.string(),
  expiresAt: z.string().optional(),
}) satisfies z.ZodType<Decision>;

export interface ResolvedStatus {
  status: SubmissionStatus;
  /** The latest decision for the fingerprint, even when it expired. */
  decision: Decision | null;
  /** True when the latest decision has expired: the text needs a new decision (status pending). */
  expired: boolean;
}

/**
 * The instant an approval stops counting (exclusive): a date-only value lasts through that day in
 * WIB — the same validity rule as the library's captions (lib/guidelines/validity.ts).
 */
export function expiryInstant(expiresAt: string): number {
  return endOf(expiresAt) + 1;
}

/** Library approvals grouped by fingerprint, each list newest decision first. */
export function indexApprovals(approvals: readonly ApprovalRecord[]): Map<string, ApprovalRecord[]> {
  const index = new Map<string, ApprovalRecord[]>();
  for (const record of approvals) {
    const list = index.get(record.fingerprint);
    if (list) list.push(record);
    else index.set(record.fingerprint, [record]);
  }
  for (const list of index.values()) list.sort((a, b) => Date.parse(b.decidedAt) - Date.parse(a.decidedAt));
  return index;
}

/**
 * The status of a fingerprint from the library's approval records (docs/library-format.md):
 * - the latest decision (by `decidedAt`) wins, whatever earlier ones said;
 * - a latest decision past its `expiresAt` no longer counts: the status goes back to `pending`
 *   (the bureau must decide again) and `expired` is set so the UI says "approval expired" —
 *   we do not fall back to an older decision, which the bureau has already superseded;
 * - no record: `pending` (submitted and waiting).
 */
export function resolveStatus(
  fingerprint: string,
  approvals: ReadonlyMap<string, readonly ApprovalRecord[]>,
  now: number,
): ResolvedStatus {
  const latest = approvals.get(fingerprint)?.[0];
  if (!latest) return { status: 'pending', decision: null, expired: false };
  const decision: Decision = {
    status: latest.status,
    reviewer: latest.reviewer,
    decidedAt: latest.decidedAt,
    ...(latest.note !== undefined ? { note: latest.note } : {}),
    ...(latest.expiresAt !== undefined ? { expiresAt: latest.expiresAt } : {}),
  };
  if (latest.expiresAt !== undefined && now >= expiryInstant(latest.expiresAt)) {
    return { status: 'pending', decision, expired: true };
  }
  return { status: latest.status, decision, expired: false };
}
