import { Button } from '@/components/ui/button';
import { SectionHeader } from '@/components/ui/section-header';
import { COMMIT_ERRORS, type CommitError, type CommitmentText } from '@/lib/bigteam/types';
import { t } from '@/lib/i18n';

export interface CommitmentSectionProps {
  /** undefined while loading, null when the library carries none. */
  commitment: CommitmentText | null | undefined;
  committedVersion: string | null;
  busy: boolean;
  error: string | null;
  onCommit(): void;
}

/** The bureau's commitment text and the admin's "I commit" (again for every new version). */
export function CommitmentSection(props: CommitmentSectionProps) {
  const { commitment } = props;
  const committed = commitment ? props.committedVersion === commitment.version : false;
  return (
    <section
      class="sp-section sp-commitment"
      aria-labelledby="sp-commitment-title"
      data-committed={String(committed)}
    >
      <SectionHeader id="sp-commitment-title" title={t('bigteam.commitment.title')} />
      {commitment === undefined ? (
        <p>{t('common.loading')}</p>
      ) : commitment === null ? (
        <p>{t('bigteam.commitment.none')}</p>
      ) : (
        <>
          <p class="sp-muted">{t('bigteam.commitment.version', { version: commitment.version })}</p>
          <div class="sp-commitment-text" data-sp="commitment" style={{ whiteSpace: 'pre-wrap' }}>
            {commitment.text}
          </div>
          {committed ? (
            <p data-sp="commitment-status" role="status">
              {t('bigteam.commitment.committed', { version: commitment.version })}
            </p>
          ) : (
            <Button variant="primary" data-sp="commit" disabled={props.busy} onClick={props.onCommit}>
              {t('bigteam.commitment.commit')}
            </Button>
          )}
        </>
      )}
      {props.error ? (
        <p class="sp-error" role="alert">
          {(COMMIT_ERRORS as readonly string[]).includes(props.error)
            ? t(`bigteam.commitment.error.${props.error as CommitError}`)
            : t('bigteam.commitment.failed', { error: props.error })}
        </p>
      ) : null}
    </section>
  );
}
