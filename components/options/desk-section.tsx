import { t } from '@/lib/i18n';
import type { FieldErrors, FieldName, SettingsForm } from '@/lib/settings/form';
import { describedBy, Field } from './field';

export interface DeskSectionProps {
  url: string;
  token: string;
  errors: FieldErrors;
  onEdit(patch: Partial<SettingsForm>, clear?: FieldName[]): void;
}

/** The bureau's approval desk: its address and the agency's token (docs/desk.md). */
export function DeskSection({ url, token, errors, onEdit }: DeskSectionProps) {
  return (
    <fieldset class="sp-section" aria-describedby="sp-desk-hint">
      <legend>{t('options.desk.legend')}</legend>
      <p id="sp-desk-hint" class="sp-hint">
        {t('options.desk.hint')}
      </p>
      <Field
        name="deskUrl"
        label={t('options.desk.url')}
        hint={t('options.desk.urlHint')}
        error={errors.deskUrl}
      >
        <input
          {...describedBy('deskUrl', true, errors.deskUrl)}
          type="url"
          inputMode="url"
          spellcheck={false}
          autocomplete="off"
          data-sp="desk-url"
          value={url}
          onInput={(event) => onEdit({ deskUrl: event.currentTarget.value }, ['deskUrl', 'deskToken'])}
        />
      </Field>
      <Field
        name="deskToken"
        label={t('options.desk.token')}
        hint={t('options.desk.tokenHint')}
        error={errors.deskToken}
      >
        <input
          {...describedBy('deskToken', true, errors.deskToken)}
          type="password"
          spellcheck={false}
          autocomplete="off"
          data-sp="desk-token"
          value={token}
          onInput={(event) => onEdit({ deskToken: event.currentTarget.value }, ['deskToken', 'deskUrl'])}
        />
      </Field>
    </fieldset>
  );
}
