/**
 * Tag inputs (YouTube Studio's tag bar): reading the committed chips, splitting a list into tags,
 * and committing tags the way Studio commits them (docs/platforms.md, "Why each method").
 * The split is the one the limits count with (lib/guidelines/measure.ts `tagList`), so what the
 * sidebar counts and what it commits are the same tags.
 */
import { tagList } from '@/lib/guidelines/measure';
import { DEFAULT_TIMEOUT_MS, type InsertOptions, type InsertResult, waitForText } from './insert-result';
import { focusWithoutScroll, isTextInput } from './query';
import type { TagChipSelectors } from './types';

/** YouTube Studio's chips, used when the caller does not pass the adapter's `chips`. */
const DEFAULT_CHIPS: TagChipSelectors = {
  container: 'ytcp-form-input-container#tags-container, #tags-container',
  chip: 'ytcp-chip',
  text: '#chip-text',
};

/** How the tags field reads: committed tags then the uncommitted input, joined with ", ". */
export const TAG_SEPARATOR = ', ';

function queryOrNull<T>(run: () => T): T | null {
  // Chip selectors may come from the signed library: a bad one finds nothing, it never throws.
  try {
    return run();
  } catch {
    return null;
  }
}

/** The committed tags of a tag input (YouTube Studio: `ytcp-chip #chip-text`), in order. */
export function readCommittedTags(input: Element, chips?: TagChipSelectors): string[] {
  const selectors = chips ?? DEFAULT_CHIPS;
  const container = queryOrNull(() => input.closest(selectors.container));
  if (!container) return [];
  const chipElements = queryOrNull(() => Array.from(container.querySelectorAll(selectors.chip))) ?? [];
  return chipElements
    .map((chip) => {
      const text = selectors.text;
      const textElement = text
        ? queryOrNull(() => chip.querySelector(text) ?? chip.shadowRoot?.querySelector(text) ?? null)
        : null;
      return (textElement ?? chip).textContent?.replace(/\u00a0/g, ' ').trim() ?? '';
    })
    .filter((tag) => tag.length > 0);
}

/** The tags field as text: the committed chips, then the input's pending value, joined with ", ". */
export function readTagField(input: Element, chips?: TagChipSelectors): string {
  const pending = ((input as HTMLInputElement).value ?? '').trim();
  return [...readCommittedTags(input, chips), ...(pending ? [pending] : [])].join(TAG_SEPARATOR);
}

/** Tags to commit from a text: separated by commas or new lines, trimmed, without duplicates. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  return tagList(text.replace(/\u00a0/g, ' ')).filter((tag) => {
    const key = tagKey(tag);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Tags compare without case (Studio refuses "Kalbar" next to "kalbar"). */
function tagKey(tag: string): string {
  return tag.toLocaleLowerCase('id');
}

function hasTag(tags: string[], tag: string): boolean {
  return tags.some((t) => tagKey(t) === tagKey(tag));
}

function execInInput(input: HTMLInputElement, text: string): boolean {
  try {
    const doc = input.ownerDocument;
    return typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

/** Set the value with the native setter and an `input` event, so a framework tracking it sees it. */
function setInputValue(input: HTMLInputElement, value: string, data: string = value): void {
  const win = input.ownerDocument.defaultView;
  const setter = win && Object.getOwnPropertyDescriptor(win.HTMLInputElement.prototype, 'value')?.set;
  if (setter) setter.call(input, value);
  else input.value = value;
  const InputEventClass = win?.InputEvent ?? InputEvent;
  input.dispatchEvent(
    new InputEventClass('input', { bubbles: true, composed: true, inputType: 'insertText', data }),
  );
}

/** Replace the input's value with `text` as typing over a selection would (execCommand, else setter). */
function typeValue(input: HTMLInputElement, text: string): void {
  focusWithoutScroll(input);
  input.setSelectionRange(0, input.value.length);
  if (!execInInput(input, text) || input.value !== text) setInputValue(input, text);
}

/**
 * A key press as the app sees it: keydown (cancelable), then — when nothing cancelled it and the
 * key types a character — that character through the editing path, then keyup.
 */
function pressKey(input: HTMLInputElement, key: string, code: string, keyCode: number, types?: string): void {
  const KeyboardEventClass = input.ownerDocument.defaultView?.KeyboardEvent ?? KeyboardEvent;
  const init: KeyboardEventInit = {
    key,
    code,
    keyCode,
    which: keyCode,
    bubbles: true,
    cancelable: true,
    composed: true,
  };
  const proceed = input.dispatchEvent(new KeyboardEventClass('keydown', init));
  if (proceed && types !== undefined && input.isConnected) {
    const caret = input.value.length;
    input.setSelectionRange(caret, caret);
    const before = input.value;
    if (!execInInput(input, types) || input.value === before) setInputValue(input, before + types, types);
  }
  input.dispatchEvent(new KeyboardEventClass('keyup', init));
}

/**
 * Commit one tag: type it, then a comma, as Studio's own users do; if no chip appeared, take the
 * comma back and press Enter. Resolves with the key that committed it, or null when neither did.
 */
async function commitTag(
  input: HTMLInputElement,
  tag: string,
  committed: () => string[],
  timeoutMs: number,
): Promise<'comma' | 'enter' | null | 'gone'> {
  const appeared = () =>
    waitForText(
      input,
      () => committed().join('\n'),
      () => hasTag(committed(), tag),
      timeoutMs,
    );
  typeValue(input, tag);
  pressKey(input, ',', 'Comma', 188, ',');
  if ((await appeared()) === null) return 'gone';
  if (hasTag(committed(), tag)) return 'comma';
  if (input.value.trim() === `${tag},`) setInputValue(input, tag);
  pressKey(input, 'Enter', 'Enter', 13);
  if ((await appeared()) === null) return 'gone';
  return hasTag(committed(), tag) ? 'enter' : null;
}

/**
 * Commit tags one by one, skipping tags already there (case-insensitive). Stops at the first tag
 * the app does not take; what the admin had typed but not committed is put back afterwards.
 */
export async function insertTags(
  input: HTMLElement,
  raw: string,
  options: InsertOptions = {},
): Promise<InsertResult> {
  if (!input.isConnected) return { ok: false, reason: 'field-gone' };
  if (!isTextInput(input) || input.tagName !== 'INPUT') return { ok: false, reason: 'unsupported' };
  const field = input as HTMLInputElement;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const committed = () => readCommittedTags(field, options.chips);
  const existing = committed();
  const wanted = parseTags(raw);
  const skipped = wanted.filter((tag) => hasTag(existing, tag));
  const toAdd = wanted.filter((tag) => !hasTag(existing, tag));
  const pending = field.value;
  const added: string[] = [];
  let method: 'tag-comma' | 'tag-enter' = 'tag-comma';
  const read = () => readTagField(field, options.chips);
  for (const tag of toAdd) {
    if (!field.isConnected) return { ok: false, reason: 'field-gone', method, added, skipped };
    const how = await commitTag(field, tag, committed, timeoutMs);
    if (how === 'gone') return { ok: false, reason: 'field-gone', method, added, skipped };
    if (how === null) {
      // Leave the input as the admin had it rather than with our uncommitted tag in it.
      if (field.value.trim() === tag) setInputValue(field, pending);
      return { ok: false, reason: 'not-taken', method: 'tag-enter', added, skipped, text: read() };
    }
    if (how === 'enter') method = 'tag-enter';
    added.push(tag);
  }
  if (pending && field.value !== pending) setInputValue(field, pending);
  return { ok: true, method, text: read(), exact: true, added, skipped };
}
