import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDatabase, type SatuPintuDb } from '@/lib/db/database';
import { literalsTable } from '@/lib/guidelines/prefilter';
import { RETRY_ALARM, SYNC_ALARM, SYNC_PERIOD_MINUTES, setupLibrary } from '@/lib/library/background';
import { LibraryBundleSchema } from '@/lib/library/schema';
import { generateKeyPair } from '@/lib/library/signature';
import { readLibraryStatus } from '@/lib/library/status';
import type { ProtocolMap } from '@/lib/messaging/protocol';
import { SettingsSchema } from '@/lib/settings/schema';
import { saveSettings } from '@/lib/settings/store';

// @webext-core/messaging talks to `chrome.runtime` with callbacks, which the fake browser does not
// route; capture the registered handlers and call them as the messenger would.
const handlers = vi.hoisted(() => new Map<string, (message: { data: unknown }) => unknown>());
vi.mock('@/lib/messaging/protocol', () => ({
  onMessage: (name: string, handler: (message: { data: unknown }) => unknown) => {
    handlers.set(name, handler);
    return () => handlers.delete(name);
  },
}));

async function sendMessage<K extends keyof ProtocolMap>(
  name: K,
  data: Parameters<ProtocolMap[K]>[0],
  sender: { url?: string; tab?: { id: number } } = { url: 'chrome-extension://satu-pintu/options.html' },
): Promise<ReturnType<ProtocolMap[K]>> {
  const handler = handlers.get(name);
  if (!handler) throw new Error(`no handler for ${name}`);
  return (await handler({ data, sender } as { data: unknown })) as ReturnType<ProtocolMap[K]>;
}

const EMBEDDED_URL = 'chrome-extension://satu-pintu/library/kalbar.json';
/**
 * Background work (verifying and indexing the embedded library) takes well over a second on a
 * loaded 2-core machine: every wait for it names its own generous timeout.
 */
const BACKGROUND = { timeout: 15_000, interval: 50 };
let db: SatuPintuDb;
let embedded: { text: string; version: number };

beforeEach(async () => {
  fakeBrowser.reset();
  const text = await readFile(join(import.meta.dirname, '../../../public/library/kalbar.json'), 'utf8');
  embedded = { text, version: LibraryBundleSchema.parse(JSON.parse(text)).version };
  vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) =>
    path === '/' ? 'chrome-extension://satu-pintu/' : EMBEDDED_URL,
  );
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) =>
      String(input) === EMBEDDED_URL ? new Response(embedded.text) : new Response('offline', { status: 503 }),
    ),
  );
  db = openDatabase(`background-test-${Math.random().toString(36).slice(2)}`);
});

afterEach(async () => {
  handlers.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await db.delete();
});

describe('setupLibrary (background wiring)', { timeout: 30_000 }, () => {
  it('on install: schedules the 15-minute sync, loads the embedded library, writes the status', async () => {
    setupLibrary(db);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(
      async () => expect((await readLibraryStatus()).version).toBe(embedded.version),
      BACKGROUND,
    );
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: SYNC_PERIOD_MINUTES });
    expect(await readLibraryStatus()).toMatchObject({ libraryId: 'kalbar', source: 'embedded', error: null });
  });

  it('answers getLibrary and searchCaptions messages from the stored library', async () => {
    setupLibrary(db);
    const { bundle, status } = await sendMessage('getLibrary', undefined);
    expect(bundle.version).toBe(embedded.version);
    expect(status.source).toBe('embedded');
    const found = await sendMessage('searchCaptions', { query: 'imunisasi', platform: 'facebook' });
    expect(found.map((caption) => caption.id)).toContain('kegiatan-vaksinasi');
  });

  it('answers patternLiterals with what each pattern of the library in use needs, read once per library', async () => {
    setupLibrary(db);
    const { bundle } = await sendMessage('getLibrary', undefined);
    const table = await sendMessage('patternLiterals', undefined);
    expect(table).toEqual(literalsTable(bundle.guidelines));
    expect(table.filter(([, literals]) => literals !== null).length).toBeGreaterThan(100);
    expect(await sendMessage('patternLiterals', undefined)).toBe(table);
  });

  it('a remote source without the host permission fails with a clear reason and a retry alarm', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    setupLibrary(db);
    const { publicJwk } = await generateKeyPair();
    await saveSettings(
      SettingsSchema.parse({
        library: { url: 'https://pustaka.kalbarprov.go.id/kalbar.json', publicKey: publicJwk },
      }),
    );
    const status = await sendMessage('syncNow', undefined);
    expect(status.error).toMatchObject({
      code: 'permission',
      url: 'https://pustaka.kalbarprov.go.id/kalbar.json',
    });
    expect(fakeBrowser.permissions.contains).toHaveBeenCalledWith({
      origins: ['https://pustaka.kalbarprov.go.id/*'],
    });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeDefined(), BACKGROUND);
    // The embedded library is still the one in use.
    expect(status).toMatchObject({ source: 'embedded', version: embedded.version });
  });

  it('syncs at once when the library source changes, even when that change is what woke the worker', async () => {
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    const { publicJwk } = await generateKeyPair();
    // MV3 wakes the worker for the storage event of the new source: the worker starts *after* the
    // write, reads the new settings at start-up, then receives the change event. It must still sync.
    const previous = SettingsSchema.parse({});
    const next = SettingsSchema.parse({
      library: { url: 'https://pustaka.kalbarprov.go.id/a.json', publicKey: publicJwk },
    });
    await fakeBrowser.storage.local.set({ settings: next });
    setupLibrary(db);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await fakeBrowser.storage.local.onChanged.trigger({ settings: { oldValue: previous, newValue: next } });
    await vi.waitFor(
      () => expect(contains).toHaveBeenCalledWith({ origins: ['https://pustaka.kalbarprov.go.id/*'] }),
      BACKGROUND,
    );
    contains.mockClear();
    // Saving settings that keep the same source does not sync again.
    await saveSettings(
      SettingsSchema.parse({
        language: 'en',
        library: { url: 'https://pustaka.kalbarprov.go.id/a.json', publicKey: publicJwk },
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(contains).not.toHaveBeenCalled();
  });

  it('takes a library switch confirmation only from the extension’s own pages', async () => {
    setupLibrary(db);
    await expect(
      sendMessage(
        'confirmLibrarySwitch',
        { libraryId: 'lain' },
        { url: 'https://www.facebook.com/', tab: { id: 3 } },
      ),
    ).rejects.toThrow(/not allowed/);
    // From the options page it reaches the service, which refuses: no switch is pending.
    await expect(sendMessage('confirmLibrarySwitch', { libraryId: 'lain' })).rejects.toThrow(
      /no refused switch/,
    );
  });
});
