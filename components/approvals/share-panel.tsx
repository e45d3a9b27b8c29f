import type { ShareOptions } from '@/lib/approvals/share';
import { t } from '@/lib/i18n/in-page';
import { trusted } from '../sidebar/trusted';

export interface SharePanelProps {
  shortCode: string;
  share: ShareOptions;
  /** Copy the formatted request (the page/sidebar owns the clipboard). */
  onCopy: (text: string) => void;
  /** True right after a copy, to confirm it. */
  copied?: boolean;
}

/** Inline so long requests wrap even where approvals.css is not loaded. */
const PRE_WRAP = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/** When the library has no submit endpoint: the request to send by hand — copy, WhatsApp, e-mail. */
export function SharePanel({ shortCode, share, onCopy, copied }: SharePanelProps) {
  return (
    <section class="sp-share" data-sp="share">
      <p>{t('approvals.share.explain', { code: shortCode })}</p>
      <pre class="sp-share-text" data-sp="share-text" style={PRE_WRAP}>
        {share.requestText}
      </pre>
      <div class="sp-share-actions">
        <button type="button" data-sp="share-copy" onClick={trusted(() => onCopy(share.requestText))}>
          {copied ? t('common.copied') : t('approvals.share.copy')}
        </button>
        <a
          data-sp="share-whatsapp"
          onClick={trusted(() => {})}
          href={share.whatsappUrl}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('approvals.share.whatsapp')}
        </a>
        <a
          data-sp="share-email"
          onClick={trusted(() => {})}
          href={share.mailtoUrl}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('approvals.share.email')}
        </a>
      </div>
    </section>
  );
}
