import { t } from '@/lib/i18n/in-page';
import type { Notice } from '@/lib/sidebar/model-types';
import { trusted } from './trusted';

export interface NoticeBarProps {
  notice: Notice | null;
  onCopy(text: string): void;
  onDismiss(): void;
}

/** The result of the last action (insert, fix, copy), with copy-to-clipboard when insert failed. */
export function NoticeBar({ notice, onCopy, onDismiss }: NoticeBarProps) {
  if (!notice) return null;
  const copyText = notice.copyText;
  return (
    <div
      class={`sp-notice sp-notice-${notice.kind}`}
      data-sp="notice"
      data-kind={notice.kind}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      <span>{t(notice.message, notice.params)}</span>
      {copyText !== undefined ? (
        <button type="button" data-sp="notice-copy" onClick={trusted(() => onCopy(copyText))}>
          {t('sidebar.notice.copy')}
        </button>
      ) : null}
      <button
        type="button"
        class="sp-link"
        aria-label={t('sidebar.notice.dismiss')}
        onClick={trusted(() => onDismiss())}
      >
        ×
      </button>
    </div>
  );
}
