import { Button } from '@/components/ui/button';
import { type MessageKey, t } from '@/lib/i18n';
import type { ActionStatus } from '@/lib/options/options-model';
import { describedBy, Field, StatusLine } from './field';

export interface LibrarySourceProps {
  url: string;
  keyText: string;
  /** The source in use (saved), to say where the library comes from now. */
  savedUrl: string | null;
  /** The library in use, in words (version, freshness, last error). */
  libraryStatus: string | null;
  errors: { libraryUrl?: MessageKey; libraryKey?: MessageKey };
  onUrl(value: string): void;
  onKey(value: string): void;
  /** Click handlers: they ask for the host permission before anything asynchronous. */
  onTest(): void;
  onUseDefault(): void;
  onSync(): void;
  /** The library id the last sync refused for this key (another library), offered for confirmation. */
  switchLibraryId: string | null;
  onConfirmSwitch(libraryId: string): void;
  testStatus: ActionStatus | null;
  syncStatus: ActionStatus | null;
  permissionStatus: ActionStatus | null;
  busy: boolean;
}

/** The library's address and signing key, the connection test and "sync now". */
export function LibrarySource(props: LibrarySourceProps) {
  const { errors } = props;
  return (
    <fieldset class="sp-section">
      <legend>{t('options.library.legend')}</legend>
      <p class="sp-current" data-sp="library-current">
        {props.savedUrl ? t('options.library.remote', { url: props.savedUrl }) : t('options.library.builtIn')}
      </p>
      {props.libraryStatus ? (
        <p class="sp-hint" data-sp="library-status">
          {props.libraryStatus}
        </p>
      ) : null}
      <Field
        name="libraryUrl"
        label={t('options.library.url')}
        hint={t('options.library.urlHint')}
        error={errors.libraryUrl}
      >
        <input
          {...describedBy('libraryUrl', true, errors.libraryUrl)}
          type="url"
          inputMode="url"
          spellcheck={false}
          autocomplete="off"
          data-sp="library-url"
          value={props.url}
          onInput={(event) => props.onUrl(event.currentTarget.value)}
        />
      </Field>
      <Field
        name="libraryKey"
        label={t('options.library.key')}
        hint={t('options.library.keyHint')}
        error={errors.libraryKey}
      >
        <textarea
          {...describedBy('libraryKey', true, errors.libraryKey)}
          rows={6}
          spellcheck={false}
          autocomplete="off"
          data-sp="library-key"
          value={props.keyText}
          onInput={(event) => props.onKey(event.currentTarget.value)}
        />
      </Field>
      <StatusLine
        hook="permission-status"
        kind={props.permissionStatus?.kind ?? null}
        text={props.permissionStatus?.text ?? ''}
      />
      <div class="sp-actions">
        <Button data-sp="test-connection" disabled={props.busy} onClick={props.onTest}>
          {t('options.library.test')}
        </Button>
        <Button data-sp="use-default" onClick={props.onUseDefault}>
          {t('options.library.useDefault')}
        </Button>
      </div>
      <StatusLine
        hook="test-status"
        kind={props.testStatus?.kind ?? null}
        text={props.testStatus?.text ?? ''}
      />
      {props.switchLibraryId ? (
        <div class="sp-actions">
          <Button
            variant="danger"
            data-sp="library-switch-confirm"
            data-library-id={props.switchLibraryId}
            disabled={props.syncStatus?.kind === 'busy'}
            onClick={() => props.switchLibraryId && props.onConfirmSwitch(props.switchLibraryId)}
          >
            {t('library.switch.confirm', { libraryId: props.switchLibraryId })}
          </Button>
        </div>
      ) : null}
      <div class="sp-actions">
        <Button data-sp="sync" disabled={props.syncStatus?.kind === 'busy'} onClick={props.onSync}>
          {t('options.sync')}
        </Button>
      </div>
      <StatusLine
        hook="sync-status"
        kind={props.syncStatus?.kind ?? null}
        text={props.syncStatus?.text ?? ''}
      />
    </fieldset>
  );
}
