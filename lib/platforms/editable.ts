/**
 * Reading, selecting and inserting text in the platforms' own editors, the way a user would
 * (shared/reference/composers.md). DOM only, no browser.* APIs, so it unit-tests in happy-dom.
 *
 * The platform editor is the source of truth: we read it, insert through the browser's editing
 * path, re-read to verify, and never insert twice.
 */
import type { FieldKind, TagChipSelectors } from './types';

// ---------------------------------------------------------------------------------------------
// Reading: a textContent-based walk (happy-dom has no layout, and innerText follows layout).

const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'TABLE',
  'TR',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

interface Segment {
  node: Node;
  start: number;
  end: number;
  /** An <img alt> (emoji rendered as an image): selectable only before or after. */
  atomic: boolean;
}

/** Where a line starts in the DOM, for offsets on empty lines. */
interface Anchor {
  offset: number;
  container: Node;
  index: number;
}

interface DomPoint {
  node: Node;
  offset: number;
}

interface TextLayout {
  text: string;
  segments: Segment[];
  anchors: Anchor[];
  /** Text offsets of the requested DOM points (-1 when a point was not inside the walk). */
  stopOffsets: number[];
}

function isBlock(node: Node | null): boolean {
  return node !== null && node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((node as Element).tagName);
}

/** Indentation between block elements in saved/pretty-printed HTML: not part of the text. */
function isFormattingWhitespace(node: Node): boolean {
  const data = node.nodeValue ?? '';
  if (!data.includes('\n') || !/^[ \t\r\n]*$/.test(data)) return false;
  const { previousSibling: before, nextSibling: after } = node;
  // Alone in its parent it is content (a pre-wrap field holding only blank lines), not indentation.
  return (
    (before !== null || after !== null) &&
    (before === null || isBlock(before)) &&
    (after === null || isBlock(after))
  );
}

function indexInParent(node: Node): number {
  return Array.prototype.indexOf.call(node.parentNode?.childNodes ?? [], node);
}

/**
 * The text as the platform posts it. A line model: blocks (Lexical paragraphs) start and end a
 * line, `<br>` ends one, a block's trailing `<br>` is the browser's placeholder (Lexical renders
 * an empty paragraph as `<p><br></p>` and a paragraph ending in a line break as `…<br><br>`), so:
 * `<p>a</p><p><br></p><p>b</p>` → "a\n\nb". `\u00a0` becomes a space (same length, offsets hold).
 */
function layoutOf(root: Element, stops: DomPoint[] = []): TextLayout {
  const lines: string[] = [];
  const segments: Segment[] = [];
  const anchors: Anchor[] = [];
  const stopOffsets = stops.map(() => -1);
  let current = '';
  let started = false;
  let base = 0;
  const position = () => base + current.length;
  const commit = () => {
    lines.push(current);
    base += current.length + 1;
    current = '';
    started = false;
  };
  const recordStops = (node: Node, offset: number, value: number) => {
    for (const [i, stop] of stops.entries()) {
      if (stopOffsets[i] === -1 && stop.node === node && stop.offset === offset) stopOffsets[i] = value;
    }
  };
  const visit = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      if (isFormattingWhitespace(node)) {
        for (const [i, stop] of stops.entries()) if (stop.node === node) stopOffsets[i] = position();
        return;
      }
      const text = (node.nodeValue ?? '').replace(/\u00a0/g, ' ');
      for (const [i, stop] of stops.entries()) {
        if (stop.node === node) stopOffsets[i] = position() + Math.min(stop.offset, text.length);
      }
      if (text.length > 0) {
        segments.push({ node, start: position(), end: position() + text.length, atomic: false });
        current += text;
        started = true;
      }
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    if (SKIP_TAGS.has(element.tagName)) return;
    if (element.tagName === 'BR') {
      commit();
      if (element.parentNode)
        anchors.push({ offset: base, container: element.parentNode, index: indexInParent(element) + 1 });
      return;
    }
    if (element.tagName === 'IMG') {
      const alt = element.getAttribute('alt') ?? '';
      if (alt.length > 0) {
        segments.push({ node, start: position(), end: position() + alt.length, atomic: true });
        current += alt;
        started = true;
      }
      return;
    }
    const block = element !== root && BLOCK_TAGS.has(element.tagName);
    if (block) {
      if (started) commit();
      anchors.push({ offset: position(), container: element, index: 0 });
    }
    const children = element.childNodes;
    for (let i = 0; i < children.length; i++) {
      recordStops(element, i, position());
      visit(children[i]!);
    }
    recordStops(element, children.length, position());
    if (block && started) commit();
  };
  visit(root);
  if (started) lines.push(current);
  const text = lines.join('\n');
  return {
    text,
    segments,
    anchors,
    stopOffsets: stopOffsets.map((offset) => (offset === -1 ? -1 : Math.min(offset, text.length))),
  };
}

