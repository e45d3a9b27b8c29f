import { libraryStatusItem, readLibraryStatus } from '@/lib/library/status';
import { parseLibraryStatus } from '@/lib/library/status-schema';
import { sendMessage } from '@/lib/messaging/protocol';
import type { PopupDeps } from './popup-model';

/**
 * The tab whose draft is shown: the active tab of this window; `?tabId=` overrides it when the
 * popup page is opened in a tab of its own (end-to-end tests, "pop out").
 */
async function targetTabId(): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The popup model's dependencies on the browser and the background. */
export function createPopupDeps(): PopupDeps {
  return {
    listSubmissions: () => sendMessage('listSubmissions', {}),
    markSubmissionsSeen: () => sendMessage('markSubmissionsSeen'),
    getDraftState: async () => {
      const tabId = await targetTabId();
      return tabId === undefined ? null : sendMessage('getDraftState', undefined, tabId);
    },
    readLibraryStatus,
    watchLibraryStatus: (callback) => libraryStatusItem.watch((value) => callback(parseLibraryStatus(value))),
    syncNow: () => sendMessage('syncNow'),
    getSubmissionShare: (id) => sendMessage('getSubmissionShare', { id }),
    copyText: (text) => navigator.clipboard.writeText(text),
    openOptions: () => browser.runtime.openOptionsPage(),
  };
}
