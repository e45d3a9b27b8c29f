const GAP = 12;
/** Where composers keep their own buttons: close/back in the header, post/next in the footer. */
const HEADER = 64;
const FOOTER = 72;
const MIN_HEIGHT = 200;

export interface Viewport {
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  maxHeight: number;
}

/**
 * Where the sidebar goes: beside the composer (right if there is room, else left), never over it.
 * When the window is too narrow for both, it sits at the right edge between the composer's header
 * and footer, where the platforms put their own buttons (close, post, next), and can be collapsed.
 */
export function placement(composer: DOMRect | null, width: number, viewport: Viewport): Placement {
  const full = { left: viewport.width - width - GAP, top: 64, maxHeight: viewport.height - 64 - GAP };
  if (!composer || composer.width <= 0) return full;
  const top = Math.max(GAP, Math.min(composer.top, viewport.height - MIN_HEIGHT));
  const beside = { top, maxHeight: viewport.height - top - GAP };
  if (viewport.width - composer.right >= width + 2 * GAP) return { left: composer.right + GAP, ...beside };
  if (composer.left >= width + 2 * GAP) return { left: composer.left - width - GAP, ...beside };
  const between = composer.top + HEADER;
  const maxHeight = Math.min(composer.bottom - FOOTER, viewport.height - GAP) - between;
  if (maxHeight >= MIN_HEIGHT) return { left: viewport.width - width - GAP, top: between, maxHeight };
  return { ...full, top: GAP, maxHeight: viewport.height - 2 * GAP };
}

function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/**
 * The composer's visible box: the outermost ancestor of the field (up to `container`) that does not
 * cover the whole window. Platforms mount dialogs inside full-window layers (Facebook's layer,
 * YouTube's `ytcp-uploads-dialog` host), and beside those there is no "beside".
 */
export function composerBox(field: Element, container: Element | null, viewport: Viewport): DOMRect {
  let best = field.getBoundingClientRect();
  if (field === container) return best;
  for (let node = parentOf(field); node; node = parentOf(node)) {
    const rect = node.getBoundingClientRect();
    if (rect.width >= viewport.width * 0.95 && rect.height >= viewport.height * 0.95) break;
    if (rect.width > 0 && rect.height > 0) best = rect;
    if (node === container) break;
  }
  return best;
}

/** Applies a placement to the sidebar's fixed frame (its max height is a CSS variable). */
export function placeFrame(frame: HTMLElement, where: Placement): void {
  frame.style.left = `${Math.max(0, Math.round(where.left))}px`;
  frame.style.top = `${Math.round(where.top)}px`;
  frame.style.right = 'auto';
  frame.style.setProperty('--sp-max-height', `${Math.round(where.maxHeight)}px`);
}
