import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { closestDeep, isValidSelector } from '@/lib/platforms/query';
import type { PostButton } from '@/lib/platforms/types';

/** The element `target` is (or is inside) that is one of the adapter's post buttons, or null. */
export function postButtonAt(buttons: readonly PostButton[], target: Element): Element | null {
  for (const button of buttons) {
    if (!isValidSelector(button.selector)) continue;
    const element = closestDeep(target, button.selector);
    if (!element) continue;
    if (!button.labels?.length) return element;
    const names = [element.getAttribute('aria-label'), element.textContent].map((value) =>
      (value ?? '').trim().toLocaleLowerCase(),
    );
    if (button.labels.some((label) => names.includes(label.toLocaleLowerCase()))) return element;
  }
  return null;
}

/**
 * The platform's own post/share button pressed by the admin: `onPosted` runs before the page's
 * handler (capture), while the composer still holds the text. Only trusted clicks count — a page
 * script clicking the button is not the admin posting.
 */
export function watchPostButtons(
  ctx: ContentScriptContext,
  buttons: readonly PostButton[] | undefined,
  onPosted: () => void,
): void {
  if (!buttons?.length) return;
  ctx.addEventListener(
    document,
    'click',
    (event) => {
      if (!event.isTrusted) return;
      const target = event.composedPath()[0];
      if (target instanceof Element && postButtonAt(buttons, target)) onPosted();
    },
    { capture: true },
  );
}
