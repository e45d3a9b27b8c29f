import { setDebugLogging } from '@/lib/log';

/**
 * Follow the settings' diagnostics switch (`debug`). A development build logs whatever the switch
 * says; an admin's build only when it is on. Zod-free, so the content script calls it too.
 */
export function applyDebugSetting(debug: boolean): void {
  setDebugLogging(debug || Boolean(import.meta.env?.DEV));
}
