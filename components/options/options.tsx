import { Button } from '@/components/ui/button';
import { t } from '@/lib/i18n';
import type { Agency } from '@/lib/library/schema';
import type { ActionStatus, Directory } from '@/lib/options/options-model';
import type { PlatformId } from '@/lib/platforms/types';
import type { FieldErrors, FieldName, SettingsForm } from '@/lib/settings/form';
import { DeskSection } from './desk-section';
import { describedBy, Field, StatusLine } from './field';
import { IdentitySection } from './identity-section';
import { LibrarySource } from './library-source';
import { DebugSwitch, MarksSwitches } from './marks-switches';
import { PlatformSwitches } from './platform-switches';

export interface OptionsFormProps {
  form: SettingsForm;
  errors: FieldErrors;
  directory: Directory;
  /** The source in use (saved), to say where the library comes from now. */
  savedLibraryUrl: string | null;
  /** The library in use, in words. */
  libraryText: string | null;
  saveStatus: ActionStatus | null;
  testStatus: ActionStatus | null;
  syncStatus: ActionStatus | null;
  permissionStatus: ActionStatus | null;
  platformAccess: Partial<Record<PlatformId, boolean>>;
  busy: boolean;
  onEdit(patch: Partial<SettingsForm>, clear?: FieldName[]): void;
  onAgency(agency: Agency | null): void;
  /** Click handlers: they ask for host permissions before anything asynchronous. */
  onSave(): void;
  onTest(): void;
  onGrant(platform: PlatformId): void;
  onUseDefault(): void;
  onSync(): void;
  switchLibraryId: string | null;
  onConfirmSwitch(libraryId: string): void;
}

/**
 * The settings form: agency identity, platforms, language, library source. Everything is edited in
 * one form and saved at once by "Save". Props in, callbacks out.
 */
export function OptionsForm(props: OptionsFormProps) {
  const { form, errors, onEdit } = props;
  return (
    // Saving runs from the Save button's click (Enter in a field clicks it too): Firefox grants
    // permissions.request only inside a user input handler such as a click.
    <form onSubmit={(event) => event.preventDefault()} noValidate>
      <IdentitySection
        form={form}
        errors={errors}
        directory={props.directory}
        onEdit={onEdit}
        onAgency={props.onAgency}
      />
      <PlatformSwitches
        value={form.platforms}
        access={props.platformAccess}
        onChange={(platform, on) =>
          onEdit({ platforms: { ...form.platforms, [platform]: on } }, ['platforms'])
        }
        onGrant={props.onGrant}
      />
      <MarksSwitches
        value={form.marks}
        onChange={(platform, on) => onEdit({ marks: { ...form.marks, [platform]: on } })}
      />
      <fieldset class="sp-section">
        <legend>{t('options.language.legend')}</legend>
        <Field name="language" label={t('options.language.label')} hint={t('options.language.hint')}>
          <select
            {...describedBy('language', true, errors.language)}
            data-sp="language"
            value={form.language}
            onChange={(event) => onEdit({ language: event.currentTarget.value === 'en' ? 'en' : 'id' })}
          >
            <option value="id">{t('options.language.id')}</option>
            <option value="en">{t('options.language.en')}</option>
          </select>
        </Field>
      </fieldset>
      <LibrarySource
        url={form.libraryUrl}
        keyText={form.libraryKey}
        savedUrl={props.savedLibraryUrl}
        libraryStatus={props.libraryText}
        errors={errors}
        onUrl={(libraryUrl) => onEdit({ libraryUrl }, ['libraryUrl', 'libraryKey'])}
        onKey={(libraryKey) => onEdit({ libraryKey }, ['libraryKey', 'libraryUrl'])}
        onTest={props.onTest}
        onUseDefault={props.onUseDefault}
        onSync={props.onSync}
        switchLibraryId={props.switchLibraryId}
        onConfirmSwitch={props.onConfirmSwitch}
        testStatus={props.testStatus}
        syncStatus={props.syncStatus}
        permissionStatus={props.permissionStatus}
        busy={props.busy}
      />
      <DeskSection url={form.deskUrl} token={form.deskToken} errors={errors} onEdit={onEdit} />
      <DebugSwitch value={form.debug} onChange={(debug) => onEdit({ debug })} />
      <div class="sp-save-bar">
        <Button
          type="submit"
          variant="primary"
          data-sp="save"
          disabled={props.busy}
          onClick={(event) => {
            event.preventDefault();
            props.onSave();
          }}
        >
          {t('options.save')}
        </Button>
        <StatusLine
          hook="save-status"
          kind={props.saveStatus?.kind ?? null}
          text={props.saveStatus?.text ?? ''}
        />
      </div>
    </form>
  );
}
