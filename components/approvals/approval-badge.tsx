import type { ApprovalStatus, DraftApproval } from '@/lib/approvals/types';
import { endOf } from '@/lib/guidelines/validity';
import { formatDateTime, t } from '@/lib/i18n/in-page';
import { trusted } from '../sidebar/trusted';
import { WordDiff } from './word-diff';

export interface ApprovalBadgeProps {
  /** What `getDraftApproval` answered (only `status` is required, e.g. for the popup's list). */
  approval: { status: ApprovalStatus } & Partial<Omit<DraftApproval, 'status'>>;
  /** The draft as it is now: with `approval.approvedText`, shows the word diff. */
  draftText?: string;
  /** One-click restore of the approved text (the sidebar inserts it through the platform editor). */
  onRestore?: (approvedText: string) => void;
  /** Smaller rendering (popup list): status label only. */
  compact?: boolean;
}

/**
 * The approval state of a draft (`data-sp="approval"`, `data-status`): label, short code, the
 * reviewer and their note, expiry; for changed-since-approval, the diff and a restore button.
 */
export function ApprovalBadge({ approval, draftText, onRestore, compact }: ApprovalBadgeProps) {
  const { status } = approval;
  const changed = status === 'changed-since-approval' && approval.approvedText !== undefined;
  return (
    <div class={`sp-approval sp-approval-${status}`} data-sp="approval" data-status={status}>
      <strong class="sp-approval-label">{t(`common.approval.${status}`)}</strong>
      {!compact && approval.shortCode && status !== 'not-submitted' && (
        <span class="sp-approval-code"> · {t('approvals.shortCode', { code: approval.shortCode })}</span>
      )}
      {!compact && approval.captionId && <p class="sp-approval-caption">{t('approvals.caption')}</p>}
      {!compact && approval.reviewer && (
        <p class="sp-approval-reviewer">{t('approvals.reviewer', { reviewer: approval.reviewer })}</p>
      )}
      {approval.note && <p class="sp-approval-note">{t('approvals.note', { note: approval.note })}</p>}
      {approval.expired && <p class="sp-approval-expired">{t('approvals.expired')}</p>}
      {!compact && !approval.expired && status === 'approved' && approval.expiresAt && (
        <p class="sp-approval-expires">
          {t('approvals.expiresAt', { date: formatDateTime(endOf(approval.expiresAt)) })}
        </p>
      )}
      {!compact && changed && (
        <div class="sp-approval-changed">
          <p>{t('approvals.changed.explain')}</p>
          <WordDiff before={approval.approvedText!} after={draftText ?? ''} />
          {onRestore && (
            <button
              type="button"
              data-sp="restore"
              onClick={trusted(() => onRestore(approval.approvedText!))}
            >
              {t('approvals.restore')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
