/**
 * The approvals domain's constants and types, free of zod so that the content script, the popup and
 * the desk can import them at no cost. The zod schemas at the trust boundaries (status.ts,
 * submission.ts) are checked against these types; docs/contracts.md lists the statuses and the
 * submission body.
 */
import type { Language } from '@/lib/i18n/types';
import type { FieldId, PlatformId } from '@/lib/platforms/types';
import type { ShareOptions } from './share';

/** The bureau's decisions, as the library's approval records carry them. */
export const DECISION_STATUSES = ['approved', 'changes-requested', 'rejected'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** The statuses a submission can have (the bureau's decisions plus "waiting"). */
export const SUBMISSION_STATUSES = ['pending', ...DECISION_STATUSES] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** What the sidebar and popup show for a draft (`data-sp="approval"` `data-status` values). */
export const APPROVAL_STATUSES = ['not-submitted', ...SUBMISSION_STATUSES, 'changed-since-approval'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** How a submission reached (or did not reach) the bureau. */
export const DELIVERY_STATES = ['queued', 'sent', 'manual', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** The longest draft a submission or an approval query may carry. */
export const MAX_DRAFT_CHARS = 200_000;

/** The decision that currently applies to a fingerprint, as stored on a submission. */
export interface Decision {
  status: DecisionStatus;
  reviewer: string;
  note?: string | undefined;
  decidedAt: string;
  expiresAt?: string | undefined;
}

export interface Delivery {
  state: DeliveryState;
  attempts: number;
  sentAt: number | null;
  lastError: string | null;
}

/** A submission as stored in `submissions.submission` and as sent to the popup. */
export interface Submission {
  id: string;
  fingerprint: string;
  shortCode: string;
  text: string;
  platform: PlatformId;
  field: FieldId;
  agencyId: string | null;
  adminName: string;
  adminRole: string;
  createdAt: number;
  updatedAt: number;
  status: SubmissionStatus;
  /** The latest library decision for the fingerprint (kept when it expires, for the record). */
  decision: Decision | null;
  /** The latest decision expired: status is back to pending until the bureau decides again. */
  expired: boolean;
  /** Newly decided and not yet seen in the popup (drives the toolbar badge). */
  unseen: boolean;
  delivery: Delivery;
}

/** What `submitDraft` takes from the sidebar (and `getDraftApproval`: the same fields). */
export interface SubmitDraftInput {
  text: string;
  platform: PlatformId;
  field: FieldId;
}
export type DraftApprovalQuery = SubmitDraftInput;

/**
 * The JSON body POSTed to the library's `endpoints.submit` or to the desk's `/api/submissions`
 * (docs/library-format.md, docs/desk.md); the receiver de-duplicates by `id`, which is also sent as
 * the `Idempotency-Key` header.
 */
export interface SubmissionRequestBody {
  id: string;
  fingerprint: string;
  shortCode: string;
  text: string;
  platform: PlatformId;
  field: FieldId;
  agencyId: string | null;
  adminName: string;
  adminRole: string;
  /** ISO 8601 with `Z`. */
  createdAt: string;
}

export type SubmitDelivery = 'queued' | 'sent' | 'manual';

export interface SubmitDraftResult {
  submission: Submission;
  /** The same text was already submitted and is pending or approved: nothing new was recorded. */
  duplicate: boolean;
  /** `manual`: there is nowhere to send it — the UI offers `share`. */
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

/** Who is submitting (from the settings at the time of the action). */
export interface ApprovalsIdentity {
  agencyId: string | null;
  adminName: string;
  adminRole: string;
  language: Language;
}

/** An approved text a composer showed: what a later edit is compared with (changed-since-approval). */
export interface ApprovedText {
  fingerprint: string;
  text: string;
  platform: PlatformId;
  field: FieldId;
  /** When a composer last showed it (epoch ms); the oldest are forgotten first. */
  seenAt: number;
}

/**
 * What the extension remembers about approved texts, in extension storage so that it survives
 * browser restarts and reaches new tabs: the approved texts composers showed, and which of them
 * each open composer (tab, platform, field) started from.
 */
export interface ApprovedTextsState {
  texts: ApprovedText[];
  /** Composer key → fingerprint of the approved text it started from. */
  contexts: Record<string, string>;
}
