import { t } from '@/lib/i18n';
import type { Agency } from '@/lib/library/schema';
import type { Directory } from '@/lib/options/options-model';
import { PLATFORM_IDS } from '@/lib/platforms/types';
import { type FieldErrors, type FieldName, HANDLE_FIELDS, type SettingsForm } from '@/lib/settings/form';
import { AgencyPicker } from './agency-picker';
import { describedBy, Field } from './field';

export interface IdentitySectionProps {
  form: SettingsForm;
  errors: FieldErrors;
  directory: Directory;
  onEdit(patch: Partial<SettingsForm>, clear?: FieldName[]): void;
  onAgency(agency: Agency | null): void;
}

/** The agency, the admin's name and role, and the agency's account on each platform. */
export function IdentitySection({ form, errors, directory, onEdit, onAgency }: IdentitySectionProps) {
  return (
    <fieldset class="sp-section">
      <legend>{t('options.identity.legend')}</legend>
      <AgencyPicker directory={directory} value={form.agencyId} error={errors.agency} onChange={onAgency} />
      <Field name="adminName" label={t('options.adminName.label')} error={errors.adminName}>
        <input
          {...describedBy('adminName', false, errors.adminName)}
          type="text"
          autocomplete="name"
          data-sp="admin-name"
          value={form.adminName}
          onInput={(event) => onEdit({ adminName: event.currentTarget.value }, ['adminName'])}
        />
      </Field>
      <Field
        name="adminRole"
        label={t('options.adminRole.label')}
        hint={t('options.adminRole.hint')}
        error={errors.adminRole}
      >
        <input
          {...describedBy('adminRole', true, errors.adminRole)}
          type="text"
          autocomplete="organization-title"
          data-sp="admin-role"
          value={form.adminRole}
          onInput={(event) => onEdit({ adminRole: event.currentTarget.value }, ['adminRole'])}
        />
      </Field>
      <fieldset class="sp-subsection" aria-describedby="sp-handles-hint">
        <legend>{t('options.handles.legend')}</legend>
        <p id="sp-handles-hint" class="sp-hint">
          {t('options.handles.hint')}
        </p>
        {PLATFORM_IDS.map((platform) => {
          const name = HANDLE_FIELDS[platform];
          return (
            <Field key={platform} name={name} label={t(`options.handle.${platform}`)} error={errors[name]}>
              <input
                {...describedBy(name, false, errors[name])}
                type="text"
                spellcheck={false}
                autocomplete="off"
                data-sp="handle"
                data-platform={platform}
                value={form.handles[platform]}
                onInput={(event) =>
                  onEdit({ handles: { ...form.handles, [platform]: event.currentTarget.value } }, [name])
                }
              />
            </Field>
          );
        })}
      </fieldset>
    </fieldset>
  );
}
