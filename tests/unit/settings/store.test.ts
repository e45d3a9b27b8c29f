import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { getSettings, saveSettings, settingsItem, updateSettings, watchSettings } from '@/lib/settings/store';

describe('settings store (storage.local)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reads the defaults on a fresh profile', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('salvages a damaged stored value instead of throwing', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: 'en', identity: { agencyId: 42 } } });
    const settings = await getSettings();
    expect(settings.language).toBe('en');
    expect(settings.identity.agencyId).toBeNull();
  });

  it('refuses to save an invalid object, leaving storage untouched', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, language: 'en' });
    await expect(
      saveSettings({
        ...DEFAULT_SETTINGS,
        library: { url: 'http://biro.kalbarprov.go.id/p.json', publicKey: null },
      }),
    ).rejects.toThrow();
    expect(await settingsItem.getValue()).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
  });

  it('updates with a patch and tells watchers', async () => {
    const seen: string[] = [];
    const unwatch = watchSettings((settings) => seen.push(settings.language));
    await updateSettings((current) => ({ ...current, sidebarCollapsed: { facebook: true } }));
    await updateSettings((current) => ({ ...current, language: 'en' }));
    unwatch();
    expect(await getSettings()).toMatchObject({ language: 'en', sidebarCollapsed: { facebook: true } });
    expect(seen).toEqual(['id', 'en']);
  });
});
