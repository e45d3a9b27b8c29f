import { onMessage } from '@/lib/messaging/protocol';

/** Background wiring of settings: first-run onboarding and settings messages. (options issue) */
export function setupSettings(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: walk the admin through choosing the agency.
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  onMessage('openOptions', () => browser.runtime.openOptionsPage());
}
