import type { ComponentChildren } from 'preact';
import { ApprovalBadge } from '@/components/approvals/approval-badge';
import { Button } from '@/components/ui/button';
import { SectionHeader } from '@/components/ui/section-header';
import { StatusPill } from '@/components/ui/status-pill';
import { verdictTone } from '@/components/ui/tones';
import type { ShareOptions } from '@/lib/approvals/share';
import { SUBMISSION_STATUSES, type Submission } from '@/lib/approvals/types';
import { t } from '@/lib/i18n';
import type { PopupDraft, SubmissionFilter } from '@/lib/popup/popup-model';
import { SubmissionItem } from './submission-item';

export interface PopupProps {
  draft: PopupDraft;
  /** null while loading. */
  submissions: Submission[] | null;
  filter: SubmissionFilter;
  onFilter: (filter: SubmissionFilter) => void;
  /** The library line (describeLibraryStatus), in the UI language. */
  libraryText: string;
  syncing: boolean;
  onSync: () => void;
  copiedId: string | null;
  onCopy: (submission: Submission) => void;
  /** The share panel open under one submission. */
  share: { id: string; options: ShareOptions } | null;
  onShare: (submission: Submission) => void;
  onCopyText: (text: string) => void;
  error: string | null;
  onOpenOptions: () => void;
  /** The amplification requests and today's replies (components/popup/bigteam-section.tsx). */
  bigTeam?: ComponentChildren;
}

/** The toolbar popup: this tab's draft, my submissions, the library's freshness. Props in, callbacks out. */
export function Popup(props: PopupProps) {
  const { draft, submissions, filter } = props;
  const shown = submissions?.filter((submission) => filter === 'all' || submission.status === filter) ?? [];
  const count = (status: SubmissionFilter) =>
    submissions?.filter((submission) => status === 'all' || submission.status === status).length ?? 0;
  return (
    <main class="sp-popup" data-sp="popup">
      <h1>{t('common.appName')}</h1>

      <section class="sp-popup-draft" aria-labelledby="sp-draft-title">
        <SectionHeader id="sp-draft-title" title={t('popup.draft.title')} />
        {draft.kind === 'loading' ? (
          <p>{t('common.loading')}</p>
        ) : draft.kind === 'none' ? (
          <p data-sp="no-draft">{t('popup.draft.none')}</p>
        ) : (
          <div>
            <p class="sp-popup-where">
              {t(`common.platform.${draft.draft.platform}`)}
              {draft.draft.field && ` · ${t(`common.field.${draft.draft.field}`)}`}
            </p>
            <p class="sp-popup-verdict">
              <StatusPill
                tone={verdictTone(draft.draft.verdict)}
                class={`sp-verdict sp-verdict-${draft.draft.verdict}`}
                data-sp="verdict"
                data-verdict={draft.draft.verdict}
              >
                {t(`common.verdict.${draft.draft.verdict}`)}
              </StatusPill>{' '}
              {t('popup.draft.score', { score: draft.draft.score })}
            </p>
            <ApprovalBadge approval={{ status: draft.draft.approval }} compact />
          </div>
        )}
      </section>

      {props.bigTeam}

      <section class="sp-popup-submissions" aria-labelledby="sp-submissions-title">
        <SectionHeader id="sp-submissions-title" title={t('popup.submissions.title')} />
        {submissions === null ? (
          <p>{t('common.loading')}</p>
        ) : (
          <>
            <label class="sp-filter">
              {t('popup.submissions.filter')}{' '}
              <select
                class="sp-select"
                data-sp="submission-filter"
                value={filter}
                onChange={(event) =>
                  props.onFilter((event.currentTarget as HTMLSelectElement).value as SubmissionFilter)
                }
              >
                <option value="all">{t('popup.submissions.all', { count: count('all') })}</option>
                {SUBMISSION_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t('popup.submissions.statusCount', {
                      status: t(`common.approval.${status}`),
                      count: count(status),
                    })}
                  </option>
                ))}
              </select>
            </label>
            {shown.length === 0 ? (
              <p data-sp="submissions-empty">
                {submissions.length === 0 ? t('popup.submissions.empty') : t('popup.submissions.emptyFilter')}
              </p>
            ) : (
              <ul class="sp-submissions">
                {shown.map((submission) => (
                  <SubmissionItem
                    key={submission.id}
                    submission={submission}
                    copied={props.copiedId === submission.id}
                    onCopy={props.onCopy}
                    share={props.share?.id === submission.id ? props.share.options : null}
                    onShare={props.onShare}
                    onCopyText={props.onCopyText}
                  />
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      <section class="sp-popup-library" aria-labelledby="sp-library-title">
        <SectionHeader id="sp-library-title" title={t('popup.library.title')} />
        <p data-sp="sync-status" aria-live="polite">
          {props.libraryText}
        </p>
        <div class="sp-popup-actions">
          <Button variant="primary" data-sp="sync" disabled={props.syncing} onClick={props.onSync}>
            {props.syncing ? t('popup.library.syncing') : t('popup.library.sync')}
          </Button>
          <Button variant="link" data-sp="open-options" onClick={props.onOpenOptions}>
            {t('common.openOptions')}
          </Button>
        </div>
      </section>
      {props.error && (
        <p class="sp-error" role="alert">
          {t('common.error', { detail: props.error })}
        </p>
      )}
    </main>
  );
}
