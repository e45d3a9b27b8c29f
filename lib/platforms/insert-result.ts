/**
 * What an insert reports, and the waiting that verifies it: the editor applies an insert after the
 * current task (Lexical), so the field is re-read until it holds the expected text or the time is
 * up (docs/platforms.md, "The insert path"). Never a second attempt: on failure the sidebar offers
 * copy-to-clipboard.
 */
import type { SavedSelection } from './selection';
import type { TagChipSelectors } from './types';

export type InsertMethod =
  | 'exec-insert-text'
  | 'exec-lines'
  | 'paste'
  | 'lines'
  | 'tag-comma'
  | 'tag-enter'
  | 'exec-delete';
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
  /**
   * Several lines into Lexical/Draft: `paste` (default) tries a synthetic paste first and goes line
   * by line only when it changed nothing; `lines` goes line by line at once (what Firefox needs).
   */
  multiLine?: 'paste' | 'lines';
}

export const DEFAULT_TIMEOUT_MS = 500;
const POLL_MS = 20;

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves when the browser reports a selection change (Lexical syncs its selection then), or soon. */
export function selectionSettled(doc: Document, maxMs: number): Promise<void> {
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
export async function waitForText(
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
