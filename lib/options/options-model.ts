import { batch, signal } from '@preact/signals';
import { language, type MessageKey, t } from '@/lib/i18n';
import { describeLibraryStatus } from '@/lib/library/describe-status';
import type { Agency } from '@/lib/library/schema';
import type { LibraryStatus } from '@/lib/library/status-schema';
import { PLATFORM_IDS, type PlatformId } from '@/lib/platforms/types';
import {
  type FieldErrors,
  type FieldName,
  firstInvalid,
  readForm,
  type SettingsForm,
  toForm,
} from '@/lib/settings/form';
import { checkHandle } from '@/lib/settings/handles';
import type { PermissionOutcome } from '@/lib/settings/permissions';
import { DEFAULT_SETTINGS, type PublicKeyJwk, type Settings } from '@/lib/settings/schema';
import { applyImported, exportSettingsFile, parseSettingsFile } from '@/lib/settings/transfer';
import type { OptionsApi } from './options-api';
import {
  type AccessPlan,
  accessPlan,
  originsLabel,
  PERMISSION_TIMEOUT_MS,
  permissionText,
  withTimeout,
} from './permission-wait';

export type StatusKind = 'ok' | 'error' | 'busy' | 'info';

/** The outcome of one action (save, test, sync, permission), as a sentence in the UI language. */
export interface ActionStatus {
  kind: StatusKind;
  text: string;
}

export type Directory =
  | { state: 'loading' }
  | { state: 'ready'; agencies: Agency[] }
  | { state: 'error'; detail: string };

