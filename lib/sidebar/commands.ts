import { browser } from 'wxt/browser';
import { logFailure } from '@/lib/log';
import { sendMessage } from '@/lib/messaging/protocol';

export const TOGGLE_SIDEBAR_COMMAND = 'toggle-sidebar';

/**
 * Background: forwards the `toggle-sidebar` keyboard command (declared in wxt.config.ts) to the
 * content script of the tab it was pressed in. Register synchronously in the background's main
 * (MV3 service workers only receive events for listeners added in the first turn).
 */
export function setupSidebarCommands(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_SIDEBAR_COMMAND) return;
    (async () => {
      const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (tabId === undefined) return;
      // A tab without our content script (not a platform page) has no receiver: nothing to toggle.
      await sendMessage('toggleSidebar', undefined, tabId).catch(logFailure('toggle sidebar'));
    })().catch(logFailure('toggle sidebar'));
  });
}
