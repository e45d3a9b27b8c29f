import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { OptionsApp } from '@/entrypoints/options/app';
import { language, t } from '@/lib/i18n';
import type { Agency } from '@/lib/library/schema';
import { INITIAL_LIBRARY_STATUS, type LibraryStatus } from '@/lib/library/status-schema';
import type { OptionsApi } from '@/lib/options/options-api';
import { createOptionsModel, type OptionsModelOptions } from '@/lib/options/options-model';
import { verifyPublicKey } from '@/lib/settings/public-key';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { getSettings, saveSettings, settingsItem, watchSettings } from '@/lib/settings/store';
import { exportSettingsFile } from '@/lib/settings/transfer';
import { makeKeyPair, publicMembers } from '../settings/keys';

const AGENCIES: Agency[] = [
  {
    id: 'dkp',
    name: 'Dinas Ketahanan Pangan Provinsi Kalimantan Barat',
    shortName: 'DKP Kalbar',
    kind: 'dinas',
    handles: { facebook: 'dkp.kalbar', youtube: '@dkpkalbar' },
    requiredHashtags: ['#KalbarPangan'],
    officialPhones: [],
  },
  {
    id: 'dinkes',
    name: 'Dinas Kesehatan Provinsi Kalimantan Barat',
    shortName: 'Dinkes Kalbar',
    kind: 'dinas',
    handles: {},
    requiredHashtags: [],
    officialPhones: [],
  },
  {
    id: 'biro-adpim',
    name: 'Biro Administrasi Pimpinan',
    shortName: 'Biro Adpim',
    kind: 'biro',
    handles: {},
    requiredHashtags: [],
    officialPhones: [],
    toConfirm: true,
  },
];

const SYNCED: LibraryStatus = {
  ...INITIAL_LIBRARY_STATUS,
  libraryId: 'kalbar',
  version: 7,
  source: 'remote',
  sourceUrl: 'https://biro.kalbarprov.go.id/pustaka.json',
  captionCount: 12,
  lastSuccessAt: Date.UTC(2026, 10, 26, 6, 0),
};

/** The real settings store (on the fake browser's storage) with a scripted background. */
function fakeApi(overrides: Partial<OptionsApi> = {}) {
  const api: OptionsApi = {
    getSettings,
    saveSettings: vi.fn(saveSettings),
    watchSettings,
    getLibrary: vi.fn(async () => ({ agencies: AGENCIES, status: INITIAL_LIBRARY_STATUS })),
    verifyPublicKey,
    requestOriginAccess: vi.fn(async () => ({ granted: true as const })),
    hasOriginAccess: vi.fn(async () => false),
    hasPlatformAccess: vi.fn(async () => true),
    requestPlatformAccess: vi.fn(async () => ({ granted: true as const })),
    testLibrarySource: vi.fn(async () => ({
      ok: true,
      message: 'Pustaka kalbar versi 7 terverifikasi.',
      version: 7,
    })),
    syncNow: vi.fn(async () => SYNCED),
    confirmLibrarySwitch: vi.fn(async () => INITIAL_LIBRARY_STATUS),
    exportAudit: vi.fn(async (format: 'csv' | 'json') => (format === 'csv' ? 'at,type\n1,submit\n' : '[]')),
    download: vi.fn(),
    ...overrides,
  };
  return api;
}

let root: HTMLElement;

/** The page as the entry point mounts it: the model over the api, the view over the model. */
function page(api: OptionsApi, options: OptionsModelOptions = {}) {
  return <OptionsApp model={createOptionsModel(api, options)} api={api} />;
}

async function mount(api: OptionsApi) {
  await act(async () => {
    render(page(api, { now: () => new Date('2026-11-26T06:00:00Z') }), root);
  });
  await vi.waitFor(() => expect(root.querySelector('[data-sp="agency"] option[value="dkp"]')).not.toBeNull());
}

const $ = <T extends Element = HTMLElement>(selector: string) => {
  const found = root.querySelector<T & Element>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found as unknown as T;
};

