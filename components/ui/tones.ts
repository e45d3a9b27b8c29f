import type { ApprovalStatus } from '@/lib/approvals/types';
import type { Verdict } from '@/lib/guidelines/types';

/** The colours a status can take; every surface maps its statuses through these functions. */
export type Tone = 'ok' | 'warn' | 'error' | 'info' | 'neutral';

export function verdictTone(verdict: Verdict): Tone {
  return verdict === 'ready' ? 'ok' : verdict === 'review' ? 'warn' : 'error';
}

export function approvalTone(status: ApprovalStatus): Tone {
  switch (status) {
    case 'approved':
      return 'ok';
    case 'pending':
      return 'info';
    case 'changes-requested':
      return 'warn';
    case 'rejected':
    case 'changed-since-approval':
      return 'error';
    default:
      return 'neutral';
  }
}
