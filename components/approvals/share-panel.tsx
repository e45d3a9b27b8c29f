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
  const explainId = `sp-share-explain-${shortCode}`;
  return (
    <section class="sp-share" data-sp="share">
      <p id={explainId}>{t('approvals.share.explain', { code: shortCode })}</p>
      {/* A long request scrolls (max-height): keyboard users must reach and scroll it too. */}
      {/* biome-ignore lint/a11y/useSemanticElements: a named block of text, not a form's fieldset */}
      <pre
        class="sp-share-text"
        data-sp="share-text"
        style={PRE_WRAP}
        role="group"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be keyboard-reachable (axe scrollable-region-focusable)
        tabIndex={0}
        aria-labelledby={explainId}
      >
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