export interface OptionsModelOptions {
  now?: () => Date;
  permissionTimeoutMs?: number;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The options page's state and its save / test / permission workflow. Everything is edited in one
 * form and saved at once (validated first, nothing half-way); a new library source is saved only
 * once it works. The view renders these signals and calls these actions; `api` is all it knows of
 * the browser and the background.
 */
export function createOptionsModel(api: OptionsApi, options: OptionsModelOptions = {}) {
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.permissionTimeoutMs ?? PERMISSION_TIMEOUT_MS;

  const saved = signal<Settings | null>(null);
  const form = signal<SettingsForm | null>(null);
  const errors = signal<FieldErrors>({});
  const directory = signal<Directory>({ state: 'loading' });
  const libraryStatus = signal<LibraryStatus | null>(null);
  const saveStatus = signal<ActionStatus | null>(null);
  const testStatus = signal<ActionStatus | null>(null);
  const syncStatus = signal<ActionStatus | null>(null);
  const permissionStatus = signal<ActionStatus | null>(null);
  const platformAccess = signal<Partial<Record<PlatformId, boolean>>>({});
  const originGranted = signal(false);
  const deskGranted = signal(false);
  const busy = signal(false);
  /** The field the view should focus (the first invalid one after a failed save); `seq` re-triggers. */
  const focus = signal<{ field: FieldName; seq: number } | null>(null);

  function adopt(stored: Settings): void {
    language.value = stored.language;
    batch(() => {
      saved.value = stored;
      form.value = toForm(stored);
      errors.value = {};
    });
  }

  async function loadDirectory(): Promise<void> {
    try {
      const library = await api.getLibrary();
      directory.value = { state: 'ready', agencies: library.agencies };
      libraryStatus.value = library.status;
    } catch (error) {
      directory.value = { state: 'error', detail: errorText(error) };
    }
  }

  /** Loads everything the page shows and follows settings saved elsewhere; returns the unsubscribe. */
  function open(): () => void {
    let active = true;
    void api.getSettings().then((settings) => {
      if (!active) return;
      adopt(settings);
      if (settings.library.url)
        void api.hasOriginAccess(settings.library.url).then((has) => {
          originGranted.value = has;
        });
      if (settings.desk.url)
        void api.hasOriginAccess(settings.desk.url).then((has) => {
          deskGranted.value = has;
        });
    });
    // Saved elsewhere (another options tab, the sidebar's collapse state): keep `saved` current,
    // but never overwrite what the admin is typing.
    const unwatch = api.watchSettings((settings) => {
      language.value = settings.language;
      saved.value = settings;
    });
    void loadDirectory();
    for (const platform of PLATFORM_IDS)
      void api.hasPlatformAccess(platform).then((has) => {
        platformAccess.value = { ...platformAccess.value, [platform]: has };
      });
    return () => {
      active = false;
      unwatch();
    };
  }

  /** Applies an edit; the fields in `clear` lose their error message. */
  function edit(patch: Partial<SettingsForm>, clear: FieldName[] = []): void {
    if (!form.value) return;
    form.value = { ...form.value, ...patch };
    if (clear.some((field) => errors.value[field])) {
      const next = { ...errors.value };
      for (const field of clear) delete next[field];
      errors.value = next;
    }
  }

  function showErrors(next: FieldErrors): void {
    errors.value = next;
    saveStatus.value = { kind: 'error', text: t('options.notSaved', { count: Object.keys(next).length }) };
    const first = firstInvalid(next);
    if (first) focus.value = { field: first, seq: (focus.value?.seq ?? 0) + 1 };
  }

  /** Runs a sync (`run`) and reports it; a new library may bring a new agency directory. */
  async function reportSync(run: () => Promise<LibraryStatus>, done?: string): Promise<void> {
    syncStatus.value = { kind: 'busy', text: t('options.sync.running') };
    try {
      const status = await run();
      libraryStatus.value = status;
      const text = describeLibraryStatus(status, language.value);
      syncStatus.value = { kind: status.error ? 'error' : 'ok', text: done ? `${done} ${text}` : text };
    } catch (error) {
      syncStatus.value = { kind: 'error', text: t('options.sync.failed', { detail: errorText(error) }) };
    }
    await loadDirectory();
  }

  function sync(): Promise<void> {
    return reportSync(() => api.syncNow());
  }

  /**
   * The last sync refused a bundle carrying another library id than the one this key is tied to;
   * the admin confirms that the change is intended (the background pins the new id and syncs).
   */
  function confirmLibrarySwitch(libraryId: string): Promise<void> {
    return reportSync(
      () => api.confirmLibrarySwitch(libraryId),
      t('library.switch.confirmed', { libraryId }),
    );
  }

  async function awaitPermission(pending: Promise<PermissionOutcome>, urls: string[]): Promise<boolean> {
    permissionStatus.value = {
      kind: 'busy',
      text: t('options.library.permissionPending', { origin: originsLabel(urls) }),
    };
    const outcome = await withTimeout(pending, timeoutMs);
    permissionStatus.value = permissionText(outcome, urls, timeoutMs);
    return outcome.granted;
  }

  /** Fetches and verifies the bundle at the source; says how it went in `testStatus`. */
  async function trySource(source: { url: string; publicKey: PublicKeyJwk }): Promise<boolean> {
    testStatus.value = { kind: 'busy', text: t('options.library.testing') };
    try {
      const answer = await api.testLibrarySource(source);
      testStatus.value = {
        kind: answer.ok ? 'ok' : 'error',
        text: answer.ok ? t('options.library.testOk', { detail: answer.message }) : answer.message,
      };
      return answer.ok;
    } catch (error) {
      testStatus.value = {
        kind: 'error',
        text: t('options.library.testFailed', { detail: errorText(error) }),
      };
      return false;
    }
  }

  async function finishSave(
    next: Settings,
    plan: AccessPlan,
    permission: Promise<PermissionOutcome> | null,
  ): Promise<void> {
    busy.value = true;
    saveStatus.value = { kind: 'busy', text: t('options.saving') };
    try {
      const { url, publicKey } = next.library;
      if (publicKey) {
        const keyError = await api.verifyPublicKey(publicKey);
        if (keyError) return showErrors({ libraryKey: keyError });
      }
      if (permission) {
        const asked = [plan.library, plan.desk].filter((origin): origin is string => origin !== null);
        const granted = await awaitPermission(permission, asked);
        if (plan.library) originGranted.value = granted;
        if (plan.desk) deskGranted.value = granted;
        const refused: FieldErrors = {};
        if (!granted && plan.library && plan.sourceChanged)
          refused.libraryUrl = 'options.error.source.access';
        if (!granted && plan.desk && plan.deskChanged) refused.deskUrl = 'options.error.desk.access';
        if (Object.keys(refused).length > 0) return showErrors(refused);
      }
      // A new remote source is saved only once the bundle at the URL verifies with the key.
      if (plan.sourceChanged && url && publicKey && !(await trySource({ url, publicKey })))
        return showErrors({ libraryKey: 'options.error.source.unverified' });
      adopt(await api.saveSettings(next));
      saveStatus.value = { kind: 'ok', text: t('options.saved') };
    } catch (error) {
      saveStatus.value = { kind: 'error', text: t('options.saveFailed', { detail: errorText(error) }) };
      return;
    } finally {
      busy.value = false;
    }
    // The background also syncs when it sees a new source; "sync now" reports the result here.
    if (plan.sourceChanged) await sync();
  }

  /**
   * The Save click. Synchronous up to the permission request: Firefox forgets the user gesture at
   * the first await, so the origins are asked for in the click's own turn, in one prompt.
   */
  function save(): void {
    const current = saved.value;
    if (!form.value || !current) return;
    const result = readForm(form.value, current);
    if (!result.ok) {
      showErrors(result.errors);
      return;
    }
    const next = result.settings;
    const plan = accessPlan(next, current, { library: originGranted.value, desk: deskGranted.value });
    const asked = [plan.library, plan.desk].filter((origin): origin is string => origin !== null);
    const [first, ...more] = asked;
    const permission = first ? api.requestOriginAccess(first, ...more) : null;
    if (!first) permissionStatus.value = null;
    void finishSave(next, plan, permission);
  }

  /** "Test connection": the source as typed, checked like Save checks it, and nothing saved. */
  function test(): void {
    const current = saved.value;
    if (!form.value || !current) return;
    const result = readForm(form.value, current);
    const fieldErrors = result.ok ? {} : result.errors;
    const sourceErrors: FieldErrors = {};
    const urlError = form.value.libraryUrl.trim() === '' ? 'options.error.url.empty' : fieldErrors.libraryUrl;
    if (urlError) sourceErrors.libraryUrl = urlError;
    if (fieldErrors.libraryKey) sourceErrors.libraryKey = fieldErrors.libraryKey;
    if (Object.keys(sourceErrors).length > 0) {
      errors.value = { ...errors.value, ...sourceErrors };
      testStatus.value = {
        kind: 'error',
        text: t('options.library.testFailed', { detail: t('options.library.fixFields') }),
      };
      return;
    }
    const candidate = result.ok ? result.settings.library : null;
    if (!candidate?.url || !candidate.publicKey) return;
    const source = { url: candidate.url, publicKey: candidate.publicKey };
    const permission = api.requestOriginAccess(source.url);
    void (async () => {
      testStatus.value = { kind: 'busy', text: t('options.library.testing') };
      const keyError = await api.verifyPublicKey(source.publicKey);
      if (keyError) {
        errors.value = { ...errors.value, libraryKey: keyError };
        testStatus.value = { kind: 'error', text: t('options.library.testFailed', { detail: t(keyError) }) };
        return;
      }
      originGranted.value = await awaitPermission(permission, [source.url]);
      await trySource(source);
    })();
  }

  function useDefaultSource(): void {
    edit({ libraryUrl: '', libraryKey: '' }, ['libraryUrl', 'libraryKey']);
    testStatus.value = { kind: 'info', text: t('options.library.defaultFilled') };
  }

  function chooseAgency(agency: Agency | null): void {
    if (!form.value) return;
    const handles = { ...form.value.handles };
    // Fill the agency's known accounts into empty handle fields; never overwrite the admin's own.
    for (const platform of PLATFORM_IDS) {
      const known = agency?.handles[platform];
      if (known && handles[platform].trim() === '') handles[platform] = checkHandle(platform, known).handle;
    }
    edit({ agencyId: agency?.id ?? '', handles }, ['agency']);
  }

  /** A click handler: the platform's hosts are requested in the same user gesture. */
  function grantPlatform(platform: PlatformId): void {
    void api.requestPlatformAccess(platform).then((outcome) => {
      platformAccess.value = { ...platformAccess.value, [platform]: outcome.granted };
    });
  }

  /** Reads a settings file into the form (not saved until Save); says what happened. */
  async function importText(text: string): Promise<{ ok: boolean; message: string }> {
    const result = parseSettingsFile(text);
    if (!result.ok) {
      const { key, params } = result.error;
      const detail = params?.detail;
      const translated =
        typeof detail === 'string' && detail.startsWith('options.error.') ? t(detail as MessageKey) : detail;
      return {
        ok: false,
        message: t(key, { ...params, ...(translated === undefined ? {} : { detail: translated }) }),
      };
    }
    // The schema checks the key's shape; only WebCrypto can tell that its point is on the curve.
    const key = result.settings.library.publicKey;
    if (key && (await api.verifyPublicKey(key)))
      return { ok: false, message: t('options.import.keyUnusable') };
    const current = saved.value ?? DEFAULT_SETTINGS;
    form.value = toForm(applyImported(current, result.settings));
    errors.value = {};
    saveStatus.value = null;
    return { ok: true, message: t('options.import.loaded') };
  }

  function exportSettings(): void {
    if (!saved.value) return;
    api.download(
      `satu-pintu-settings-${now().toISOString().slice(0, 10)}.json`,
      exportSettingsFile(saved.value, now()),
      'application/json',
    );
  }

  async function reset(): Promise<void> {
    adopt(await api.saveSettings(DEFAULT_SETTINGS));
    batch(() => {
      testStatus.value = null;
      permissionStatus.value = null;
      saveStatus.value = null;
    });
    await sync();
  }

  return {
    saved,
    form,
    errors,
    directory,
    libraryStatus,
    saveStatus,
    testStatus,
    syncStatus,
    permissionStatus,
    platformAccess,
    originGranted,
    busy,
    focus,
    now,
    open,
    edit,
    save,
    test,
    sync,
    confirmLibrarySwitch,
    useDefaultSource,
    chooseAgency,
    grantPlatform,
    importText,
    exportSettings,
    reset,
  };
}

export type OptionsModel = ReturnType<typeof createOptionsModel>;
