import type { FieldId, PlatformId } from '@/lib/platforms/types';

/** What the content script reports about the composer in its tab (asked by the popup). */
export interface DraftState {
  platform: PlatformId;
  /** null when no composer field was recognised on the page. */
  field: FieldId | null;
  text: string;
  verdict: 'ready' | 'review' | 'blocked';
  score: number;
  approval:
    | 'not-submitted'
    | 'pending'
    | 'approved'
    | 'changes-requested'
    | 'rejected'
    | 'changed-since-approval';
}

/** Messages answered by the content script (sent with a tabId). */
export interface ContentProtocol {
  getDraftState(): DraftState | null;
  toggleSidebar(): void;
}
