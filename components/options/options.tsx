import { useEffect, useState } from 'preact/hooks';
import { language, t } from '@/lib/i18n';
import { describeLibraryStatus } from '@/lib/library/describe-status';
import type { Agency } from '@/lib/library/schema';
import type { LibraryStatus } from '@/lib/library/status';
import { PLATFORM_IDS, type PlatformId } from '@/lib/platforms/types';
import {
  type FieldErrors,
  type FieldName,
  firstInvalid,
  HANDLE_FIELDS,
  readForm,
  type SettingsForm,
  toForm,
} from '@/lib/settings/form';
import { checkHandle } from '@/lib/settings/handles';
import type { OptionsApi } from '@/lib/settings/options-api';
import type { PermissionOutcome } from '@/lib/settings/permissions';
import { originPattern } from '@/lib/settings/permissions';
import { DEFAULT_SETTINGS, type PublicKeyJwk, type Settings } from '@/lib/settings/schema';
import { applyImported, exportSettingsFile, parseSettingsFile } from '@/lib/settings/transfer';
import { AgencyPicker, type Directory } from './agency-picker';
import { AuditExport } from './audit-export';
import { describedBy, Field, fieldIds, StatusLine } from './field';
import { FirstRun } from './first-run';
import { type ActionStatus, LibrarySource } from './library-source';
import { PlatformSwitches } from './platform-switches';
import { SettingsTransfer } from './settings-transfer';

