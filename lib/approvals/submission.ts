import { z } from 'zod';
import { FIELD_IDS, PLATFORM_IDS } from '@/lib/platforms/types';
import { DecisionSchema, SubmissionStatusSchema } from './status';

/** How a submission reached (or did not reach) the bureau. */
export const DELIVERY_STATES = ['queued', 'sent', 'manual', 'failed'] as const;

/** A submission as stored in `submissions.submission` and as sent to the popup. The schema is the type. */
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
  /** The latest library decision for the fingerprint (kept when it expires, for the record). */
  decision: DecisionSchema.nullable(),
  /** The latest decision expired: status is back to pending until the bureau decides again. */
  expired: z.boolean(),
  /** Newly decided and not yet seen in the popup (drives the toolbar badge). */
  unseen: z.boolean(),
  delivery: z.object({
    state: z.enum(DELIVERY_STATES),
    attempts: z.number().int().nonnegative(),
    sentAt: z.number().nullable(),
    lastError: z.string().nullable(),
  }),
});
export type Submission = z.infer<typeof SubmissionSchema>;

/** What `submitDraft` takes from the sidebar. */
export const SubmitDraftInputSchema = z.object({
  text: z.string().max(200_000),
  platform: z.enum(PLATFORM_IDS),
  field: z.enum(FIELD_IDS),
});
export type SubmitDraftInput = z.infer<typeof SubmitDraftInputSchema>;

/** The JSON body POSTed to `endpoints.submit`; the receiver de-duplicates by `id`. */
export interface SubmissionRequestBody {
  id: string;
  fingerprint: string;
  shortCode: string;
  text: string;
  platform: string;
  field: string;
  agencyId: string | null;
  adminName: string;
  adminRole: string;
  createdAt: string;
}

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

/** What `getDraftApproval` takes (same fields as a submission; validated at the message boundary). */
export const DraftApprovalQuerySchema = SubmitDraftInputSchema;
