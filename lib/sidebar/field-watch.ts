import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type FoundField, fieldForElement, isChatOrCommentBox } from '@/lib/platforms/find';
import { deepActiveElement } from '@/lib/platforms/query';
import type { FieldId, PlatformAdapter } from '@/lib/platforms/types';
import { watchComposer } from '@/lib/platforms/watch';
import type { PageFields } from './page-fields';

/** Fields a sidebar can act on: a text the admin edits (textarea or contenteditable). */
function isEditable(element: Element | null): element is HTMLElement {
  return element instanceof HTMLElement && (element.tagName === 'TEXTAREA' || element.isContentEditable);
}

export interface FieldWatchEvents {
  /** The field's text may have changed: check it (coalesced by the model). */
  changed(fieldId: FieldId): void;
  /** A field appeared or left the page. */
  fieldsChanged(fieldId: FieldId, present: boolean): void;
  /** The admin is in a composer field (or, no strategy matching, in some editable of the page). */
  focused(fieldId: FieldId | null): void;
}

/**
 * Everything that tells the sidebar the composer changed, bound to the content-script context:
 * the composer watch (fields mounting late), one MutationObserver per field (Lexical often
 * prevents the `input` event), input events, and the caret kept when the focus leaves a field.
 */
export function watchFields(options: {
  ctx: ContentScriptContext;
  adapter: PlatformAdapter;
  fields: PageFields;
  overrides: () => Parameters<typeof fieldForElement>[2];
  on: FieldWatchEvents;
}) {
  const { ctx, adapter, fields, overrides, on } = options;
  const observers = new Map<FieldId, MutationObserver>();

  const observe = (field: FoundField) => {
    observers.get(field.fieldId)?.disconnect();
    const target =
      field.kind === 'tag-input' && field.field.chips
        ? (field.element.closest(field.field.chips.container) ?? field.element)
        : field.element;
    const observer = new MutationObserver(() => on.changed(field.fieldId));
    observer.observe(target, { childList: true, subtree: true, characterData: true });
    observers.set(field.fieldId, observer);
  };
  ctx.onInvalidated(() => {
    for (const observer of observers.values()) observer.disconnect();
  });

  const watch = watchComposer({
    adapter,
    root: document,
    signal: ctx.signal,
    onField: (field) => {
      fields.found.set(field.fieldId, field);
      observe(field);
      on.changed(field.fieldId);
      on.fieldsChanged(field.fieldId, true);
    },
    onFieldGone: (fieldId) => {
      fields.forget(fieldId);
      observers.get(fieldId)?.disconnect();
      observers.delete(fieldId);
      on.fieldsChanged(fieldId, false);
    },
    onFocus: (field) => on.focused(field.fieldId),
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => watch.rescan());

  // Input events too: a plain contenteditable (YouTube) or an input may change without mutations.
  // Only the fields already found are matched (cheap on Facebook's huge DOM, on every keystroke);
  // a new field is the composer watch's job.
  ctx.addEventListener(
    document,
    'input',
    (event) => {
      const target = event.composedPath()[0];
      const field = target instanceof Node ? fields.holding(target) : undefined;
      if (field) on.changed(field.fieldId);
    },
    { capture: true },
  );

  // The sidebar takes the focus when clicked or tabbed into: keep the caret to insert at it.
  ctx.addEventListener(
    document,
    'focusout',
    (event) => {
      const target = event.composedPath()[0];
      const field = target instanceof Node ? fields.holding(target) : undefined;
      if (field) fields.rememberSelection(field);
    },
    { capture: true },
  );

  // No strategy found a field, but the admin is writing in an editable: open anyway, honestly —
  // unless it is a chat or comment box, which is never a post (docs/platforms.md).
  ctx.addEventListener(
    document,
    'focusin',
    () => {
      if (fields.found.size > 0) return;
      const active = deepActiveElement(document);
      if (
        isEditable(active) &&
        !isChatOrCommentBox(adapter, active) &&
        !fieldForElement(adapter, active, overrides())
      )
        on.focused(null);
    },
    { capture: true },
  );

  return {
    /** The library's selector overrides changed: look again. */
    setOverrides: watch.setOverrides,
  };
}
