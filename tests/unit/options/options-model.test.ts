import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { language } from '@/lib/i18n';
import { INITIAL_LIBRARY_STATUS } from '@/lib/library/status-schema';
import type { OptionsApi } from '@/lib/options/options-api';
import { createOptionsModel } from '@/lib/options/options-model';
import { withTimeout } from '@/lib/options/permission-wait';
import type { PermissionOutcome } from '@/lib/settings/permissions';
import { verifyPublicKey } from '@/lib/settings/public-key';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { getSettings, saveSettings, watchSettings } from '@/lib/settings/store';
import { makeKeyPair } from '../settings/keys';

/** Background work on a loaded 2-core machine may take a while. */
const WAIT = { timeout: 5000 };

function fakeApi(overrides: Partial<OptionsApi> = {}): OptionsApi {
  return {
    getSettings,
    saveSettings: vi.fn(saveSettings),
    watchSettings,
    getLibrary: vi.fn(async () => ({ agencies: [], status: INITIAL_LIBRARY_STATUS })),
    verifyPublicKey,
    requestOriginAccess: vi.fn(async (): Promise<PermissionOutcome> => ({ granted: true })),
    hasOriginAccess: vi.fn(async () => false),
    hasPlatformAccess: vi.fn(async () => true),
    requestPlatformAccess: vi.fn(async (): Promise<PermissionOutcome> => ({ granted: true })),
    testLibrarySource: vi.fn(async () => ({ ok: true, message: 'versi 7 terverifikasi' })),
    syncNow: vi.fn(async () => INITIAL_LIBRARY_STATUS),
    confirmLibrarySwitch: vi.fn(async () => INITIAL_LIBRARY_STATUS),
    exportAudit: vi.fn(async () => ''),
    download: vi.fn(),
    ...overrides,
  };
}

async function opened(api: OptionsApi, options = {}) {
  const model = createOptionsModel(api, options);
  const close = model.open();
  await vi.waitFor(() => expect(model.form.value).not.toBeNull(), WAIT);
  await vi.waitFor(() => expect(model.directory.value.state).toBe('ready'), WAIT);
  return { model, close };
}

beforeEach(() => {
  fakeBrowser.reset();
  language.value = 'id';
});
afterEach(() => {
  language.value = 'id';
});

describe('options model', () => {
  it('loads the saved settings into the form and follows settings saved elsewhere without touching the form', async () => {
    await saveSettings({
      ...DEFAULT_SETTINGS,
      identity: { ...DEFAULT_SETTINGS.identity, adminName: 'Rina' },
    });
    const { model, close } = await opened(fakeApi());
    expect(model.form.value?.adminName).toBe('Rina');
    expect(model.platformAccess.value).toEqual({ facebook: true, instagram: true, youtube: true });
    model.edit({ adminName: 'Rina Wati' });
    await saveSettings({ ...DEFAULT_SETTINGS, language: 'en', sidebarCollapsed: { facebook: true } });
    await vi.waitFor(() => expect(model.saved.value?.language).toBe('en'), WAIT);
    expect(language.value).toBe('en');
    expect(model.form.value?.adminName).toBe('Rina Wati');
    close();
  });

  it('refuses an invalid form with one message per field and asks the view to focus the first', async () => {
    const api = fakeApi();
    const { model } = await opened(api);
    model.edit({ handles: { facebook: 'x', instagram: '.bad', youtube: '' } });
    model.save();
    expect(Object.keys(model.errors.value).sort()).toEqual(['handle.facebook', 'handle.instagram']);
    expect(model.focus.value?.field).toBe('handle.facebook');
    expect(model.saveStatus.value?.kind).toBe('error');
    // Editing a field clears its own message only.
    model.edit({ handles: { facebook: 'dinkes.kalbar', instagram: '.bad', youtube: '' } }, [
      'handle.facebook',
    ]);
    expect(Object.keys(model.errors.value)).toEqual(['handle.instagram']);
    expect(api.saveSettings).not.toHaveBeenCalled();
  });

  it('stops waiting for a permission prompt nobody answers, says so, and saves nothing', async () => {
    const never = new Promise<PermissionOutcome>(() => {});
    const api = fakeApi({ requestOriginAccess: vi.fn(() => never) });
    const { model } = await opened(api, { permissionTimeoutMs: 50 });
    const { publicJwk } = await makeKeyPair();
    model.edit({
      libraryUrl: 'https://biro.kalbarprov.go.id/pustaka.json',
      libraryKey: JSON.stringify(publicJwk),
    });
    model.save();
    expect(api.requestOriginAccess).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(model.busy.value).toBe(false), WAIT);
    await vi.waitFor(() => expect(model.permissionStatus.value?.kind).toBe('error'), WAIT);
    expect(model.permissionStatus.value?.text).toContain('Tidak ada jawaban');
    expect(model.permissionStatus.value?.text).toContain('https://biro.kalbarprov.go.id');
    expect(model.errors.value.libraryUrl).toBe('options.error.source.access');
    expect(model.saveStatus.value?.kind).toBe('error');
    expect(api.testLibrarySource).not.toHaveBeenCalled();
    expect(api.saveSettings).not.toHaveBeenCalled();
  });

  it('reports a source test that throws in the same words as one that fails', async () => {
    const api = fakeApi({
      testLibrarySource: vi.fn(async () => {
        throw new Error('background asleep');
      }),
    });
    const { model } = await opened(api);
    const { publicJwk } = await makeKeyPair();
    model.edit({
      libraryUrl: 'https://biro.kalbarprov.go.id/pustaka.json',
      libraryKey: JSON.stringify(publicJwk),
    });
    model.test();
    await vi.waitFor(() => expect(model.testStatus.value?.kind).toBe('error'), WAIT);
    expect(model.testStatus.value?.text).toBe('Koneksi gagal: background asleep');
    expect(api.saveSettings).not.toHaveBeenCalled();
  });
});

describe('withTimeout', () => {
  it('passes an answer through and turns silence into a timeout', async () => {
    await expect(withTimeout(Promise.resolve({ granted: true }), 1000)).resolves.toEqual({ granted: true });
    await expect(withTimeout(new Promise(() => {}), 10)).resolves.toEqual({
      granted: false,
      reason: 'timeout',
    });
  });
});
