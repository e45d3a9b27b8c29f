import type { PlatformId } from '@/lib/platforms/types';

/**
 * The big team: amplification requests from the bureau, approved reply templates for answering
 * citizens, and the admin's commitment. Zod-free: the content script, the popup and the background
 * import these; the library schema (lib/library/schema.ts) is checked against them.
 * See docs/big-team.md.
 */

export const REQUEST_PRIORITIES = ['high', 'normal', 'low'] as const;
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number];

/** A library post the bureau asks agencies to share. Travels in the signed library (`requests`). */
export interface AmplificationRequest {
  /** Stable slug, e.g. `hut-kalbar-2026`. */
  id: string;
  title: string;
  /** The library caption to post (its placeholders are filled as for any caption). */
  captionId: string;
  /** An optional hashtag set to add. */
  hashtagSetId?: string;
  /** An optional link to include, and a note about the media to attach. */
  link?: string;
  mediaNote?: string;
  /** Agency ids asked to share; empty = every agency. */
  agencies: string[];
  /** Platforms to share on; empty = every platform the caption is for. */
  platforms: PlatformId[];
  /** The window: a day (`2026-12-01`, a WIB day) or an ISO date-time with an offset. */
  from: string;
  until: string;
  priority: RequestPriority;
}

export const REQUEST_STATUSES = ['open', 'done', 'expired'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** A request as this admin's agency sees it now. */
export interface RequestView extends AmplificationRequest {
  status: RequestStatus;
  /** The caption text with the agency's placeholders filled (what insert puts in the editor). */
  text: string;
  /** When and where it was recorded done, if it was. */
  done?: RequestDone;
}

/** What the extension reports to the desk when a request is done — never other page content. */
export interface RequestDone {
  requestId: string;
  /** Approval fingerprint (lib/approvals/fingerprint.ts) of the text that was posted. */
  fingerprint: string;
  platform: PlatformId;
  /** ISO date-time. */
  at: string;
  /** A link to the post, when the admin gave one. */
  link?: string;
  /** How it was recorded: the platform's own post button, or the admin's mark with a link. */
  via: 'post-button' | 'marked';
}

export const REPLY_SITUATIONS = ['thanks', 'information', 'complaint', 'correction', 'emergency'] as const;
export type ReplySituation = (typeof REPLY_SITUATIONS)[number];

/**
 * An approved reply to a citizen. Placeholders: {{user}} (the citizen's name, filled by the admin),
 * {{agency.name}}, {{agency.shortName}}, {{ppid.name}}, {{ppid.contact}} (from the agency's identity).
 */
export interface ReplyTemplate {
  id: string;
  title: string;
  situation: ReplySituation;
  /** Empty = every platform. */
  platforms: PlatformId[];
  text: string;
  /** Where a correction's facts come from (shown beside the template). */
  source?: string;
}

/** The agency's information and documentation officer (PPID), in the agency's library entry. */
export interface PpidContact {
  name: string;
  contact: string;
}

/** The bureau's commitment text (library `commitment`); a new version asks every admin again. */
export interface CommitmentText {
  version: string;
  text: string;
}

/** Why `markRequestDone` refused (docs/big-team.md): codes for the popup to put in words. */
export const MARK_DONE_ERRORS = ['unknown-request', 'expired', 'invalid-link', 'wrong-platform'] as const;
export type MarkDoneError = (typeof MARK_DONE_ERRORS)[number];

/** Why `commit` refused: the library has no commitment, a newer version came, no admin name yet. */
export const COMMIT_ERRORS = ['no-commitment', 'stale-version', 'no-admin-name'] as const;
export type CommitError = (typeof COMMIT_ERRORS)[number];

/** The admin's commitment: audit log, and the desk when one is configured. */
export interface CommitmentRecord {
  version: string;
  agencyId: string;
  adminName: string;
  /** ISO date-time. */
  at: string;
}
