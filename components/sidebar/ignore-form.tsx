import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/in-page';
import { trusted } from './trusted';

export interface IgnoreFormProps {
  needsReason: boolean;
  /** Returns false when the reason was required and missing (nothing ignored). */
  onConfirm(reason: string): boolean;
}

/**
 * The reason for ignoring a finding (required for personal data and child protection). A form's
 * submit event is fired by the browser even when a page script asked for it (`requestSubmit()`),
 * so submitting never ignores anything: only the person's own click on confirm, or Enter typed
 * in the reason, does.
 */
export function IgnoreForm({ needsReason, onConfirm }: IgnoreFormProps) {
  const [reason, setReason] = useState('');
  const [refused, setRefused] = useState(false);
  const confirm = () => setRefused(!onConfirm(reason));
  return (
    <form class="sp-ignore" data-sp="ignore-form" onSubmit={(event) => event.preventDefault()}>
      <label>
        {t('sidebar.finding.ignoreReason')}
        <input
          type="text"
          data-sp="ignore-reason"
          maxLength={300}
          required={needsReason}
          aria-required={needsReason}
          aria-invalid={refused}
          value={reason}
          onInput={trusted((event) => setReason(event.currentTarget.value))}
          onKeyDown={trusted((event: KeyboardEvent) => {
            if (event.key !== 'Enter' || event.isComposing) return;
            event.preventDefault();
            confirm();
          })}
        />
      </label>
      {needsReason ? <p class="sp-hint">{t('sidebar.finding.ignoreReasonRequired')}</p> : null}
      <button type="button" data-sp="ignore-confirm" onClick={trusted(confirm)}>
        {t('sidebar.finding.ignoreConfirm')}
      </button>
    </form>
  );
}
