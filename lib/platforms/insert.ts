/**
 * Inserting into a platform editor through the browser's own editing path, so the app's state
 * takes it, then re-reading to verify (docs/platforms.md, "The insert path"):
 * - Lexical, one line: `execCommand('insertText')` (what typing does);
 * - Lexical, several lines: a synthetic `paste` (execCommand scrambles lines in Lexical);
 * - a plain contenteditable (YouTube Studio): `insertText` per line with `insertLineBreak`;
 * - tag inputs: lib/platforms/tags.ts.
 * Callers go through lib/platforms/fields.ts, which applies the field's rules first.
 */
import {
  DEFAULT_TIMEOUT_MS,
  type InsertMethod,
  type InsertOptions,
  type InsertResult,
  selectionSettled,
  waitForText,
} from './insert-result';
import { focusWithoutScroll } from './query';
import { readFieldText } from './read';
import { getSelectionOffsets, restoreSelection, type SavedSelection, selectRange } from './selection';
import { insertTags } from './tags';
import type { FieldKind } from './types';

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

/** Wait up to `timeoutMs` for the field to differ from `before`. */
async function changedFrom(
  element: HTMLElement,
  kind: FieldKind,
  before: string,
  timeoutMs: number,
): Promise<'changed' | 'unchanged' | 'gone'> {
  const now = await waitForText(
    element,
    () => readFieldText(element, kind),
    (t) => t !== before,
    timeoutMs,
  );
  if (now === null) return 'gone';
  return now === before ? 'unchanged' : 'changed';
}

/** Enter as the editor sees it: Lexical and Draft split the paragraph on its keydown. */
function pressEnter(element: HTMLElement): boolean {
  const KeyboardEventClass = element.ownerDocument.defaultView?.KeyboardEvent ?? KeyboardEvent;
  const init: KeyboardEventInit = {
    key: 'Enter',
    code: 'Enter',
    keyCode: 13,
    which: 13,
    bubbles: true,
    cancelable: true,
    composed: true,
  };
  // Cancelled means the editor handled it (a new paragraph); otherwise nothing listened.
  const handled = !element.dispatchEvent(new KeyboardEventClass('keydown', init));
  element.dispatchEvent(new KeyboardEventClass('keyup', init));
  return handled;
}

/**
 * Each line with execCommand('insertText'), a new paragraph between lines with Enter. The editor
 * applies each step after the current task and syncs its own selection from the DOM on
 * `selectionchange`, so before every step the caret is put where the text so far ends (offsets of
 * the read text, from the selection's start; a first step over a selection replaces it), and each
 * step waits until the field changed.
 */
async function insertLinesWithEnter(
  element: HTMLElement,
  kind: FieldKind,
  text: string,
  selection: { start: number; end: number },
): Promise<void> {
  const doc = element.ownerDocument;
  let caret = selection.start;
  // The first step replaces what the admin selected; after that, the caret is where we put it.
  let keepSelection = selection.end > selection.start;
  const step = async (act: () => boolean, length: number): Promise<boolean> => {
    if (!keepSelection) selectRange(element, caret, caret);
    keepSelection = false;
    await selectionSettled(doc, 50);
    const before = readFieldText(element, kind);
    if (!act()) return false;
    caret += length;
    await changedFrom(element, kind, before, STEP_TIMEOUT_MS);
    return element.isConnected;
  };
  for (const [index, line] of text.split('\n').entries()) {
    if (index > 0 && !(await step(() => pressEnter(element), 1))) return;
    if (line.length > 0 && !(await step(() => execCommand(doc, 'insertText', line), line.length))) return;
  }
}

/** How long one line-by-line step may take to show in the field. */
const STEP_TIMEOUT_MS = 300;

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
  } else if (kind === 'lexical' || kind === 'draft') {
    // One line: the browser's own insertText is what typing does. Lines: execCommand scrambles
    // them in Lexical, a paste keeps them (docs/platforms.md, "Why each method").
    method = 'exec-insert-text';
    let taken = !multiLine && execCommand(doc, 'insertText', text);
    // execCommand may report a refusal while the editor still took the text from the DOM change
    // and its input event: only an unchanged field means nothing happened.
    if (!taken && !multiLine) taken = (await changedFrom(element, kind, before, 0)) !== 'unchanged';
    if (!taken) {
      method = 'paste';
      const pasted = options.multiLine !== 'lines' && dispatchPaste(element, text);
      const outcome = pasted ? await changedFrom(element, kind, before, timeoutMs) : 'unchanged';
      if (outcome === 'gone') return { ok: false, reason: 'field-gone', method };
      // Nothing changed (Firefox delivers a synthetic paste empty): line by line through the
      // editor's own commands. The field is as it was, so this is not a second insert.
      if (outcome === 'unchanged' && multiLine) {
        method = 'lines';
        await insertLinesWithEnter(element, kind, text, offsets);
      }
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

/**
 * Insert `text` at the caret (or over the selection) through the browser's own editing path so the
 * app registers it, then re-read and verify. Never retries: on failure offer copy-to-clipboard.
 * - `lexical` / `draft`: one line → execCommand('insertText'); several lines → a synthetic paste,
 *   or, when the paste changed nothing (Firefox), line by line with Enter between lines.
 * - `contenteditable`: execCommand('insertText') per line with execCommand('insertLineBreak').
 * - `tag-input`: `text` is a comma/newline separated list; each new tag is committed with a comma.
 */
export async function insertText(
  element: HTMLElement,
  kind: FieldKind,
  text: string,
  options: InsertOptions = {},
): Promise<InsertResult> {
  if (!element.isConnected) return { ok: false, reason: 'field-gone' };
  if (kind === 'tag-input') return insertTags(element, text, options);
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