function toDomPoint(root: Element, layout: TextLayout, offset: number, bias: 'start' | 'end'): DomPoint {
  const within = layout.segments.filter((s) => s.start <= offset && offset <= s.end);
  const preferred =
    bias === 'start'
      ? (within.find((s) => offset < s.end) ?? within[0])
      : (within.find((s) => offset > s.start) ?? within[0]);
  if (preferred) {
    if (!preferred.atomic) return { node: preferred.node, offset: offset - preferred.start };
    const parent = preferred.node.parentNode!;
    const index = indexInParent(preferred.node);
    return { node: parent, offset: offset <= preferred.start ? index : index + 1 };
  }
  const anchor = layout.anchors.filter((a) => a.offset === offset).pop();
  if (anchor) return { node: anchor.container, offset: anchor.index };
  return offset <= 0 ? { node: root, offset: 0 } : { node: root, offset: root.childNodes.length };
}

/** The committed tags of a tag input (YouTube Studio: `ytcp-chip #chip-text`), in order. */
export function readCommittedTags(input: Element, chips?: TagChipSelectors): string[] {
  const selectors = chips ?? DEFAULT_CHIPS;
  let container: Element | null = null;
  try {
    container = input.closest(selectors.container);
  } catch {
    return [];
  }
  if (!container) return [];
  let chipElements: Element[] = [];
  try {
    chipElements = Array.from(container.querySelectorAll(selectors.chip));
  } catch {
    return [];
  }
  return chipElements
    .map((chip) => {
      let textElement: Element | null = null;
      if (selectors.text) {
        try {
          textElement =
            chip.querySelector(selectors.text) ?? chip.shadowRoot?.querySelector(selectors.text) ?? null;
        } catch {
          textElement = null;
        }
      }
      return (textElement ?? chip).textContent?.replace(/\u00a0/g, ' ').trim() ?? '';
    })
    .filter((tag) => tag.length > 0);
}

/** YouTube Studio's chips, used when the caller does not pass the adapter's `chips`. */
const DEFAULT_CHIPS: TagChipSelectors = {
  container: 'ytcp-form-input-container#tags-container, #tags-container',
  chip: 'ytcp-chip',
  text: '#chip-text',
};

/** How the tags field reads: committed tags then the uncommitted input, joined with ", ". */
export const TAG_SEPARATOR = ', ';

/**
 * The field's text as the platform would post it.
 * - `lexical` / `contenteditable`: paragraphs and `<br>` as "\n", `\u00a0` as a space, emoji kept
 *   (an `<img alt>` emoji counts as its alt text).
 * - `tag-input`: the committed chips and the input's pending value, joined with ", ".
 */
export function readFieldText(element: Element, kind: FieldKind, chips?: TagChipSelectors): string {
  if (kind === 'tag-input') {
    const pending = ((element as HTMLInputElement).value ?? '').trim();
    return [...readCommittedTags(element, chips), ...(pending ? [pending] : [])].join(TAG_SEPARATOR);
  }
  return layoutOf(element).text;
}

// ---------------------------------------------------------------------------------------------
// Selection (UTF-16 offsets of the read text).

function selectionFor(element: Element): Selection | null {
  // Chromium exposes the selection inside a shadow root only on the root itself.
  const root = element.getRootNode() as Document | (ShadowRoot & { getSelection?: () => Selection | null });
  if (root !== element.ownerDocument && typeof root.getSelection === 'function') return root.getSelection();
  return element.ownerDocument.getSelection();
}

function isInput(element: Element): element is HTMLInputElement {
  return element.tagName === 'INPUT' || element.tagName === 'TEXTAREA';
}

