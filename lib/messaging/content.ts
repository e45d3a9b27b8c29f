import type { ApprovalStatus } from '@/lib/approvals/types';
import type { Verdict } from '@/lib/guidelines/types';
import type { FieldId, PlatformId } from '@/lib/platforms/types';

/** What the content script reports about the composer in its tab (asked by the popup). */
export interface DraftState {
  platform: PlatformId;
  /** null when no composer field was recognised on the page. */
  field: FieldId | null;
  text: string;
  verdict: Verdict;
  score: number;
  approval: ApprovalStatus;
}

/** Messages answered by the content script (sent with a tabId). */
export interface ContentProtocol {
  getDraftState(): DraftState | null;
  toggleSidebar(): void;
}
