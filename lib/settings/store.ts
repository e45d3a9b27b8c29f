import { storage } from '#imports';
import { log } from '@/lib/log';
import { applyDebugSetting } from './debug';
import { DEFAULT_SETTINGS, parseStoredSettings, type Settings, SettingsSchema } from './schema';
import { SETTINGS_STORAGE_KEY } from './settings-view';

/** One storage item for all settings; extension pages and content scripts may read it. */
export const settingsItem = storage.defineItem<unknown>(SETTINGS_STORAGE_KEY, { fallback: DEFAULT_SETTINGS });

/** Read the settings; anything malformed in storage falls back to the defaults field by field, never throws. */
export async function getSettings(): Promise<Settings> {
  return parseStoredSettings(await settingsItem.getValue());
}

/** Validate the whole object, then write it once (never half a change). Throws on invalid input. */
export async function saveSettings(next: Settings): Promise<Settings> {
  const valid = SettingsSchema.parse(next);
  await settingsItem.setValue(valid);
  return valid;
}

export async function updateSettings(patch: (current: Settings) => Settings): Promise<Settings> {
  return saveSettings(patch(await getSettings()));
}

/** Calls back on every change with the new settings and the ones they replaced. */
export function watchSettings(callback: (settings: Settings, previous: Settings) => void): () => void {
  return settingsItem.watch((value, previous) =>
    callback(parseStoredSettings(value), parseStoredSettings(previous)),
  );
}

/** Keeps lib/log's debug switch on the settings' `debug` in this context; returns the unsubscribe. */
export function followDebugSetting(): () => void {
  void getSettings().then(
    (settings) => applyDebugSetting(settings.debug),
    (error) => log.error('settings', error),
  );
  return watchSettings((settings) => applyDebugSetting(settings.debug));
}
