import { useState } from 'preact/hooks';
import { SharePanel } from '@/components/approvals/share-panel';
import { Button } from '@/components/ui/button';
import { StatusPill } from '@/components/ui/status-pill';
import { approvalTone } from '@/components/ui/tones';
import type { ShareOptions } from '@/lib/approvals/share';
import type { Submission } from '@/lib/approvals/types';
import { formatDateTime, t } from '@/lib/i18n';

export interface SubmissionItemProps {
  submission: Submission;
  copied: boolean;
  onCopy: (submission: Submission) => void;
  /** Loaded share options when the admin opened "send the request" for this submission. */
  share: ShareOptions | null;
  /** Opens/closes the share panel (offered when the request must be sent by hand). */
  onShare: (submission: Submission) => void;
  onCopyText: (text: string) => void;
}

/** One submission (`data-sp="submission"`): status, time, code, the reviewer's note; open and copy the text. */
export function SubmissionItem({
  submission,
  copied,
  onCopy,
  share,
  onShare,
  onCopyText,
}: SubmissionItemProps) {
  const manual = submission.delivery.state === 'manual' || submission.delivery.state === 'failed';
  const [open, setOpen] = useState(false);
  const { decision } = submission;
  return (
    <li
      class={`sp-submission sp-status-${submission.status}${submission.unseen ? ' sp-unseen' : ''}`}
      data-sp="submission"
      data-status={submission.status}
      data-fingerprint={submission.fingerprint}
      data-id={submission.id}
    >
      <div class="sp-submission-head">
        <StatusPill
          tone={approvalTone(submission.status)}
          class="sp-submission-status"
          data-sp="submission-status"
        >
          {t(`common.approval.${submission.status}`)}
        </StatusPill>
        {submission.unseen && (
          <StatusPill tone="info" class="sp-new">
            {t('popup.submissions.new')}
          </StatusPill>
        )}
        <time dateTime={new Date(submission.createdAt).toISOString()}>
          {formatDateTime(submission.createdAt)}
        </time>
      </div>
      <div class="sp-submission-meta">
        {t('popup.submissions.code', { code: submission.shortCode })} ·{' '}
        {t('popup.submissions.where', {
          platform: t(`common.platform.${submission.platform}`),
          field: t(`common.field.${submission.field}`),
        })}{' '}
        · {t(`popup.submissions.delivery.${submission.delivery.state}`)}
      </div>
      {decision?.reviewer && submission.status !== 'pending' && (
        <div class="sp-submission-reviewer">{t('approvals.reviewer', { reviewer: decision.reviewer })}</div>
      )}
      {decision?.note && <div class="sp-submission-note">{t('approvals.note', { note: decision.note })}</div>}
      {submission.expired && <div class="sp-submission-expired">{t('approvals.expired')}</div>}
      <div class="sp-submission-actions">
        <Button data-sp="submission-open" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('popup.submissions.hide') : t('popup.submissions.show')}
        </Button>
        <Button data-sp="submission-copy" onClick={() => onCopy(submission)}>
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
        {manual && submission.status === 'pending' && (
          <Button
            data-sp="submission-share"
            aria-expanded={share !== null}
            onClick={() => onShare(submission)}
          >
            {t('popup.submissions.share')}
          </Button>
        )}
      </div>
      {share && <SharePanel shortCode={submission.shortCode} share={share} onCopy={onCopyText} />}
      {open && (
        // A long text scrolls (max-height): keyboard users must reach and scroll it too.
        // biome-ignore lint/a11y/useSemanticElements: a named block of text, not a form's fieldset
        <pre
          class="sp-submission-text"
          data-sp="submission-text"
          style={{ whiteSpace: 'pre-wrap' }}
          role="group"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be keyboard-reachable (axe scrollable-region-focusable)
          tabIndex={0}
          aria-label={t('popup.submissions.code', { code: submission.shortCode })}
        >
          {submission.text}
        </pre>
      )}
    </li>
  );
}
