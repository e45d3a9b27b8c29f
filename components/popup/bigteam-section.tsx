import { Button } from '@/components/ui/button';
import { SectionHeader } from '@/components/ui/section-header';
import { StatusPill } from '@/components/ui/status-pill';
import type { Tone } from '@/components/ui/tones';
import {
  MARK_DONE_ERRORS,
  type MarkDoneError,
  type RequestStatus,
  type RequestView,
} from '@/lib/bigteam/types';
import { formatDateTime, t } from '@/lib/i18n';
import type { ReplyCount } from '@/lib/popup/bigteam-model';

const STATUS_TONE: Record<RequestStatus, Tone> = { open: 'info', done: 'ok', expired: 'neutral' };

export interface PopupRequestsProps {
  /** null while loading. */
  requests: RequestView[] | null;
  links: Record<string, string>;
  errors: Record<string, string>;
  onLink(requestId: string, link: string): void;
  onMarkDone(requestId: string): void;
}

/** The agency's amplification requests: done / open / expired; an open one can be marked done with a link. */
export function PopupRequests(props: PopupRequestsProps) {
  const { requests } = props;
  return (
    <section class="sp-popup-requests" aria-labelledby="sp-requests-title">
      <SectionHeader id="sp-requests-title" title={t('bigteam.requests.title')} />
      {requests === null ? (
        <p>{t('common.loading')}</p>
      ) : requests.length === 0 ? (
        <p data-sp="requests-empty">{t('bigteam.requests.none')}</p>
      ) : (
        <ul class="sp-submissions">
          {requests.map((request) => {
            const error = props.errors[request.id];
            return (
              <li
                key={request.id}
                data-sp="request"
                data-request-id={request.id}
                data-status={request.status}
              >
                <strong>{request.title}</strong>{' '}
                <StatusPill tone={STATUS_TONE[request.status]}>
                  {t(`bigteam.requests.status.${request.status}`)}
                </StatusPill>
                {request.done ? (
                  <p class="sp-muted">
                    {t('bigteam.requests.doneAt', { date: formatDateTime(Date.parse(request.done.at)) })}
                  </p>
                ) : null}
                {request.status === 'open' ? (
                  <div class="sp-popup-actions">
                    <label>
                      {t('bigteam.requests.link')}{' '}
                      <input
                        type="url"
                        data-sp="request-done-link"
                        value={props.links[request.id] ?? ''}
                        onInput={(event) => props.onLink(request.id, event.currentTarget.value)}
                      />
                    </label>
                    <Button data-sp="request-mark-done" onClick={() => props.onMarkDone(request.id)}>
                      {t('bigteam.requests.markDone')}
                    </Button>
                  </div>
                ) : null}
                {error ? (
                  <p class="sp-error" role="alert">
                    {error === 'link'
                      ? t('bigteam.requests.badLink')
                      : (MARK_DONE_ERRORS as readonly string[]).includes(error)
                        ? t(`bigteam.requests.error.${error as MarkDoneError}`)
                        : t('bigteam.requests.markFailed', { error })}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Today's replies inserted from templates, by template; and the commitment prompt. */
export function PopupReplies(props: {
  replies: ReplyCount[];
  commitmentDue: boolean;
  onOpenOptions(): void;
}) {
  return (
    <section class="sp-popup-replies" aria-labelledby="sp-replies-title">
      {props.commitmentDue ? (
        <p class="sp-warn" data-sp="commitment-prompt">
          {t('bigteam.commitment.prompt')}{' '}
          <Button variant="link" data-sp="open-commitment" onClick={props.onOpenOptions}>
            {t('common.openOptions')}
          </Button>
        </p>
      ) : null}
      <SectionHeader id="sp-replies-title" title={t('bigteam.replies.title')} />
      <div data-sp="replies-today">
        {props.replies.length === 0 ? (
          <p>{t('bigteam.replies.none')}</p>
        ) : (
          <ul>
            {props.replies.map((reply) => (
              <li key={reply.templateId} data-template-id={reply.templateId} data-count={reply.count}>
                {t('bigteam.replies.count', { template: reply.title, count: reply.count })}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
