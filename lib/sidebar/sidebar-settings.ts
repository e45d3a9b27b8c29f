import type { Language } from '@/lib/i18n/types';
import type { PlatformId } from '@/lib/platforms/types';
import type { Settings } from '@/lib/settings/schema';
import { readSettingsView, SETTINGS_STORAGE_KEY, withSidebarCollapsed } from '@/lib/settings/settings-view';

/**
 * The few settings the sidebar reads, for one platform, from the storage item the options page
 * writes. The reading itself is `readSettingsView` (zod-free, held to the schema by its tests);
 * storage is reached through `browser.storage` directly, which keeps a storage library out of the
 * content script's size budget.
 */
export interface SidebarSettings {
  language: Language;
  identity: Settings['identity'];
  enabled: boolean;
  collapsed: boolean | undefined;
  /** Inline marks over the composer's text on this platform (on unless switched off). */
  marks: boolean;
  /** Technical detail in the console (lib/log.ts); off unless switched on in the options page. */
  debug: boolean;
}

/** `local:settings` → the `settings` key of `browser.storage.local`. */
const SETTINGS_KEY = SETTINGS_STORAGE_KEY.replace(/^local:/, '');
const LIBRARY_STATUS_KEY = 'libraryStatus';

/** The sidebar's view of whatever is stored; defaults for anything missing or malformed. */
export function readSidebarSettings(raw: unknown, platform: PlatformId): SidebarSettings {
  const view = readSettingsView(raw);
  return {
    language: view.language,
    identity: view.identity,
    enabled: view.platforms[platform],
    collapsed: view.sidebarCollapsed[platform],
    marks: view.marks[platform],
    debug: view.debug,
  };
}

async function readLocal(key: string): Promise<unknown> {
  const stored = await browser.storage.local.get(key);
  return stored[key];
}

/** Calls `callback` with each new value of `key` in local storage; returns the unsubscribe. */
function watchLocal(key: string, callback: (value: unknown) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[key];
    if (area === 'local' && change) callback(change.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export async function getSidebarSettings(platform: PlatformId): Promise<SidebarSettings> {
  return readSidebarSettings(await readLocal(SETTINGS_KEY), platform);
}

export function watchSidebarSettings(
  platform: PlatformId,
  callback: (settings: SidebarSettings) => void,
): () => void {
  return watchLocal(SETTINGS_KEY, (value) => callback(readSidebarSettings(value, platform)));
}

export async function saveSidebarCollapsed(platform: PlatformId, collapsed: boolean): Promise<void> {
  const next = withSidebarCollapsed(await readLocal(SETTINGS_KEY), platform, collapsed);
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
}

/** A change signal only: the library itself is asked from the background (`getLibrary`). */
export function watchLibraryVersion(callback: (version: string) => void): () => void {
  return watchLocal(LIBRARY_STATUS_KEY, (value) => {
    const status = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const id = typeof status.libraryId === 'string' ? status.libraryId : '';
    callback(`${id}@${String(status.version)}@${String(status.updatedAt)}`);
  });
}