async function type(selector: string, value: string) {
  await act(async () => {
    const input = $<HTMLInputElement>(selector);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function choose(selector: string, value: string) {
  await act(async () => {
    const select = $<HTMLSelectElement>(selector);
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function click(selector: string) {
  await act(async () => {
    $<HTMLElement>(selector).click();
  });
}

/** Presses Save (a click: the user gesture the permission request needs). */
async function submit() {
  await click('[data-sp="save"]');
}

function errorOf(field: string): HTMLElement | null {
  return root.querySelector(`[data-sp="error"][data-field="${field}"]`);
}

beforeEach(() => {
  fakeBrowser.reset();
  language.value = 'id';
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  language.value = 'id';
});

describe('options page', () => {
  it('walks a fresh profile through choosing the agency, then saves it once', async () => {
    const api = fakeApi();
    await mount(api);
    expect($('[data-sp="options"]').dataset.firstRun).toBe('true');
    expect($('[data-sp="first-run"]').textContent).toContain('Pilih instansi Anda');
    expect($('[data-step="agency"]').getAttribute('aria-current')).toBe('step');
    // Which library is in use, in words (from the background's status).
    expect($('[data-sp="library-status"]').textContent).toBe(t('library.status.none'));

    await choose('[data-sp="agency"]', 'dkp');
    // The agency's known accounts fill the empty handle fields.
    expect($<HTMLInputElement>('[data-sp="handle"][data-platform="facebook"]').value).toBe('dkp.kalbar');
    expect($<HTMLInputElement>('[data-sp="handle"][data-platform="youtube"]').value).toBe('@dkpkalbar');
    expect($('[data-step="agency"]').dataset.done).toBe('true');
    await type('[data-sp="admin-name"]', 'Rina Wati');
    await type('[data-sp="admin-role"]', 'Pranata Humas Ahli Muda');
    await submit();

    await vi.waitFor(() => expect($('[data-sp="save-status"]').dataset.state).toBe('ok'));
    expect(api.saveSettings).toHaveBeenCalledTimes(1);
    expect((await getSettings()).identity).toEqual({
      agencyId: 'dkp',
      adminName: 'Rina Wati',
      adminRole: 'Pranata Humas Ahli Muda',
      handles: { facebook: 'dkp.kalbar', youtube: '@dkpkalbar' },
    });
    expect(root.querySelector('[data-sp="first-run"]')).toBeNull();
    // No library source was set: nothing to ask permission for.
    expect(api.requestOriginAccess).not.toHaveBeenCalled();
  });

  it('labels every control and links hints and errors with aria-describedby', async () => {
    await mount(fakeApi());
    for (const control of root.querySelectorAll<HTMLElement>('input, select, textarea')) {
      const label = root.querySelector(`label[for="${control.id}"]`);
      expect(label?.textContent?.trim(), control.outerHTML).toBeTruthy();
    }
    const url = $('[data-sp="library-url"]');
    expect(url.getAttribute('aria-describedby')).toBe('sp-libraryUrl-hint');
    expect(document.getElementById('sp-libraryUrl-hint')?.textContent).toContain('https');
  });

  it('filters the agency directory as the admin types', async () => {
    await mount(fakeApi());
    const options = () =>
      [...root.querySelectorAll<HTMLOptionElement>('[data-sp="agency"] option')].map(
        (option) => option.value,
      );
    // Sorted by name: Biro…, Dinas Kesehatan…, Dinas Ketahanan Pangan….
    expect(options()).toEqual(['', 'biro-adpim', 'dinkes', 'dkp']);
    await type('[data-sp="agency-search"]', 'kesehatan');
    expect(options()).toEqual(['', 'dinkes']);
    // "Not chosen" stays selected in the filtered list (so arrow keys start from it).
    expect($<HTMLSelectElement>('[data-sp="agency"]').selectedIndex).toBe(0);
    await type('[data-sp="agency-search"]', 'zzz');
    expect(options()).toEqual(['']);
    expect($('#sp-agency-count').textContent).toBe('Tidak ada instansi yang cocok dengan "zzz".');
  });

  it('shows each bad field’s message next to it and saves nothing', async () => {
    const api = fakeApi();
    await mount(api);
    const { privateJwk } = await makeKeyPair();
    await type('[data-sp="handle"][data-platform="instagram"]', '.dinkes');
    await type('[data-sp="library-url"]', 'http://biro.kalbarprov.go.id/pustaka.json');
    await type('[data-sp="library-key"]', JSON.stringify(privateJwk));
    await submit();

    expect(errorOf('handle.instagram')?.textContent).toContain('Instagram');
    expect(errorOf('libraryUrl')?.textContent).toContain('https://');
    expect(errorOf('libraryKey')?.textContent).toContain('PRIVAT');
    const key = $('[data-sp="library-key"]');
    expect(key.getAttribute('aria-invalid')).toBe('true');
    expect(key.getAttribute('aria-describedby')).toBe('sp-libraryKey-hint sp-libraryKey-error');
    expect($('[data-sp="save-status"]').textContent).toBe('Belum disimpan: perbaiki 3 isian yang ditandai.');
    await vi.waitFor(() =>
      expect(document.activeElement).toBe($('[data-sp="handle"][data-platform="instagram"]')),
    );
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(api.requestOriginAccess).not.toHaveBeenCalled();
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);

    // Editing a field clears its message.
    await type('[data-sp="handle"][data-platform="instagram"]', 'dinkes');
    expect(errorOf('handle.instagram')).toBeNull();
  });

  it('reports a well-formed key that is not a P-256 point and does not save it', async () => {
    const api = fakeApi();
    await mount(api);
    const { publicJwk } = await makeKeyPair();
    await type('[data-sp="library-url"]', 'https://biro.kalbarprov.go.id/pustaka.json');
    await type('[data-sp="library-key"]', JSON.stringify({ ...publicJwk, x: publicJwk.y, y: publicJwk.x }));
    await submit();
    await vi.waitFor(() => expect(errorOf('libraryKey')?.textContent).toContain('kurva'));
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(api.syncNow).not.toHaveBeenCalled();
    expect((await getSettings()).library).toEqual({ url: null, publicKey: null });
  });

  it('asks for the origin in the Save click itself, verifies the new source, saves it, then syncs', async () => {
    let requestedBeforeAnyAwait = false;
    const api = fakeApi();
    await mount(api);
    const { publicJwk } = await makeKeyPair();
    await type('[data-sp="library-url"]', 'https://biro.kalbarprov.go.id/pustaka.json');
    await type('[data-sp="library-key"]', JSON.stringify(publicJwk));
    await act(async () => {
      $<HTMLButtonElement>('[data-sp="save"]').click();
      // Synchronously after the click: the request must already have been made (user gesture).
      requestedBeforeAnyAwait = vi.mocked(api.requestOriginAccess).mock.calls.length === 1;
    });
    expect(requestedBeforeAnyAwait).toBe(true);
    expect(api.requestOriginAccess).toHaveBeenCalledWith('https://biro.kalbarprov.go.id/pustaka.json');
    await vi.waitFor(() => expect($('[data-sp="sync-status"]').dataset.state).toBe('ok'));
    expect($('[data-sp="sync-status"]').textContent).toContain('versi 7');
    // The new source was tried before it was saved.
    expect(api.testLibrarySource).toHaveBeenCalledWith({
      url: 'https://biro.kalbarprov.go.id/pustaka.json',
      publicKey: publicMembers(publicJwk),
    });
    const tested = vi.mocked(api.testLibrarySource).mock.invocationCallOrder[0]!;
    expect(tested).toBeLessThan(vi.mocked(api.saveSettings).mock.invocationCallOrder[0]!);
    expect((await getSettings()).library.url).toBe('https://biro.kalbarprov.go.id/pustaka.json');
    expect($('[data-sp="library-current"]').textContent).toContain(
      'https://biro.kalbarprov.go.id/pustaka.json',
    );
  });

  it('does not save a new source when access to its origin is refused, and says why', async () => {
    const api = fakeApi({
      requestOriginAccess: vi.fn(async () => ({ granted: false as const, reason: 'denied' as const })),
    });
    await mount(api);
    const { publicJwk } = await makeKeyPair();
    await type('[data-sp="library-url"]', 'http://localhost:8080/pustaka.json');
    await type('[data-sp="library-key"]', JSON.stringify(publicJwk));
    await submit();
    await vi.waitFor(() => expect(errorOf('libraryUrl')).not.toBeNull());
    expect($('[data-sp="permission-status"]').textContent).toContain('http://localhost');
    expect($('[data-sp="save-status"]').dataset.state).toBe('error');
    expect(api.testLibrarySource).not.toHaveBeenCalled();
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(api.syncNow).not.toHaveBeenCalled();
  });

  it('does not save a key that fails to verify the library at the URL (a wrong key)', async () => {
    const api = fakeApi({
      testLibrarySource: vi.fn(async () => ({
        ok: false,
        message: 'Pustaka tidak dapat dipakai: tanda tangan digital tidak sah.',
      })),
    });
    await mount(api);
    const { publicJwk } = await makeKeyPair();
    await type('[data-sp="library-url"]', 'https://biro.kalbarprov.go.id/pustaka.json');
    await type('[data-sp="library-key"]', JSON.stringify(publicJwk));
    await submit();
    await vi.waitFor(() => expect(errorOf('libraryKey')?.textContent).toContain('Belum disimpan'));
    expect($('[data-sp="test-status"]').textContent).toBe(
      'Pustaka tidak dapat dipakai: tanda tangan digital tidak sah.',
    );
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect((await getSettings()).library).toEqual({ url: null, publicKey: null });
  });

  it('tests a connection and reports it in plain words', async () => {
    const api = fakeApi();
    await mount(api);
    await click('[data-sp="test-connection"]');
    expect(errorOf('libraryUrl')?.textContent).toBe('Isi alamat pustaka terlebih dahulu.');
    expect(api.testLibrarySource).not.toHaveBeenCalled();

    const { publicJwk } = await makeKeyPair();
    await type('[data-sp="library-url"]', 'https://biro.kalbarprov.go.id/pustaka.json');
    await type('[data-sp="library-key"]', JSON.stringify(publicJwk));
    await click('[data-sp="test-connection"]');
    await vi.waitFor(() => expect($('[data-sp="test-status"]').dataset.state).toBe('ok'));
    expect($('[data-sp="test-status"]').textContent).toBe(
      'Koneksi berhasil: Pustaka kalbar versi 7 terverifikasi.',
    );
    expect(api.requestOriginAccess).toHaveBeenCalledTimes(1);
    // Testing saves nothing.
    expect(api.saveSettings).not.toHaveBeenCalled();
  });

  it('"use the built-in library" clears the source; saving returns to it and syncs', async () => {
    const { publicJwk } = await makeKeyPair();
    const api = fakeApi();
    await mount(api);
    await type('[data-sp="library-url"]', 'https://biro.kalbarprov.go.id/pustaka.json');
    await type('[data-sp="library-key"]', JSON.stringify(publicJwk));
    await submit();
    await vi.waitFor(() => expect(api.syncNow).toHaveBeenCalledTimes(1));
    await click('[data-sp="use-default"]');
    expect($<HTMLInputElement>('[data-sp="library-url"]').value).toBe('');
    await submit();
    await vi.waitFor(() => expect(api.syncNow).toHaveBeenCalledTimes(2));
    expect((await getSettings()).library).toEqual({ url: null, publicKey: null });
    expect($('[data-sp="library-current"]').textContent).toBe('Saat ini memakai pustaka bawaan ekstensi.');
  });

  it('switches the whole page to English after saving', async () => {
    await mount(fakeApi());
    expect($('h1').textContent).toBe('Pengaturan Satu Pintu');
    await choose('[data-sp="language"]', 'en');
    // Not before saving.
    expect($('h1').textContent).toBe('Pengaturan Satu Pintu');
    await submit();
    await vi.waitFor(() => expect($('h1').textContent).toBe('Satu Pintu settings'));
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Satu Pintu settings');
    expect((await getSettings()).language).toBe('en');
  });

  it('exports the saved settings and imports them back into the form, refusing foreign files', async () => {
    const { publicJwk } = await makeKeyPair();
    await saveSettings({
      ...DEFAULT_SETTINGS,
      identity: {
        agencyId: 'dinkes',
        adminName: 'Rina',
        adminRole: 'Admin',
        handles: { instagram: 'dinkes_kalbar' },
      },
      library: {
        url: 'https://biro.kalbarprov.go.id/pustaka.json',
        publicKey: { kty: 'EC', crv: 'P-256', x: publicJwk.x!, y: publicJwk.y! },
      },
    });
    const api = fakeApi();
    await mount(api);
    await click('[data-sp="export"]');
    const [fileName, text, mime] = vi.mocked(api.download).mock.calls[0]!;
    expect(fileName).toBe('satu-pintu-settings-2026-11-26.json');
    expect(mime).toBe('application/json');
    expect(text).toBe(exportSettingsFile(await getSettings(), new Date('2026-11-26T06:00:00Z')));

    const chooseFile = async (content: string) => {
      await act(async () => {
        const input = $<HTMLInputElement>('[data-sp="import"]');
        Object.defineProperty(input, 'files', {
          configurable: true,
          value: [new File([content], 'settings.json', { type: 'application/json' })],
        });
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
    };
    await chooseFile(JSON.stringify({ format: 'satu-pintu/library@1', agencies: [] }));
    await vi.waitFor(() => expect($('[data-sp="import-status"]').dataset.state).toBe('error'));
    expect($('[data-sp="import-status"]').textContent).toContain('bukan berkas pengaturan Satu Pintu');

    // Start from a reset form, then import the exported file: the form shows it again.
    await click('[data-sp="reset"]');
    await click('[data-sp="reset-confirm"]');
    await vi.waitFor(async () => expect((await getSettings()).identity.agencyId).toBeNull());
    await vi.waitFor(() => expect($<HTMLSelectElement>('[data-sp="agency"]').value).toBe(''));
    await chooseFile(text);
    // The reset left an 'ok' status too: wait for the import's own (its key is checked with WebCrypto).
    await vi.waitFor(
      () => expect($('[data-sp="import-status"]').textContent).toBe(t('options.import.loaded')),
      {
        timeout: 5000,
      },
    );
    expect($('[data-sp="import-status"]').dataset.state).toBe('ok');
    expect($<HTMLSelectElement>('[data-sp="agency"]').value).toBe('dinkes');
    expect($<HTMLInputElement>('[data-sp="handle"][data-platform="instagram"]').value).toBe('dinkes_kalbar');
    // Imported into the form only: saved when the admin presses Save.
    expect((await getSettings()).identity.agencyId).toBeNull();
    await submit();
    await vi.waitFor(() => expect($('[data-sp="save-status"]').dataset.state).toBe('ok'));
    const restored = await getSettings();
    expect(exportSettingsFile(restored, new Date('2026-11-26T06:00:00Z'))).toBe(text);
  });

  it('asks before resetting, and Cancel keeps everything', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, language: 'en' });
    const api = fakeApi();
    await mount(api);
    await click('[data-sp="reset"]');
    await vi.waitFor(() => expect(document.activeElement).toBe($('[data-sp="reset-cancel"]')));
    await click('[data-sp="reset-cancel"]');
    expect(root.querySelector('[data-sp="reset-confirm"]')).toBeNull();
    expect((await getSettings()).language).toBe('en');
    await click('[data-sp="reset"]');
    await click('[data-sp="reset-confirm"]');
    await vi.waitFor(() => expect($('h1').textContent).toBe('Pengaturan Satu Pintu'));
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });

  it('downloads the audit log as CSV and JSON', async () => {
    const api = fakeApi();
    await mount(api);
    await click('[data-sp="audit-export"][data-format="csv"]');
    await vi.waitFor(() => expect(api.download).toHaveBeenCalledTimes(1));
    expect(api.download).toHaveBeenCalledWith(
      'satu-pintu-audit-2026-11-26.csv',
      'at,type\n1,submit\n',
      'text/csv;charset=utf-8',
    );
    await click('[data-sp="audit-export"][data-format="json"]');
    await vi.waitFor(() => expect(api.download).toHaveBeenCalledTimes(2));
    expect(api.exportAudit).toHaveBeenLastCalledWith('json');
  });

  it('offers to grant a platform the browser withholds (Firefox MV3)', async () => {
    const api = fakeApi({ hasPlatformAccess: vi.fn(async (platform) => platform !== 'instagram') });
    await mount(api);
    await vi.waitFor(() =>
      expect(root.querySelector('[data-sp="grant"][data-platform="instagram"]')).not.toBeNull(),
    );
    expect(root.querySelector('[data-sp="grant"][data-platform="facebook"]')).toBeNull();
    await click('[data-sp="grant"][data-platform="instagram"]');
    expect(api.requestPlatformAccess).toHaveBeenCalledWith('instagram');
    await vi.waitFor(() => expect(root.querySelector('[data-sp="grant"]')).toBeNull());
  });

  it('still works when the library cannot be loaded, and says why', async () => {
    const api = fakeApi({ getLibrary: vi.fn(async () => Promise.reject(new Error('background asleep'))) });
    await act(async () => {
      render(page(api), root);
    });
    await vi.waitFor(() => expect($('#sp-agency-hint').textContent).toContain('background asleep'));
    expect($<HTMLSelectElement>('[data-sp="agency"]').disabled).toBe(true);
  });
});

describe('options page: desk, inline marks, diagnostics', () => {
  const DESK = 'https://meja.kalbarprov.go.id';
  const TOKEN = 'spd_Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4';
  const WAIT = { timeout: 5000 };

  it('saves the desk after asking for its origin in the Save click itself', async () => {
    const api = fakeApi();
    await mount(api);
    await type('[data-sp="desk-url"]', `${DESK}/`);
    await type('[data-sp="desk-token"]', TOKEN);
    let requestedInClick = false;
    await act(async () => {
      $<HTMLButtonElement>('[data-sp="save"]').click();
      requestedInClick = vi.mocked(api.requestOriginAccess).mock.calls.length === 1;
    });
    expect(requestedInClick).toBe(true);
    expect(api.requestOriginAccess).toHaveBeenCalledWith(DESK);
    await vi.waitFor(() => expect($('[data-sp="save-status"]').dataset.state).toBe('ok'), WAIT);
    expect((await getSettings()).desk).toEqual({ url: DESK, token: TOKEN });
    // A desk is not a library source: nothing to sync.
    expect(api.syncNow).not.toHaveBeenCalled();
  });

  it('asks for the library and the desk in one prompt', async () => {
    const api = fakeApi();
    await mount(api);
    const { publicJwk } = await makeKeyPair();
    await type('[data-sp="library-url"]', 'https://biro.kalbarprov.go.id/pustaka.json');
    await type('[data-sp="library-key"]', JSON.stringify(publicJwk));
    await type('[data-sp="desk-url"]', DESK);
    await type('[data-sp="desk-token"]', TOKEN);
    await submit();
    expect(api.requestOriginAccess).toHaveBeenCalledTimes(1);
    expect(api.requestOriginAccess).toHaveBeenCalledWith('https://biro.kalbarprov.go.id/pustaka.json', DESK);
    await vi.waitFor(() => expect($('[data-sp="save-status"]').dataset.state).toBe('ok'), WAIT);
  });

  it('does not save a desk whose origin is refused, and marks the desk field', async () => {
    const api = fakeApi({
      requestOriginAccess: vi.fn(async () => ({ granted: false as const, reason: 'denied' as const })),
    });
    await mount(api);
    await type('[data-sp="desk-url"]', DESK);
    await type('[data-sp="desk-token"]', TOKEN);
    await submit();
    await vi.waitFor(() => expect(errorOf('deskUrl')).not.toBeNull(), WAIT);
    expect($('[data-sp="permission-status"]').textContent).toContain(DESK);
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect((await getSettings()).desk).toEqual({ url: null, token: null });
  });

  it('refuses a plain-http desk and a desk without its token before asking anything', async () => {
    const api = fakeApi();
    await mount(api);
    await type('[data-sp="desk-url"]', 'http://meja.kalbarprov.go.id');
    await submit();
    expect(errorOf('deskUrl')?.textContent).toContain('https://');
    await type('[data-sp="desk-url"]', DESK);
    await submit();
    expect(errorOf('deskToken')?.textContent).toContain('token');
    expect(api.requestOriginAccess).not.toHaveBeenCalled();
    expect(api.saveSettings).not.toHaveBeenCalled();
  });

  it('switches inline marks per platform and the diagnostics log', async () => {
    await mount(fakeApi());
    expect($<HTMLInputElement>('[data-sp="marks-switch"][data-platform="instagram"]').checked).toBe(true);
    await act(async () => {
      $<HTMLInputElement>('[data-sp="marks-switch"][data-platform="instagram"]').click();
      $<HTMLInputElement>('[data-sp="debug"]').click();
    });
    await submit();
    await vi.waitFor(() => expect($('[data-sp="save-status"]').dataset.state).toBe('ok'), WAIT);
    const saved = await getSettings();
    expect(saved.marks).toEqual({ facebook: true, instagram: false, youtube: true });
    expect(saved.debug).toBe(true);
  });

  it('refuses at import a settings file whose key is not a point on the curve', async () => {
    const { publicJwk } = await makeKeyPair();
    const offCurve = { kty: 'EC' as const, crv: 'P-256' as const, x: publicJwk.y!, y: publicJwk.x! };
    const text = exportSettingsFile(
      {
        ...DEFAULT_SETTINGS,
        library: { url: 'https://biro.kalbarprov.go.id/pustaka.json', publicKey: offCurve },
      },
      new Date('2026-11-26T06:00:00Z'),
    );
    await mount(fakeApi());
    await act(async () => {
      const input = $<HTMLInputElement>('[data-sp="import"]');
      Object.defineProperty(input, 'files', {
        configurable: true,
        value: [new File([text], 'settings.json', { type: 'application/json' })],
      });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect($('[data-sp="import-status"]').dataset.state).toBe('error'), WAIT);
    expect($('[data-sp="import-status"]').textContent).toContain('kurva P-256');
    expect($<HTMLInputElement>('[data-sp="library-url"]').value).toBe('');
  });
});

describe('options page: a library switch the sync refused', () => {
  it('offers to confirm the other library id, and only after a click asks the background to switch', async () => {
    const refused: LibraryStatus = {
      ...SYNCED,
      error: { code: 'library-id', libraryId: 'kalbar-baru', currentLibraryId: 'kalbar', at: 1 },
    };
    const api = fakeApi({
      getLibrary: vi.fn(async () => ({ agencies: AGENCIES, status: refused })),
      confirmLibrarySwitch: vi.fn(async () => ({ ...SYNCED, libraryId: 'kalbar-baru' })),
    });
    await mount(api);
    const confirm = $('[data-sp="library-switch-confirm"]');
    expect(confirm.dataset.libraryId).toBe('kalbar-baru');
    expect(confirm.textContent).toBe('Ya, ganti ke pustaka "kalbar-baru"');
    expect(api.confirmLibrarySwitch).not.toHaveBeenCalled();
    vi.mocked(api.getLibrary).mockResolvedValue({ agencies: AGENCIES, status: SYNCED });
    await click('[data-sp="library-switch-confirm"]');
    expect(api.confirmLibrarySwitch).toHaveBeenCalledWith('kalbar-baru');
    await vi.waitFor(() => expect($('[data-sp="sync-status"]').dataset.state).toBe('ok'), { timeout: 5000 });
    expect($('[data-sp="sync-status"]').textContent).toContain(
      'Pergantian ke pustaka "kalbar-baru" dikonfirmasi.',
    );
    await vi.waitFor(() => expect(root.querySelector('[data-sp="library-switch-confirm"]')).toBeNull(), {
      timeout: 5000,
    });
  });
});
