import {
  type InsertOptions,
  type InsertResult,
  insertText,
  type ReplaceOptions,
  readFieldText,
  replaceRange,
} from './editable';
import { type FoundField, fieldForElement, type SelectorOverrides } from './find';
import type { FieldDefinition, PlatformAdapter } from './types';

/**
 * The adapter field that `element` is (or is inside), if any. Kept for the content script's
 * first sketch; `fieldForElement` in ./find also says which element and strategy matched.
 */
export function findFieldForElement(
  adapter: PlatformAdapter,
  element: Element,
  overrides?: SelectorOverrides | null,
): FieldDefinition | undefined {
  const found = fieldForElement(adapter, element, overrides);
  return found ? adapter.fields.find((field) => field.id === found.fieldId) : undefined;
}

// Shorthands taking a found field, so callers cannot forget the field's kind or its tag chips.

/** The found field's text as the platform would post it (see readFieldText). */
export function readField(found: FoundField): string {
  return readFieldText(found.element, found.kind, found.field.chips);
}

/** A one-line field (YouTube title) gets the lines joined by spaces, as a paste there would. */
export function fitToField(found: Pick<FoundField, 'field'>, text: string): string {
  return found.field.singleLine ? text.replace(/[ \t]*\r?\n\s*/g, ' ') : text;
}

/** insertText into the found field (tags: committed one by one; one-line fields: one line). */
export function insertIntoField(
  found: FoundField,
  text: string,
  options: InsertOptions = {},
): Promise<InsertResult> {
  return insertText(found.element, found.kind, fitToField(found, text), {
    chips: found.field.chips,
    ...options,
  });
}

/** replaceRange in the found field (a finding's one-click fix). */
export function replaceInField(
  found: FoundField,
  start: number,
  end: number,
  replacement: string,
  options: ReplaceOptions = {},
): Promise<InsertResult> {
  return replaceRange(found.element, found.kind, start, end, fitToField(found, replacement), {
    chips: found.field.chips,
    ...options,
  });
}
