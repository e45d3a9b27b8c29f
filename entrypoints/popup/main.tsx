import '@/lib/zod-config';
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import '@/components/approvals/approvals.css';
import { Popup } from '@/components/popup/popup';
import { createPopupModel } from '@/lib/approvals/popup-model';
import { language } from '@/lib/i18n';
import { describeLibraryStatus } from '@/lib/library/describe-status';
import { libraryStatusItem, parseLibraryStatus, readLibraryStatus } from '@/lib/library/status';
import { sendMessage } from '@/lib/messaging/protocol';
import { getSettings } from '@/lib/settings/store';

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

const model = createPopupModel({
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
});

function App() {
  useEffect(() => {
    let unwatch: (() => void) | undefined;
    void model.open().then((stop) => {
      unwatch = stop;
    });
    return () => unwatch?.();
  }, []);
  const status = model.library.value;
  return (
    <Popup
      draft={model.draft.value}
      submissions={model.submissions.value}
      filter={model.filter.value}
      onFilter={(next) => {
        model.filter.value = next;
      }}
      libraryText={status ? describeLibraryStatus(status, language.value) : ''}
      syncing={model.syncing.value || (status?.syncing ?? false)}
      onSync={() => void model.sync()}
      copiedId={model.copiedId.value}
      onCopy={(submission) => void model.copy(submission.id, submission.text)}
      share={model.share.value}
      onShare={(submission) => void model.toggleShare(submission.id)}
      onCopyText={(text) => void model.copy('share', text)}
      error={model.error.value}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
}

void getSettings().then((settings) => {
  language.value = settings.language;
  document.documentElement.lang = settings.language;
  render(<App />, document.getElementById('app')!);
});
