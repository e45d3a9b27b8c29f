import { storage } from '#imports';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from './schema';

/** One storage item for all settings; extension pages and content scripts may read it. */
export const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: DEFAULT_SETTINGS });

/** Read the settings; anything malformed in storage falls back to the defaults, never throws. */
export async function getSettings(): Promise<Settings> {
  const parsed = SettingsSchema.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(next: Settings): Promise<Settings> {
  const valid = SettingsSchema.parse(next);
  await settingsItem.setValue(valid);
  return valid;
}

export async function updateSettings(patch: (current: Settings) => Settings): Promise<Settings> {
  return saveSettings(patch(await getSettings()));
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => {
    const parsed = SettingsSchema.safeParse(value);
    callback(parsed.success ? parsed.data : DEFAULT_SETTINGS);
  });
}
