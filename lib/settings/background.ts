import { onMessage } from '@/lib/messaging/protocol';
import { followDebugSetting, getSettings } from './store';

/** Background wiring of settings: first-run onboarding and settings messages. */
export function setupSettings(): void {
  followDebugSetting();
  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    // First run: walk the admin through choosing the agency. Chromium reports 'install' again each
    // time an unpacked extension is loaded from the command line, so an admin who already chose an
    // agency is not sent back to the options page.
    if (reason !== 'install') return;
    const { identity } = await getSettings();
    if (identity.agencyId === null) await browser.runtime.openOptionsPage();
  });
  onMessage('openOptions', () => browser.runtime.openOptionsPage());
}
