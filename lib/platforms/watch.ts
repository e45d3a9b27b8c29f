import { type FoundField, fieldForElement, findAllFields } from './find';
import type { SelectorOverrides } from './overrides';
import { type SavedSelection, saveSelection } from './selection';
import type { FieldId, PlatformAdapter } from './types';

export interface WatchComposerOptions {
  adapter: PlatformAdapter;
  /** Usually `document`; the observer watches its whole subtree. */
  root: Document | Element;
  /** Everything stops when it aborts (pass WXT's `ctx.signal`). */
  signal: AbortSignal;
  overrides?: SelectorOverrides | null;
  /** A field appeared, or was replaced by a new element (Facebook remounts its dialog). */
  onField?: (field: FoundField) => void;
  /** A field previously reported is no longer on the page. */
  onFieldGone?: (fieldId: FieldId) => void;
  /** A composer field got the focus (the sidebar opens the first time this happens). */
  onFocus?: (field: FoundField) => void;
  /** Coalescing delay for DOM mutations: Facebook mutates constantly, we scan at most this often. */
  throttleMs?: number;
}

export interface ComposerWatch {
  /** Scan now (e.g. on `wxt:locationchange`, or after the library's overrides changed). */
  rescan(): void;
  /** The fields currently on the page, by id. */
  current(): ReadonlyMap<FieldId, FoundField>;
  /** Replace the library overrides and rescan. */
  setOverrides(overrides: SelectorOverrides | null | undefined): void;
  /**
   * The field the admin was last in, with the selection it had when the focus left it (e.g. for
   * the sidebar's insert button): null when there was none or it has left the page.
   */
  lastFocused(): { field: FoundField; selection: SavedSelection | null } | null;
}

/**
 * Watch for composer fields that mount late (Facebook's dialog, Instagram's pushState steps,
 * YouTube Studio's upload dialog). A MutationObserver (coalesced) plus `focusin`; all of it ends
 * when `signal` aborts — no observer, listener or timer outlives it.
 */
export function watchComposer(options: WatchComposerOptions): ComposerWatch {
  const { adapter, root, signal, onField, onFieldGone, onFocus } = options;
  const throttleMs = options.throttleMs ?? 150;
  let overrides = options.overrides;
  const fields = new Map<FieldId, FoundField>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: { field: FoundField; selection: SavedSelection | null } | null = null;

  const scan = () => {
    timer = undefined;
    if (signal.aborted) return;
    const found = new Map(findAllFields(adapter, root, overrides).map((field) => [field.fieldId, field]));
    for (const [id, previous] of fields) {
      if (!found.has(id) || !previous.element.isConnected) {
        fields.delete(id);
        if (!found.has(id)) onFieldGone?.(id);
      }
    }
    for (const [id, field] of found) {
      if (fields.get(id)?.element !== field.element) {
        fields.set(id, field);
        onField?.(field);
      }
    }
  };
  const schedule = () => {
    if (timer === undefined && !signal.aborted) timer = setTimeout(scan, throttleMs);
  };

  const handle: ComposerWatch = {
    rescan: () => {
      if (timer !== undefined) clearTimeout(timer);
      scan();
    },
    current: () => fields,
    lastFocused: () => (last?.field.element.isConnected ? last : null),
    setOverrides: (next) => {
      overrides = next;
      handle.rescan();
    },
  };
  if (signal.aborted) return handle;

  const observer = new MutationObserver(schedule);
  // Attributes too, but only those that turn an element into (or out of) a field: Facebook toggles
  // aria-hidden when its dialog opens, Studio flips contenteditable when a field becomes editable.
  // (Mutations inside shadow roots are not seen: focusin still catches such a field.)
  observer.observe(root, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['contenteditable', 'role', 'aria-label', 'aria-hidden', 'hidden', 'disabled'],
  });
  const doc = 'documentElement' in root ? root : root.ownerDocument;
  doc.addEventListener(
    'focusin',
    (event) => {
      const target = event.composedPath()[0] ?? event.target;
      if (!(target instanceof Element)) return;
      const field = fieldForElement(adapter, target, overrides);
      if (!field) return;
      if (fields.get(field.fieldId)?.element !== field.element) {
        fields.set(field.fieldId, field);
        onField?.(field);
      }
      last = { field, selection: null };
      onFocus?.(field);
    },
    { capture: true, signal },
  );
  // When the admin clicks the sidebar the editor loses the focus but still holds the selection:
  // keep it, so an insert lands where the caret was.
  doc.addEventListener(
    'focusout',
    (event) => {
      const target = event.composedPath()[0] ?? event.target;
      if (last && target instanceof Node && last.field.element.contains(target)) {
        last = { field: last.field, selection: saveSelection(last.field.element) };
      }
    },
    { capture: true, signal },
  );
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
    { once: true },
  );
  scan();
  return handle;
}
