import type { SubmitDraftResult } from '@/lib/approvals/types';
import { t } from '@/lib/i18n/in-page';
import { SharePanel } from './share-panel';

export interface SubmitResultProps {
  result: SubmitDraftResult;
  onCopy: (text: string) => void;
  copied?: boolean;
}

/** What the sidebar shows after `submitDraft`: delivery state, and the share panel when needed. */
export function SubmitResult({ result, onCopy, copied }: SubmitResultProps) {
  const { submission, delivery } = result;
  const failed = submission.delivery.state === 'failed';
  return (
    <div class="sp-submit-result" data-sp="submit-result" data-delivery={failed ? 'failed' : delivery}>
      {result.duplicate && <p>{t('approvals.delivery.duplicate', { code: submission.shortCode })}</p>}
      {failed ? (
        <p>{t('approvals.delivery.failed', { error: submission.delivery.lastError ?? '' })}</p>
      ) : delivery === 'queued' ? (
        <p>{t('approvals.delivery.queued')}</p>
      ) : delivery === 'sent' ? (
        <p>{t('approvals.delivery.sent')}</p>
      ) : null}
      {(delivery === 'manual' || failed) && (
        <SharePanel shortCode={submission.shortCode} share={result.share} onCopy={onCopy} copied={copied} />
      )}
    </div>
  );
}
