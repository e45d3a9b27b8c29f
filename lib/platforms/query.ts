/**
 * Selector evaluation shared by the adapters' strategies. Strategies are data (the signed library
 * may replace them), so nothing here may throw on a bad selector: it just finds nothing.
 *
 * ` >>> ` is our one extension to CSS: `host-selector >>> inner-selector` continues inside the open
 * shadow root of each element matched so far (YouTube Studio's Polymer elements could move to
 * shadow DOM; today its textboxes are reachable with plain selectors).
 */

const SHADOW_COMBINATOR = '>>>';

function parts(selector: string): string[] {
  return selector.split(SHADOW_COMBINATOR).map((part) => part.trim());
}

/** A throwaway element to validate selectors against without touching the page. */
let probe: Element | undefined;
function probeElement(): Element | undefined {
  if (probe) return probe;
  if (typeof document === 'undefined') return undefined;
  probe = document.createElement('div');
  return probe;
}

/** True when every part of the selector parses (in a DOM; without one only the shape is checked). */
export function isValidSelector(selector: string): boolean {
  const pieces = parts(selector);
  if (pieces.some((piece) => piece.length === 0)) return false;
  const element = probeElement();
  if (!element) return true;
  try {
    for (const piece of pieces) element.matches(piece);
    return true;
  } catch {
    return false;
  }
}

/** Every element the selector finds under `root`, in document order; [] for an invalid selector. */
export function queryAllDeep(root: ParentNode, selector: string): Element[] {
  const pieces = parts(selector);
  let scopes: ParentNode[] = [root];
  let found: Element[] = [];
  try {
    for (const [index, piece] of pieces.entries()) {
      found = scopes.flatMap((scope) => Array.from(scope.querySelectorAll(piece)));
      if (index < pieces.length - 1) {
        scopes = found.flatMap((element) => (element.shadowRoot ? [element.shadowRoot] : []));
      }
    }
  } catch {
    return [];
  }
  return found;
}

/** Does `element` itself match the selector (including the hosts named before each ` >>> `)? */
export function matchesDeep(element: Element, selector: string): boolean {
  const pieces = parts(selector);
  try {
    let current: Element = element;
    for (let index = pieces.length - 1; index >= 0; index--) {
      const piece = pieces[index]!;
      if (index === pieces.length - 1) {
        if (!current.matches(piece)) return false;
        continue;
      }
      // The next piece names the host of the shadow root `current` lives in (or any host above it).
      let host = hostOf(current);
      while (host && !host.matches(piece)) host = hostOf(host);
      if (!host) return false;
      current = host;
    }
    return true;
  } catch {
    return false;
  }
}

/** The host of the shadow root `element` is in, or null in the document. */
export function hostOf(element: Element): Element | null {
  const root = element.getRootNode();
  return 'host' in root && root.host instanceof Element ? root.host : null;
}

/** The nearest ancestor-or-self of `element` (crossing shadow roots) matching the selector. */
export function closestDeep(element: Element, selector: string): Element | null {
  let current: Element | null = element;
  while (current) {
    if (matchesDeep(current, selector)) return current;
    current = current.parentElement ?? hostOf(current);
  }
  return null;
}

/** The focused element, looking inside open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** `inner` is `outer` or inside it, also across shadow roots. */
export function containsDeep(outer: Element, inner: Element): boolean {
  let current: Element | null = inner;
  while (current) {
    if (current === outer) return true;
    current = current.parentElement ?? hostOf(current);
  }
  return false;
}

/** An `<input>` or `<textarea>`: it keeps its own selection in `selectionStart`/`selectionEnd`. */
export function isTextInput(element: Element): element is HTMLInputElement | HTMLTextAreaElement {
  return element.tagName === 'INPUT' || element.tagName === 'TEXTAREA';
}

/** Focus the field unless it (or something inside it) already has the focus; never scroll the page. */
export function focusWithoutScroll(element: HTMLElement): void {
  const active = element.ownerDocument.activeElement;
  if (active !== element && !element.contains(active)) element.focus({ preventScroll: true });
}
