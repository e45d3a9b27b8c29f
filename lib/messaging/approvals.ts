import type { AuditEntryInput } from '@/lib/approvals/audit-log';
import type { ShareOptions } from '@/lib/approvals/share';
import type {
  DraftApproval,
  DraftApprovalQuery,
  Submission,
  SubmissionStatus,
  SubmitDraftInput,
  SubmitDraftResult,
} from '@/lib/approvals/types';

/** Messages of the approvals domain, answered by the background. Declare each once: `name(data: In): Out`. */
export interface ApprovalsProtocol {
  /** Sidebar `data-sp="submit"`: record the draft, queue it for the desk or the library's endpoint (or offer `share`). */
  submitDraft(data: SubmitDraftInput): SubmitDraftResult;
  /**
   * Sidebar badge `data-sp="approval"`, asked on each (debounced) change of the draft. The sender's
   * tab id, with platform and field, links the composer to the approved text it started from.
   */
  getDraftApproval(data: DraftApprovalQuery): DraftApproval;
  /** Popup list, newest first, optionally filtered; statuses are re-resolved before answering. */
  listSubmissions(data: { status?: SubmissionStatus }): Submission[];
  /** Share options (request text, WhatsApp, e-mail) for an existing submission. */
  getSubmissionShare(data: { id: string }): ShareOptions | null;
  /** The popup opened: clears `unseen` and the toolbar badge; returns how many were unseen. */
  markSubmissionsSeen(): number;
  /** Sidebar: library insertions, ignored findings (with reasons), restores of approved text. */
  logAudit(entry: AuditEntryInput): void;
  /** Options page: the audit log as CSV (RFC 4180) or JSON text. */
  exportAudit(data: { format: 'csv' | 'json' }): string;
}
