import type { RequestView } from '@/lib/bigteam/types';
import { t } from '@/lib/i18n/in-page';
import type { ReplyEntry } from '@/lib/sidebar/bigteam-state';
import { trusted } from './trusted';

export interface RequestsSectionProps {
  requests: RequestView[];
  canInsert: boolean;
  busy: boolean;
  onInsert(requestId: string): void;
  onCopy(text: string): void;
}

/** "Permintaan amplifikasi": the bureau's requests to share, on top of the library panel. */
export function RequestsSection(props: RequestsSectionProps) {
  return (
    <section class="sp-library sp-requests" aria-label={t('bigteam.sidebar.requests')}>
      <h2>{t('bigteam.sidebar.requests')}</h2>
      {props.requests.length === 0 ? <p class="sp-muted">{t('bigteam.sidebar.requests.none')}</p> : null}
      <ul class="sp-captions">
        {props.requests.map((request) => (
          <li
            key={request.id}
            class="sp-item"
            data-sp="request"
            data-request-id={request.id}
            data-status={request.status}
          >
            <div class="sp-item-head">
              <strong>{request.title}</strong>
              <span class="sp-badge">{t(`bigteam.sidebar.status.${request.status}`)}</span>
              {request.priority === 'high' ? (
                <span class="sp-badge">{t('bigteam.sidebar.priority.high')}</span>
              ) : null}
            </div>
            <p class="sp-muted">{t('bigteam.sidebar.until', { date: request.until })}</p>
            {/* biome-ignore lint/a11y/useSemanticElements: a named group of text, not a form's fieldset */}
            <div
              class="sp-caption-text"
              role="group"
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be keyboard-reachable (axe scrollable-region-focusable)
              tabIndex={0}
              aria-label={request.title}
            >
              {request.text}
            </div>
            <div class="sp-actions">
              {props.canInsert && request.status !== 'expired' ? (
                <button
                  type="button"
                  data-sp="insert"
                  disabled={props.busy}
                  aria-label={t('bigteam.sidebar.insertRequest', { title: request.title })}
                  onClick={trusted(() => props.onInsert(request.id))}
                >
                  {t('sidebar.library.insert')}
                </button>
              ) : null}
              <button type="button" data-sp="copy" onClick={trusted(() => props.onCopy(request.text))}>
                {t('common.copy')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface ReplyTemplatesProps {
  replies: ReplyEntry[];
  canInsert: boolean;
  busy: boolean;
  onInput(templateId: string, name: string, value: string): void;
  onInsert(templateId: string): void;
  onCopy(text: string): void;
}

/** Approved replies for a comment or reply box; `{{user}}` is typed, the agency's PPID filled. */
export function ReplyTemplates(props: ReplyTemplatesProps) {
  return (
    <section class="sp-library sp-replies" aria-label={t('bigteam.sidebar.replies')}>
      <h2>{t('bigteam.sidebar.replies')}</h2>
      <p class="sp-muted">{t('bigteam.sidebar.replies.hint')}</p>
      {props.replies.length === 0 ? <p class="sp-muted">{t('bigteam.sidebar.replies.none')}</p> : null}
      <ul class="sp-captions">
        {props.replies.map((entry) => {
          const { template } = entry;
          const noPpid = entry.missing.some((name) => name.startsWith('ppid_'));
          return (
            <li
              key={template.id}
              class="sp-item"
              data-sp="reply-template"
              data-template-id={template.id}
              data-situation={template.situation}
            >
              <div class="sp-item-head">
                <strong>{template.title}</strong>
                <span class="sp-badge">{t(`bigteam.sidebar.situation.${template.situation}`)}</span>
              </div>
              {entry.inputs.map((name) => (
                <label key={name} class="sp-placeholder">
                  {t('sidebar.library.placeholder', { name })}
                  <input
                    type="text"
                    data-sp="placeholder"
                    data-name={name}
                    value={entry.values[name] ?? ''}
                    onInput={trusted((event) => props.onInput(template.id, name, event.currentTarget.value))}
                  />
                </label>
              ))}
              {/* biome-ignore lint/a11y/useSemanticElements: a named group of text, not a form's fieldset */}
              <div
                class="sp-caption-text"
                data-sp="reply-text"
                role="group"
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be keyboard-reachable (axe scrollable-region-focusable)
                tabIndex={0}
                aria-label={template.title}
              >
                {entry.text}
              </div>
              {template.source ? (
                <p class="sp-muted">{t('bigteam.sidebar.source', { source: template.source })}</p>
              ) : null}
              {noPpid ? <p class="sp-muted sp-warn">{t('bigteam.sidebar.replies.noPpid')}</p> : null}
              <div class="sp-actions">
                {props.canInsert ? (
                  <button
                    type="button"
                    data-sp="insert"
                    disabled={props.busy || entry.missing.length > 0}
                    aria-label={t('bigteam.sidebar.insertReply', { title: template.title })}
                    onClick={trusted(() => props.onInsert(template.id))}
                  >
                    {t('sidebar.library.insert')}
                  </button>
                ) : null}
                <button
                  type="button"
                  data-sp="copy"
                  disabled={entry.missing.length > 0}
                  onClick={trusted(() => props.onCopy(entry.text))}
                >
                  {t('common.copy')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
