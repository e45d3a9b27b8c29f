/**
 * The one way the extension reads, inserts into and fixes a composer field: every call takes a
 * found field (lib/platforms/find.ts), so the field's kind, its tag chips and its rules always
 * come with it (docs/platforms.md, "The insert path"). The sidebar (lib/sidebar/page-fields.ts)
 * and the tests use these; the element-level functions underneath are not called directly.
 *
 * Field rules, applied before anything reaches the editor:
 * - a single-line field (YouTube title) never gets a line break: lines are joined with spaces,
 *   as a paste into it would;
 * - a tag field gets a list of tags (commas or lines), committed one by one.
 */
import { type FoundField, findField } from './find';
import { insertText, type ReplaceOptions, replaceRange } from './insert';
import type { InsertOptions, InsertResult } from './insert-result';
import type { SelectorOverrides } from './overrides';
import { queryAllDeep } from './query';
import { readFieldText } from './read';
import { selectRange } from './selection';
import type { FieldDefinition, FieldId, PlatformAdapter } from './types';

/** The found field's text as the platform would post it (docs/platforms.md, "Text and offsets"). */
export function readField(found: FoundField): string {
  return readFieldText(found.element, found.kind, found.field.chips);
}

/** The text as the field may hold it: one line for a single-line field, untouched otherwise. */
export function fitToField(field: Pick<FieldDefinition, 'singleLine'>, text: string): string {
  return field.singleLine ? text.replace(/[ \t]*\r?\n\s*/g, ' ') : text;
}

/** Insert at the caret (or the saved selection), verified by re-reading; never twice. */
export function insertIntoField(
  found: FoundField,
  text: string,
  options: Omit<InsertOptions, 'chips'> = {},
): Promise<InsertResult> {
  return insertText(found.element, found.kind, fitToField(found.field, text), {
    ...options,
    chips: found.field.chips,
  });
}

/** A finding's one-click fix: replace [start, end) when it still reads `expected`. */
export function replaceInField(
  found: FoundField,
  start: number,
  end: number,
  replacement: string,
  options: Omit<ReplaceOptions, 'chips'> = {},
): Promise<InsertResult> {
  return replaceRange(found.element, found.kind, start, end, fitToField(found.field, replacement), {
    ...options,
    chips: found.field.chips,
  });
}

/** Focus the field and select [start, end) of its read text (a finding's excerpt). */
export function selectInField(found: FoundField, start: number, end: number): boolean {
  return selectRange(found.element, start, end);
}

/**
 * A field folded away (Studio's tags behind "Show more"): click the adapter's reveal control and
 * wait for the field to mount. Null when the field has no reveal control or did not appear.
 */
export async function revealField(
  adapter: PlatformAdapter,
  doc: Document,
  fieldId: FieldId,
  overrides: SelectorOverrides | null,
  timeoutMs = 3000,
): Promise<FoundField | null> {
  const definition = adapter.fields.find((field) => field.id === fieldId);
  const control = (definition?.reveal ?? [])
    .flatMap((strategy) => queryAllDeep(doc, strategy.selector))
    .find((element): element is HTMLElement => element instanceof HTMLElement && element.isConnected);
  if (!control) return null;
  control.click();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = findField(adapter, doc, fieldId, overrides);
    if (found || Date.now() >= deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
