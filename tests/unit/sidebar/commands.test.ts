import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';

const sent = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock('@/lib/messaging/protocol', () => ({ sendMessage: sent }));

import { setupSidebarCommands } from '@/lib/sidebar/commands';

type CommandListener = (command: string, tab?: { id?: number }) => void;

/** The fake browser has no commands API: give it one that records the listener. */
function withCommands(): { fire: CommandListener } {
  const listeners: CommandListener[] = [];
  Object.assign(browser, {
    commands: { onCommand: { addListener: (l: CommandListener) => listeners.push(l) } },
  });
  return {
    fire: (command, tab) => {
      for (const listener of listeners) listener(command, tab);
    },
  };
}

afterEach(() => {
  sent.mockClear();
  Reflect.deleteProperty(browser, 'commands');
});

describe('setupSidebarCommands', () => {
  it('forwards toggle-sidebar to the tab it was pressed in, and nothing else', async () => {
    const { fire } = withCommands();
    setupSidebarCommands();
    fire('some-other-command', { id: 3 });
    fire('toggle-sidebar', { id: 7 });
    await vi.waitFor(() => expect(sent).toHaveBeenCalledTimes(1));
    expect(sent).toHaveBeenCalledWith('toggleSidebar', undefined, 7);
  });

  it('falls back to the active tab, and a tab without a content script is not an error', async () => {
    const { fire } = withCommands();
    const tab = await browser.tabs.create({ active: true, url: 'https://www.facebook.com/' });
    const query = vi.spyOn(browser.tabs, 'query').mockImplementation(async () => [tab]);
    sent.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    setupSidebarCommands();
    fire('toggle-sidebar');
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith('toggleSidebar', undefined, tab.id));
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });
});
