import { z } from 'zod';
import { FIELD_IDS, PLATFORM_IDS } from '@/lib/platforms/types';
import { DecisionSchema, SubmissionStatusSchema } from './status';
import {
  DELIVERY_STATES,
  MAX_DRAFT_CHARS,
  type Submission,
  type SubmissionRequestBody,
  type SubmitDraftInput,
} from './types';

/** A submission read back from the database or a message: the boundary schema of `Submission`. */
export const SubmissionSchema = z.object({
  id: z.string().min(1),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  shortCode: z.string().length(8),
  text: z.string(),
  platform: z.enum(PLATFORM_IDS),
  field: z.enum(FIELD_IDS),
  agencyId: z.string().nullable(),
  adminName: z.string(),
  adminRole: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  status: SubmissionStatusSchema,
  decision: DecisionSchema.nullable(),
  expired: z.boolean(),
  unseen: z.boolean(),
  delivery: z.object({
    state: z.enum(DELIVERY_STATES),
    attempts: z.number().int().nonnegative(),
    sentAt: z.number().nullable(),
    lastError: z.string().nullable(),
  }),
}) satisfies z.ZodType<Submission>;

/** What `submitDraft` and `getDraftApproval` take from a content script. */
export const SubmitDraftInputSchema = z.object({
  text: z.string().max(MAX_DRAFT_CHARS),
  platform: z.enum(PLATFORM_IDS),
  field: z.enum(FIELD_IDS),
}) satisfies z.ZodType<SubmitDraftInput>;
export const DraftApprovalQuerySchema = SubmitDraftInputSchema;

/**
 * The submission body as a receiver (the desk, or any endpoint of the library's `endpoints.submit`)
 * validates it: docs/library-format.md describes each field. The extension builds it with
 * `toRequestBody`; the desk imports this schema rather than writing its own.
 */
export const SubmissionRequestBodySchema = z.object({
  id: z.string().min(1).max(200),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  shortCode: z.string().length(8),
  text: z.string().min(1).max(MAX_DRAFT_CHARS),
  platform: z.enum(PLATFORM_IDS),
  field: z.enum(FIELD_IDS),
  agencyId: z.string().max(200).nullable(),
  adminName: z.string().max(200),
  adminRole: z.string().max(200),
  createdAt: z.iso.datetime({ offset: true }),
}) satisfies z.ZodType<SubmissionRequestBody>;

export function toRequestBody(submission: Submission): SubmissionRequestBody {
  return {
    id: submission.id,
    fingerprint: submission.fingerprint,
    shortCode: submission.shortCode,
    text: submission.text,
    platform: submission.platform,
    field: submission.field,
    agencyId: submission.agencyId,
    adminName: submission.adminName,
    adminRole: submission.adminRole,
    createdAt: new Date(submission.createdAt).toISOString(),
  };
}
