import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { isDebugLogging, setDebugLogging } from '@/lib/log';
import { setupSettings } from '@/lib/settings/background';
import { followDebugSetting, getSettings, saveSettings } from '@/lib/settings/store';

// @webext-core/messaging talks to `chrome.runtime` with callbacks, which the fake browser does not
// route; capture the registered handlers instead and call them as the messenger would.
const handlers = vi.hoisted(() => new Map<string, (message: { data: unknown }) => unknown>());
vi.mock('@/lib/messaging/protocol', () => ({
  onMessage: (name: string, handler: (message: { data: unknown }) => unknown) => {
    handlers.set(name, handler);
    return () => handlers.delete(name);
  },
}));

describe('settings background wiring', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    handlers.clear();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('opens the options page on first install only', async () => {
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    setupSettings();
    await fakeBrowser.runtime.onInstalled.trigger({
      reason: 'update',
      temporary: false,
      previousVersion: '0.0.9',
    });
    expect(open).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('does not reopen onboarding when an agency is already chosen', async () => {
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    const settings = await getSettings();
    await saveSettings({ ...settings, identity: { ...settings.identity, agencyId: 'diskominfo' } });
    setupSettings();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(open).not.toHaveBeenCalled();
  });

  it('opens the options page when a content script asks (it cannot itself)', async () => {
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    setupSettings();
    await handlers.get('openOptions')?.({ data: undefined });
    expect(open).toHaveBeenCalledTimes(1);
  });
});

describe('the diagnostics switch', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // An admin's build: a development build logs whatever the switch says.
    vi.stubEnv('DEV', false);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    setDebugLogging(false);
  });

  it('turns lib/log debugging on and off as the settings say', async () => {
    setDebugLogging(false);
    await saveSettings({ ...(await getSettings()), debug: true });
    const stop = followDebugSetting();
    await vi.waitFor(() => expect(isDebugLogging()).toBe(true), { timeout: 5000 });
    await saveSettings({ ...(await getSettings()), debug: false });
    await vi.waitFor(() => expect(isDebugLogging()).toBe(false), { timeout: 5000 });
    stop();
    await saveSettings({ ...(await getSettings()), debug: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(isDebugLogging()).toBe(false);
  }, 20_000);
});