export interface OptionsProps {
  api: OptionsApi;
  now?: () => Date;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function permissionText(outcome: PermissionOutcome, url: string): ActionStatus | null {
  if (outcome.granted) return null;
  const origin = originPattern(url).replace(/\/\*$/, '');
  switch (outcome.reason) {
    case 'denied':
      return { kind: 'error', text: t('options.library.permissionDenied', { origin }) };
    case 'gesture':
      return { kind: 'error', text: t('options.permission.gesture', { origin }) };
    case 'undeclared':
      return { kind: 'error', text: t('options.permission.undeclared', { origin }) };
    default:
      return {
        kind: 'error',
        text: t('options.permission.failed', { origin, detail: outcome.detail ?? '' }),
      };
  }
}

function syncText(status: LibraryStatus): ActionStatus {
  return { kind: status.error ? 'error' : 'ok', text: describeLibraryStatus(status, language.value) };
}

/**
 * The options page: agency identity, platforms, language, library source, settings file, audit log.
 * Everything is edited in one form and saved at once by "Save" (validated first, nothing half-way).
 */
export function Options({ api, now = () => new Date() }: OptionsProps) {
  const [saved, setSaved] = useState<Settings | null>(null);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [directory, setDirectory] = useState<Directory>({ state: 'loading' });
  const [libraryStatus, setLibraryStatus] = useState<LibraryStatus | null>(null);
  const [saveStatus, setSaveStatus] = useState<ActionStatus | null>(null);
  const [testStatus, setTestStatus] = useState<ActionStatus | null>(null);
  const [syncStatus, setSyncStatus] = useState<ActionStatus | null>(null);
  const [permissionStatus, setPermissionStatus] = useState<ActionStatus | null>(null);
  const [platformAccess, setPlatformAccess] = useState<Partial<Record<PlatformId, boolean>>>({});
  const [originGranted, setOriginGranted] = useState(false);
  const [busy, setBusy] = useState(false);

  const loadDirectory = async () => {
    try {
      const { agencies, status } = await api.getLibrary();
      setDirectory({ state: 'ready', agencies });
      setLibraryStatus(status);
    } catch (error) {
      setDirectory({ state: 'error', detail: errorText(error) });
    }
  };

  useEffect(() => {
    let active = true;
    void api.getSettings().then((settings) => {
      if (!active) return;
      language.value = settings.language;
      setSaved(settings);
      setForm(toForm(settings));
      if (settings.library.url) void api.hasOriginAccess(settings.library.url).then(setOriginGranted);
    });
    // Saved elsewhere (another options tab, the sidebar's collapse state): keep `saved` current,
    // but never overwrite what the admin is typing.
    const unwatch = api.watchSettings((settings) => {
      language.value = settings.language;
      setSaved(settings);
    });
    void loadDirectory();
    for (const platform of PLATFORM_IDS)
      void api
        .hasPlatformAccess(platform)
        .then((has) => setPlatformAccess((access) => ({ ...access, [platform]: has })));
    return () => {
      active = false;
      unwatch();
    };
  }, [api]);

  // Screen readers pick the voice from the page's language; the tab title follows it too.
  useEffect(() => {
    document.documentElement.lang = saved?.language ?? 'id';
    document.title = t('options.title');
  }, [saved?.language]);

  if (!form || !saved) {
    return (
      <main class="sp-options" data-sp="options" aria-busy="true">
        <p>{t('common.loading')}</p>
      </main>
    );
  }

  const edit = (patch: Partial<SettingsForm>, clear: FieldName[] = []) => {
    setForm({ ...form, ...patch });
    if (clear.some((field) => errors[field])) {
      const next = { ...errors };
      for (const field of clear) delete next[field];
      setErrors(next);
    }
  };

  const showErrors = (next: FieldErrors) => {
    setErrors(next);
    const count = Object.keys(next).length;
    setSaveStatus({ kind: 'error', text: t('options.notSaved', { count }) });
    const first = firstInvalid(next);
    if (first) queueMicrotask(() => document.getElementById(fieldIds(first).input)?.focus());
  };

  const runSync = async () => {
    setSyncStatus({ kind: 'busy', text: t('options.sync.running') });
    try {
      const status = await api.syncNow();
      setSyncStatus(syncText(status));
    } catch (error) {
      setSyncStatus({ kind: 'error', text: t('options.sync.failed', { detail: errorText(error) }) });
    }
    // A new library may bring a new agency directory.
    await loadDirectory();
  };

  const awaitPermission = async (pending: Promise<PermissionOutcome>, url: string): Promise<boolean> => {
    const origin = originPattern(url).replace(/\/\*$/, '');
    setPermissionStatus({ kind: 'busy', text: t('options.library.permissionPending', { origin }) });
    const outcome = await pending;
    setPermissionStatus(permissionText(outcome, url));
    setOriginGranted(outcome.granted);
    return outcome.granted;
  };

  /**
   * A new remote source is saved only once it works: access to its origin granted, and the bundle
   * at the URL fetched and verified with the key (a wrong key is reported and not saved).
   */
  const checkNewSource = async (
    source: { url: string; publicKey: PublicKeyJwk },
    permission: Promise<PermissionOutcome>,
  ): Promise<FieldErrors | null> => {
    if (!(await awaitPermission(permission, source.url)))
      return { libraryUrl: 'options.error.source.access' };
    setTestStatus({ kind: 'busy', text: t('options.library.testing') });
    try {
      const answer = await api.testLibrarySource(source);
      setTestStatus({
        kind: answer.ok ? 'ok' : 'error',
        text: answer.ok ? t('options.library.testOk', { detail: answer.message }) : answer.message,
      });
      return answer.ok ? null : { libraryKey: 'options.error.source.unverified' };
    } catch (error) {
      setTestStatus({ kind: 'error', text: t('options.library.testFailed', { detail: errorText(error) }) });
      return { libraryKey: 'options.error.source.unverified' };
    }
  };

  const finishSave = async (
    next: Settings,
    sourceChanged: boolean,
    permission: Promise<PermissionOutcome> | null,
  ) => {
    setBusy(true);
    setSaveStatus({ kind: 'busy', text: t('options.saving') });
    try {
      const { url, publicKey } = next.library;
      if (publicKey) {
        const keyError = await api.verifyPublicKey(publicKey);
        if (keyError) return showErrors({ libraryKey: keyError });
      }
      if (url && publicKey && permission) {
        if (sourceChanged) {
          const sourceErrors = await checkNewSource({ url, publicKey }, permission);
          if (sourceErrors) return showErrors(sourceErrors);
        } else {
          // Unchanged source, access asked again because it was missing: report it, do not block.
          await awaitPermission(permission, url);
        }
      }
      const stored = await api.saveSettings(next);
      language.value = stored.language;
      setSaved(stored);
      setForm(toForm(stored));
      setErrors({});
      setSaveStatus({ kind: 'ok', text: t('options.saved') });
    } catch (error) {
      setSaveStatus({ kind: 'error', text: t('options.saveFailed', { detail: errorText(error) }) });
      return;
    } finally {
      setBusy(false);
    }
    // The background also syncs when it sees a new source; "sync now" reports the result here.
    if (sourceChanged) await runSync();
  };

  const onSave = (event: Event) => {
    event.preventDefault();
    const result = readForm(form, saved);
    if (!result.ok) return showErrors(result.errors);
    const next = result.settings;
    const url = next.library.url;
    const sourceChanged = JSON.stringify(next.library) !== JSON.stringify(saved.library);
    // Still in the click's own turn: Firefox forgets the user gesture at the first await.
    const permission = url && (sourceChanged || !originGranted) ? api.requestOriginAccess(url) : null;
    if (!url) setPermissionStatus(null);
    void finishSave(next, sourceChanged, permission);
  };

  const onTest = () => {
    const result = readForm(form, saved);
    const url = form.libraryUrl.trim();
    const fieldErrors = result.ok ? {} : result.errors;
    const sourceErrors: FieldErrors = {
      libraryUrl: url === '' ? 'options.error.url.empty' : fieldErrors.libraryUrl,
      libraryKey: fieldErrors.libraryKey,
    };
    if (!sourceErrors.libraryUrl) delete sourceErrors.libraryUrl;
    if (!sourceErrors.libraryKey) delete sourceErrors.libraryKey;
    if (Object.keys(sourceErrors).length > 0 || !result.ok) {
      setErrors({ ...errors, ...sourceErrors });
      if (Object.keys(sourceErrors).length > 0) {
        setTestStatus({
          kind: 'error',
          text: t('options.library.testFailed', { detail: t('options.library.fixFields') }),
        });
        return;
      }
    }
    const candidate = result.ok ? result.settings.library : null;
    if (!candidate?.url || !candidate.publicKey) return;
    const source = { url: candidate.url, publicKey: candidate.publicKey };
    const permission = api.requestOriginAccess(source.url);
    void (async () => {
      setTestStatus({ kind: 'busy', text: t('options.library.testing') });
      const keyError = await api.verifyPublicKey(source.publicKey);
      if (keyError) {
        setErrors({ ...errors, libraryKey: keyError });
        setTestStatus({ kind: 'error', text: t('options.library.testFailed', { detail: t(keyError) }) });
        return;
      }
      await awaitPermission(permission, source.url);
      try {
        const answer = await api.testLibrarySource(source);
        setTestStatus({
          kind: answer.ok ? 'ok' : 'error',
          text: answer.ok ? t('options.library.testOk', { detail: answer.message }) : answer.message,
        });
      } catch (error) {
        setTestStatus({ kind: 'error', text: t('options.library.testFailed', { detail: errorText(error) }) });
      }
    })();
  };

  const onAgency = (agency: Agency | null) => {
    const handles = { ...form.handles };
    // Fill the agency's known accounts into empty handle fields; never overwrite the admin's own.
    for (const platform of PLATFORM_IDS) {
      const known = agency?.handles[platform];
      if (known && handles[platform].trim() === '') handles[platform] = checkHandle(platform, known).handle;
    }
    edit({ agencyId: agency?.id ?? '', handles }, ['agency']);
  };

  const onImport = async (text: string) => {
    const result = parseSettingsFile(text);
    if (!result.ok) {
      const { key, params } = result.error;
      const detail = params?.detail;
      const translated =
        typeof detail === 'string' && detail.startsWith('options.error.')
          ? t(detail as 'options.error.invalid')
          : detail;
      return {
        ok: false,
        message: t(key, { ...params, ...(translated === undefined ? {} : { detail: translated }) }),
      };
    }
    setForm(toForm(applyImported(saved, result.settings)));
    setErrors({});
    setSaveStatus(null);
    return { ok: true, message: t('options.import.loaded') };
  };

  const onReset = async () => {
    const stored = await api.saveSettings(DEFAULT_SETTINGS);
    language.value = stored.language;
    setSaved(stored);
    setForm(toForm(stored));
    setErrors({});
    setTestStatus(null);
    setPermissionStatus(null);
    setSaveStatus(null);
    await runSync();
  };

  const firstRun = saved.identity.agencyId === null;

  return (
    <main class="sp-options" data-sp="options" data-first-run={String(firstRun)}>
      <header class="sp-page-header">
        <h1>{t('options.title')}</h1>
        <p>{t('options.intro')}</p>
      </header>
      {firstRun ? <FirstRun form={form} /> : null}
      {/* Saving runs from the Save button's click (Enter in a field clicks it too): Firefox grants
          permissions.request only inside a user input handler such as a click. */}
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        <fieldset class="sp-section">
          <legend>{t('options.identity.legend')}</legend>
          <AgencyPicker
            directory={directory}
            value={form.agencyId}
            error={errors.agency}
            onChange={onAgency}
          />
          <Field name="adminName" label={t('options.adminName.label')} error={errors.adminName}>
            <input
              {...describedBy('adminName', false, errors.adminName)}
              type="text"
              autocomplete="name"
              data-sp="admin-name"
              value={form.adminName}
              onInput={(event) => edit({ adminName: event.currentTarget.value }, ['adminName'])}
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
              onInput={(event) => edit({ adminRole: event.currentTarget.value }, ['adminRole'])}
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
                <Field
                  key={platform}
                  name={name}
                  label={t(`options.handle.${platform}`)}
                  error={errors[name]}
                >
                  <input
                    {...describedBy(name, false, errors[name])}
                    type="text"
                    spellcheck={false}
                    autocomplete="off"
                    data-sp="handle"
                    data-platform={platform}
                    value={form.handles[platform]}
                    onInput={(event) =>
                      edit({ handles: { ...form.handles, [platform]: event.currentTarget.value } }, [name])
                    }
                  />
                </Field>
              );
            })}
          </fieldset>
        </fieldset>
        <PlatformSwitches
          value={form.platforms}
          access={platformAccess}
          onChange={(platform, on) =>
            edit({ platforms: { ...form.platforms, [platform]: on } }, ['platforms'])
          }
          onGrant={(platform) => {
            void api.requestPlatformAccess(platform).then((outcome) => {
              setPlatformAccess((access) => ({ ...access, [platform]: outcome.granted }));
            });
          }}
        />
        <fieldset class="sp-section">
          <legend>{t('options.language.legend')}</legend>
          <Field name="language" label={t('options.language.label')} hint={t('options.language.hint')}>
            <select
              {...describedBy('language', true, errors.language)}
              data-sp="language"
              value={form.language}
              onChange={(event) => edit({ language: event.currentTarget.value === 'en' ? 'en' : 'id' })}
            >
              <option value="id">{t('options.language.id')}</option>
              <option value="en">{t('options.language.en')}</option>
            </select>
          </Field>
        </fieldset>
        <LibrarySource
          url={form.libraryUrl}
          keyText={form.libraryKey}
          savedUrl={saved.library.url}
          libraryStatus={libraryStatus ? describeLibraryStatus(libraryStatus, language.value) : null}
          errors={errors}
          onUrl={(libraryUrl) => edit({ libraryUrl }, ['libraryUrl', 'libraryKey'])}
          onKey={(libraryKey) => edit({ libraryKey }, ['libraryKey', 'libraryUrl'])}
          onTest={onTest}
          onUseDefault={() => {
            edit({ libraryUrl: '', libraryKey: '' }, ['libraryUrl', 'libraryKey']);
            setTestStatus({ kind: 'info', text: t('options.library.defaultFilled') });
          }}
          onSync={() => void runSync()}
          testStatus={testStatus}
          syncStatus={syncStatus}
          permissionStatus={permissionStatus}
          busy={busy}
        />
        <div class="sp-save-bar">
          <button type="submit" class="sp-primary" data-sp="save" disabled={busy} onClick={onSave}>
            {t('options.save')}
          </button>
          <StatusLine hook="save-status" kind={saveStatus?.kind ?? null} text={saveStatus?.text ?? ''} />
        </div>
      </form>
      <SettingsTransfer
        onExport={() =>
          api.download(
            `satu-pintu-settings-${now().toISOString().slice(0, 10)}.json`,
            exportSettingsFile(saved, now()),
            'application/json',
          )
        }
        onImport={onImport}
        onReset={onReset}
      />
      <AuditExport exportAudit={api.exportAudit} download={api.download} now={now} />
    </main>
  );
}
