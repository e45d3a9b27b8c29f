/**
 * The selection in a platform editor as UTF-16 offsets of its read text (lib/platforms/read.ts),
 * kept as offsets rather than DOM ranges because Lexical re-renders its text nodes
 * (docs/platforms.md, "Text and offsets"). DOM only.
 */
import { focusWithoutScroll, isTextInput } from './query';
import { ELEMENT_NODE, layoutOf, readFieldText, toDomPoint } from './read';

export function selectionFor(element: Element): Selection | null {
  // Chromium exposes the selection inside a shadow root only on the root itself.
  const root = element.getRootNode() as Document | (ShadowRoot & { getSelection?: () => Selection | null });
  if (root !== element.ownerDocument && typeof root.getSelection === 'function') return root.getSelection();
  return element.ownerDocument.getSelection();
}

/** The selection inside `element` as offsets of its read text, or null when it is elsewhere. */
export function getSelectionOffsets(element: Element): { start: number; end: number } | null {
  if (isTextInput(element)) {
    // An input keeps its own selection while unfocused (and during focusout, when we save it).
    if (element.selectionStart === null) return null;
    return { start: element.selectionStart, end: element.selectionEnd ?? element.selectionStart };
  }
  const selection = selectionFor(element);
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!element.contains(range.startContainer) || !element.contains(range.endContainer)) return null;
  const layout = layoutOf(element, [
    { node: range.startContainer, offset: range.startOffset },
    { node: range.endContainer, offset: range.endOffset },
  ]);
  const [start, end] = layout.stopOffsets as [number, number];
  if (start < 0 || end < 0) return null;
  return { start: Math.min(start, end), end: Math.max(start, end) };
}

/**
 * A selection kept as text offsets, not DOM nodes: Lexical re-renders its text nodes, so a saved
 * Range would go stale; offsets of the read text survive. For inputs the offsets are in `value`.
 */
export interface SavedSelection {
  element: HTMLElement;
  start: number;
  end: number;
}

/** Call before the sidebar takes focus (e.g. on pointerdown in it); null when not in `element`. */
export function saveSelection(element: HTMLElement): SavedSelection | null {
  const offsets = getSelectionOffsets(element);
  return offsets ? { element, ...offsets } : null;
}

/** Focus the field and put the selection back; false when the field has left the page. */
export function restoreSelection(saved: SavedSelection): boolean {
  if (!saved.element.isConnected) return false;
  if (isTextInput(saved.element)) {
    focusWithoutScroll(saved.element);
    const length = saved.element.value.length;
    saved.element.setSelectionRange(Math.min(saved.start, length), Math.min(saved.end, length));
    return true;
  }
  return selectRange(saved.element, saved.start, saved.end);
}

/**
 * Focus `element` and select [start, end) of its read text (offsets as `readFieldText` returns
 * them, i.e. as findings report them). For a tag input only offsets in the pending value can be
 * selected (the chips come first in the read text); otherwise the input just gets the focus.
 */
export function selectRange(element: HTMLElement, start: number, end: number): boolean {
  if (!element.isConnected) return false;
  if (isTextInput(element)) {
    focusWithoutScroll(element);
    const text = readFieldText(element, 'tag-input');
    const valueStart = text.length - element.value.trim().length;
    if (start >= valueStart) {
      const lead = element.value.length - element.value.trimStart().length;
      element.setSelectionRange(start - valueStart + lead, end - valueStart + lead);
    }
    return true;
  }
  const layout = layoutOf(element);
  const from = Math.max(0, Math.min(start, layout.text.length));
  const to = Math.max(from, Math.min(end, layout.text.length));
  const a = toDomPoint(element, layout, from, from === to ? 'end' : 'start');
  const b = from === to ? a : toDomPoint(element, layout, to, 'end');
  focusWithoutScroll(element);
  const selection = selectionFor(element);
  if (!selection) return false;
  const range = element.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  selection.removeAllRanges();
  selection.addRange(range);
  const scrollTarget = a.node.nodeType === ELEMENT_NODE ? (a.node as Element) : a.node.parentElement;
  if (typeof scrollTarget?.scrollIntoView === 'function') scrollTarget.scrollIntoView({ block: 'nearest' });
  return true;
}
