import type { FieldDefinition, PlatformAdapter } from './types';

/** The adapter field whose strategies match `element` (or an ancestor of it), if any. */
export function findFieldForElement(adapter: PlatformAdapter, element: Element): FieldDefinition | undefined {
  return adapter.fields.find((field) =>
    field.strategies.some((strategy) => element.closest(strategy.selector) !== null),
  );
}
