import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createPopupDeps } from '@/lib/popup/popup-deps';

const sent = vi.hoisted(() => [] as { name: string; data: unknown; tabId?: number }[]);
vi.mock('@/lib/messaging/protocol', () => ({
  sendMessage: async (name: string, data: unknown, tabId?: number) => {
    sent.push({ name, data, tabId });
    return name === 'getDraftState' ? { field: 'caption' } : [];
  },
}));

beforeEach(() => {
  fakeBrowser.reset();
  sent.length = 0;
});
afterEach(() => {
  vi.restoreAllMocks();
  history.replaceState(null, '', '/');
});

describe('the popup’s browser wiring', () => {
  it('asks the active tab for its draft, or the tab named by ?tabId= when opened in a tab of its own', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as Browser.tabs.Tab]);
    const deps = createPopupDeps();
    await deps.getDraftState();
    history.replaceState(null, '', '/popup.html?tabId=42');
    await deps.getDraftState();
    expect(sent.map((message) => [message.name, message.tabId])).toEqual([
      ['getDraftState', 7],
      ['getDraftState', 42],
    ]);
  });

  it('has no draft to ask for without a tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    expect(await createPopupDeps().getDraftState()).toBeNull();
    expect(sent).toEqual([]);
  });

  it('opens the options page through the runtime', async () => {
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    await createPopupDeps().openOptions();
    expect(open).toHaveBeenCalledTimes(1);
  });
});
