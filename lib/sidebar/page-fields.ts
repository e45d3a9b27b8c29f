import { type InPageMessageKey as MessageKey, t } from '@/lib/i18n/in-page';
import {
  insertIntoField,
  readField,
  replaceInField,
  revealField,
  selectInField,
} from '@/lib/platforms/fields';
import { type FoundField, findField } from '@/lib/platforms/find';
import type { InsertFailure, InsertResult } from '@/lib/platforms/insert-result';
import type { SelectorOverrides } from '@/lib/platforms/overrides';
import { type SavedSelection, saveSelection } from '@/lib/platforms/selection';
import type { FieldId, PlatformAdapter } from '@/lib/platforms/types';
import type { InsertOutcome } from './model-types';

const FAILURE_REASONS = {
  'field-gone': 'sidebar.reason.field-gone',
  'not-taken': 'sidebar.reason.not-taken',
  garbled: 'sidebar.reason.garbled',
  unsupported: 'sidebar.reason.unsupported',
  stale: 'sidebar.reason.stale',
} as const satisfies Record<InsertFailure, MessageKey>;

function outcome(result: InsertResult): InsertOutcome {
  return result.ok ? { ok: true } : { ok: false, reason: t(FAILURE_REASONS[result.reason]) };
}

/**
 * The composer's fields as the sidebar acts on them, through the one insert path
 * (lib/platforms/fields.ts, which applies each field's rules; docs/platforms.md): the fields the composer watch found, the caret each had when the
 * sidebar took the focus, and reading / inserting / replacing / selecting by field id.
 */
export function createPageFields(adapter: PlatformAdapter, overrides: () => SelectorOverrides | null) {
  const found = new Map<FieldId, FoundField>();
  const saved = new Map<FieldId, SavedSelection>();
  const ids = adapter.fields.map((field) => field.id);
  const asFieldId = (id: string): FieldId | undefined => ids.find((candidate) => candidate === id);

  /** The field element now: the watched one if still on the page, else looked up again. */
  const live = (id: string): FoundField | null => {
    const fieldId = asFieldId(id);
    if (!fieldId) return null;
    const known = found.get(fieldId);
    if (known?.element.isConnected) return known;
    const again = findField(adapter, document, fieldId, overrides());
    if (again) found.set(fieldId, again);
    return again;
  };
  const gone: InsertOutcome = { ok: false, reason: t('sidebar.reason.field-gone') };

  return {
    found,
    asFieldId,
    live,
    /** The field that holds `target` (a node from an event), if it is one we found. */
    holding(target: Node): FoundField | undefined {
      for (const field of found.values())
        if (field.element === target || field.element.contains(target)) return field;
      return undefined;
    },
    /** Called when focus leaves a field: insert goes where the caret was, not at the end. */
    rememberSelection(field: FoundField): void {
      const selection = saveSelection(field.element);
      if (selection) saved.set(field.fieldId, selection);
    },
    forget(fieldId: FieldId): void {
      found.delete(fieldId);
      saved.delete(fieldId);
    },
    read(id: string): string | null {
      const field = live(id);
      return field ? readField(field) : null;
    },
    async insert(id: string, text: string): Promise<InsertOutcome> {
      const fieldId = asFieldId(id);
      // A field folded away (Studio's tags behind "Show more") is opened first.
      const field = live(id) ?? (fieldId ? await revealField(adapter, document, fieldId, overrides()) : null);
      if (!field) return gone;
      found.set(field.fieldId, field);
      const result = await insertIntoField(field, text, { selection: saved.get(field.fieldId) ?? null });
      saved.delete(field.fieldId);
      return outcome(result);
    },
    async replace(
      id: string,
      start: number,
      end: number,
      text: string,
      expected: string,
    ): Promise<InsertOutcome> {
      const field = live(id);
      if (!field) return gone;
      return outcome(await replaceInField(field, start, end, text, { expected }));
    },
    select(id: string, start: number, end: number): boolean {
      const field = live(id);
      return field ? selectInField(field, start, end) : false;
    },
    charBeforeCaret(id: string): string {
      const field = live(id);
      if (!field) return '';
      const text = readField(field);
      const caret = saved.get(field.fieldId)?.start ?? text.length;
      return text.slice(Math.max(0, caret - 1), caret);
    },
  };
}

export type PageFields = ReturnType<typeof createPageFields>;