/** The selection inside `element` as offsets of its read text, or null when it is elsewhere. */
export function getSelectionOffsets(element: Element): { start: number; end: number } | null {
  if (isInput(element)) {
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

function focusWithoutScroll(element: HTMLElement): void {
  const active = element.ownerDocument.activeElement;
  if (active !== element && !element.contains(active)) element.focus({ preventScroll: true });
}

/** Focus the field and put the selection back; false when the field has left the page. */
export function restoreSelection(saved: SavedSelection): boolean {
  if (!saved.element.isConnected) return false;
  if (isInput(saved.element)) {
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
  if (isInput(element)) {
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

// ---------------------------------------------------------------------------------------------
// Inserting through the browser's editing path, then verifying.

export type InsertMethod = 'exec-insert-text' | 'exec-lines' | 'paste' | 'tag-enter' | 'exec-delete';
export type InsertFailure =
  /** The field left the page before or during the insert. */
  | 'field-gone'
  /** The editor did not change: nothing was inserted (safe to offer copy-to-clipboard). */
  | 'not-taken'
  /** The editor changed but not into the expected text (e.g. lines scrambled): tell the admin. */
  | 'garbled'
  /** The range asked for cannot be edited this way (e.g. a committed YouTube tag chip). */
  | 'unsupported'
  /** replaceRange: the text at the range is no longer what the finding saw (the admin typed). */
  | 'stale';

export type InsertResult =
  | {
      ok: true;
      method: InsertMethod;
      /** The field's text after the insert. */
      text: string;
      /** False when the text changed and contains the insert, but not exactly as predicted. */
      exact: boolean;
      /** Tag inputs: tags committed now, and tags skipped because they were already there. */
      added?: string[];
      skipped?: string[];
    }
  | {
      ok: false;
      reason: InsertFailure;
      method?: InsertMethod;
      text?: string;
      /** Tag inputs: the tags committed before the one that was not taken. */
      added?: string[];
      skipped?: string[];
    };

export interface InsertOptions {
  /** Put this selection back first (the sidebar took the focus); else the current one, else the end. */
  selection?: SavedSelection | null;
  /** How long to wait for the editor to apply the insert (Lexical applies it after the task). */
  timeoutMs?: number;
  /** Tag inputs: where committed tags are (the adapter field's `chips`). */
  chips?: TagChipSelectors;
}

const DEFAULT_TIMEOUT_MS = 500;
const POLL_MS = 20;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves when the browser reports a selection change (Lexical syncs its selection then), or soon. */
function selectionSettled(doc: Document, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      doc.removeEventListener('selectionchange', done);
      // One more task so the editor's own selectionchange handler has run too.
      setTimeout(resolve, 0);
    };
    const timer = setTimeout(done, maxMs);
    doc.addEventListener('selectionchange', done);
  });
}

/** Poll `read` after the current task until `accept` holds or the time is up; returns the last read. */
async function waitForText(
  element: Element,
  read: () => string,
  accept: (text: string) => boolean,
  timeoutMs: number,
): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  await delay(0);
  for (;;) {
    if (!element.isConnected) return null;
    const text = read();
    if (accept(text) || Date.now() >= deadline) return text;
    await delay(POLL_MS);
  }
}

function execCommand(doc: Document, command: string, value?: string): boolean {
  try {
    return typeof doc.execCommand === 'function' && doc.execCommand(command, false, value);
  } catch {
    return false;
  }
}

/**
 * A synthetic paste, which Lexical handles itself (multi-line text keeps its paragraphs).
 * Firefox ignores `clipboardData` in the constructor: set the data after construction and check
 * it is readable before dispatching. Returns false when no paste event with the text could be made.
 */
function dispatchPaste(element: Element, text: string): boolean {
  const win = element.ownerDocument.defaultView;
  if (!win || typeof win.DataTransfer !== 'function' || typeof win.ClipboardEvent !== 'function')
    return false;
  let event: ClipboardEvent;
  try {
    const data = new win.DataTransfer();
    data.setData('text/plain', text);
    event = new win.ClipboardEvent('paste', {
      clipboardData: data,
      bubbles: true,
      cancelable: true,
      composed: true,
    });
    if (event.clipboardData && event.clipboardData.getData('text/plain') !== text) {
      event.clipboardData.setData('text/plain', text);
    }
  } catch {
    return false;
  }
  if (event.clipboardData?.getData('text/plain') !== text) return false;
  element.dispatchEvent(event);
  return true;
}

/** Make sure the selection is in the editor: the saved one, else the current one, else the end. */
async function placeCaret(element: HTMLElement, saved: SavedSelection | null | undefined): Promise<void> {
  const doc = element.ownerDocument;
  if (saved && saved.element === element) {
    restoreSelection(saved);
  } else if (getSelectionOffsets(element) === null) {
    const end = readFieldText(element, 'contenteditable').length;
    selectRange(element, end, end);
  } else {
    focusWithoutScroll(element);
    return;
  }
  await selectionSettled(doc, 50);
}

function normaliseForInsert(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function normaliseForCompare(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

async function insertIntoEditor(
  element: HTMLElement,
  kind: FieldKind,
  raw: string,
  options: InsertOptions,
): Promise<InsertResult> {
  const doc = element.ownerDocument;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  await placeCaret(element, options.selection);
  if (!element.isConnected) return { ok: false, reason: 'field-gone' };
  const text = normaliseForInsert(raw);
  const before = readFieldText(element, kind);
  const offsets = getSelectionOffsets(element) ?? { start: before.length, end: before.length };
  const expected = before.slice(0, offsets.start) + normaliseForCompare(text) + before.slice(offsets.end);

  let method: InsertMethod;
  const multiLine = text.includes('\n');
  if (text.length === 0) {
    method = 'exec-delete';
    if (offsets.start === offsets.end) return { ok: true, method, text: before, exact: true };
    execCommand(doc, 'delete');
  } else if (kind === 'lexical') {
    // One line: the browser's own insertText is what typing does. Lines: execCommand scrambles
    // them in Lexical, a paste keeps them. If execCommand refused, nothing happened: paste is safe.
    method = 'exec-insert-text';
    if (multiLine || !execCommand(doc, 'insertText', text)) {
      method = 'paste';
      if (!dispatchPaste(element, text)) return { ok: false, reason: 'not-taken', method, text: before };
    }
  } else {
    // A plain contenteditable (YouTube Studio) ignores a synthetic paste; the browser's insertText
    // and insertLineBreak each fire the `input` event the app's model listens to.
    method = multiLine ? 'exec-lines' : 'exec-insert-text';
    const lines = text.split('\n');
    for (const [index, line] of lines.entries()) {
      // A refused command inserts nothing, so the paragraph command is a safe second choice
      // (browsers without insertLineBreak); the reader treats <br> and blocks alike.
      if (index > 0 && !execCommand(doc, 'insertLineBreak') && !execCommand(doc, 'insertParagraph')) break;
      if (line.length > 0 && !execCommand(doc, 'insertText', line)) break;
    }
  }

  const after = await waitForText(
    element,
    () => readFieldText(element, kind),
    (t) => t === expected,
    timeoutMs,
  );
  if (after === null) return { ok: false, reason: 'field-gone', method };
  if (after === expected) return { ok: true, method, text: after, exact: true };
  if (after === before) return { ok: false, reason: 'not-taken', method, text: after };
  const inserted = normaliseForCompare(text);
  if (inserted.length > 0 && after.includes(inserted)) return { ok: true, method, text: after, exact: false };
  return { ok: false, reason: 'garbled', method, text: after };
}

/** Tags to commit from a text: separated by commas or new lines, trimmed, without duplicates. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const tag of text.split(/[,\n]/)) {
    const trimmed = tag.replace(/\u00a0/g, ' ').trim();
    const key = trimmed.toLocaleLowerCase('id');
    if (trimmed && !seen.has(key)) {
      seen.add(key);
      tags.push(trimmed);
    }
  }
  return tags;
}

function setInputValue(input: HTMLInputElement, value: string): void {
  // The native setter, so frameworks that track the value property see a real change.
  const win = input.ownerDocument.defaultView;
  const setter = win && Object.getOwnPropertyDescriptor(win.HTMLInputElement.prototype, 'value')?.set;
  if (setter) setter.call(input, value);
  else input.value = value;
  const InputEventClass = win?.InputEvent ?? InputEvent;
  input.dispatchEvent(
    new InputEventClass('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }),
  );
}

function pressEnter(input: HTMLInputElement): void {
  const KeyboardEventClass = input.ownerDocument.defaultView?.KeyboardEvent ?? KeyboardEvent;
  const init: KeyboardEventInit = {
    key: 'Enter',
    code: 'Enter',
    keyCode: 13,
    which: 13,
    bubbles: true,
    cancelable: true,
    composed: true,
  };
  input.dispatchEvent(new KeyboardEventClass('keydown', init));
  input.dispatchEvent(new KeyboardEventClass('keyup', init));
}

/**
 * Commit tags one by one as the app expects (value + `input`, then Enter), skipping tags already
 * there (case-insensitive). Stops at the first tag the app does not take; what the admin had typed
 * but not committed is put back afterwards.
 */
async function insertTags(
  input: HTMLInputElement,
  raw: string,
  options: InsertOptions,
): Promise<InsertResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const method: InsertMethod = 'tag-enter';
  const committed = () => readCommittedTags(input, options.chips);
  const has = (tags: string[], tag: string) =>
    tags.some((t) => t.toLocaleLowerCase('id') === tag.toLocaleLowerCase('id'));
  const existing = committed();
  const wanted = parseTags(raw);
  const skipped = wanted.filter((tag) => has(existing, tag));
  const toAdd = wanted.filter((tag) => !has(existing, tag));
  const pending = input.value;
  const added: string[] = [];
  focusWithoutScroll(input);
  for (const tag of toAdd) {
    if (!input.isConnected) return { ok: false, reason: 'field-gone', method, added, skipped };
    setInputValue(input, tag);
    pressEnter(input);
    const after = await waitForText(
      input,
      () => committed().join('\n'),
      () => has(committed(), tag),
      timeoutMs,
    );
    if (after === null) return { ok: false, reason: 'field-gone', method, added, skipped };
    if (!has(committed(), tag)) {
      // Leave the input as the admin had it rather than with our uncommitted tag in it.
      if (input.value === tag) setInputValue(input, pending);
      return {
        ok: false,
        reason: 'not-taken',
        method,
        added,
        skipped,
        text: readFieldText(input, 'tag-input', options.chips),
      };
    }
    added.push(tag);
  }
  if (pending && input.value !== pending) setInputValue(input, pending);
  return {
    ok: true,
    method,
    text: readFieldText(input, 'tag-input', options.chips),
    exact: true,
    added,
    skipped,
  };
}

/**
 * Insert `text` at the caret (or over the selection) through the browser's own editing path so the
 * app registers it, then re-read and verify. Never retries: on failure offer copy-to-clipboard.
 * - `lexical`: one line → execCommand('insertText'); several lines → a synthetic paste.
 * - `contenteditable`: execCommand('insertText') per line with execCommand('insertLineBreak').
 * - `tag-input`: `text` is a comma/newline separated list; each new tag is committed with Enter.
 */
export async function insertText(
  element: HTMLElement,
  kind: FieldKind,
  text: string,
  options: InsertOptions = {},
): Promise<InsertResult> {
  if (!element.isConnected) return { ok: false, reason: 'field-gone' };
  if (kind === 'tag-input') {
    if (!isInput(element)) return { ok: false, reason: 'unsupported' };
    return insertTags(element as HTMLInputElement, text, options);
  }
  return insertIntoEditor(element, kind, text, options);
}

export interface ReplaceOptions extends Omit<InsertOptions, 'selection'> {
  /** The text the finding saw at [start, end): when the field now differs there, nothing is changed. */
  expected?: string;
}

/**
 * One-click fix: replace [start, end) of the read text with `replacement` (select, then insert
 * over the selection, verified like insertText). With `expected`, a range whose text changed since
 * the check is refused as `stale` instead of corrupting the post. Tag chips: `unsupported`.
 */
export async function replaceRange(
  element: HTMLElement,
  kind: FieldKind,
  start: number,
  end: number,
  replacement: string,
  options: ReplaceOptions = {},
): Promise<InsertResult> {
  if (!element.isConnected) return { ok: false, reason: 'field-gone' };
  if (kind === 'tag-input') return { ok: false, reason: 'unsupported' };
  const current = readFieldText(element, kind);
  if (options.expected !== undefined && current.slice(start, end) !== options.expected) {
    return { ok: false, reason: 'stale', text: current };
  }
  if (!selectRange(element, start, end)) return { ok: false, reason: 'field-gone' };
  await selectionSettled(element.ownerDocument, 50);
  return insertIntoEditor(element, kind, replacement, options);
}
