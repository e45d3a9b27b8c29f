import { log } from '@/lib/log';

/**
 * Copy text for the admin to paste themselves (insert failed, or the composer was not recognised).
 * The async Clipboard API needs a focused document; the fallback selects a textarea inside our own
 * shadow root (the page never sees it) and uses the `copy` command, allowed by `clipboardWrite`.
 */
export async function copyToClipboard(text: string, root: ShadowRoot | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (error) {
    log.debug('clipboard API refused, using the copy command', error);
  }
  const host = root ?? document.body;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  host.append(area);
  try {
    area.select();
    return document.execCommand('copy');
  } catch (error) {
    // The admin is told (copy failed); the detail is for whoever debugs.
    log.warn('copy command', error);
    return false;
  } finally {
    area.remove();
  }
}
