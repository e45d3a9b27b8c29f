import { isExcluded } from './exclusions';
import type { SelectorOverrides } from './overrides';
import { closestDeep, containsDeep, deepActiveElement, hostOf, isValidSelector, queryAllDeep } from './query';
import {
  type Exclusions,
  type FieldDefinition,
  type FieldId,
  type FieldKind,
  isReplyField,
  type PlatformAdapter,
  type SelectorStrategy,
} from './types';

export interface ResolvedStrategy extends SelectorStrategy {
  source: 'library' | 'built-in';
  /** Position in the resolved list (0 = tried first). */
  index: number;
}

export interface ResolvedField extends Omit<FieldDefinition, 'strategies'> {
  strategies: ResolvedStrategy[];
}

/** A field found on the page, and how. */
export interface FoundField {
  fieldId: FieldId;
  kind: FieldKind;
  element: HTMLElement;
  strategy: ResolvedStrategy;
  field: ResolvedField;
}

/**
 * The adapter's fields with the library's strategies first, then the built-in ones. Selectors that
 * do not parse are dropped (a bad library entry must never break the page); overrides for fields
 * the adapter does not have are ignored (the adapter decides what kind of field it is).
 */
export function resolveStrategies(
  adapter: PlatformAdapter,
  overrides?: SelectorOverrides | null,
): ResolvedField[] {
  // The watcher resolves on every scan: cache per adapter and overrides object (treat both as
  // immutable; pass a new overrides object when the library changes).
  let perAdapter = resolvedCache.get(adapter);
  if (!perAdapter) {
    perAdapter = { byOverrides: new WeakMap() };
    resolvedCache.set(adapter, perAdapter);
  }
  const key = overrides && typeof overrides === 'object' ? overrides : null;
  const cached = key ? perAdapter.byOverrides.get(key) : perAdapter.none;
  if (cached) return cached;
  const resolved = adapter.fields.map((field) => {
    const fromLibrary = libraryStrategies(overrides, field.id).map((s) => ({
      ...s,
      source: 'library' as const,
    }));
    const builtIn = field.strategies.map((s) => ({ ...s, source: 'built-in' as const }));
    const strategies = [...fromLibrary, ...builtIn]
      .filter((s) => isValidSelector(s.selector))
      .map((s, index) => ({ ...s, index }));
    return { ...field, strategies };
  });
  if (key) perAdapter.byOverrides.set(key, resolved);
  else perAdapter.none = resolved;
  return resolved;
}

const resolvedCache = new WeakMap<
  PlatformAdapter,
  { none?: ResolvedField[]; byOverrides: WeakMap<object, ResolvedField[]> }
>();

/**
 * The library's strategies for one field. The bundle was validated with SelectorOverridesSchema
 * where it was parsed; here we only make sure a damaged value can never throw in the page.
 */
function libraryStrategies(
  overrides: SelectorOverrides | null | undefined,
  fieldId: FieldId,
): SelectorStrategy[] {
  const list: unknown = overrides && typeof overrides === 'object' ? overrides[fieldId] : undefined;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (s): s is SelectorStrategy =>
      typeof s === 'object' && s !== null && typeof s.name === 'string' && typeof s.selector === 'string',
  );
}

function isUsable(element: Element, kind: FieldKind, exclude?: Exclusions): element is HTMLElement {
  if (!element.isConnected || isExcluded(element, exclude)) return false;
  if (kind === 'tag-input') return element.tagName === 'INPUT' && !(element as HTMLInputElement).disabled;
  const editable = element.getAttribute('contenteditable');
  return editable === '' || editable === 'true' || editable === 'plaintext-only';
}

/** Facebook hides the page behind an open dialog with aria-hidden: such candidates come last. */
function isHidden(element: Element): boolean {
  return element.closest('[hidden], [aria-hidden="true"]') !== null;
}

function pick(candidates: HTMLElement[], active: Element | null): HTMLElement | undefined {
  if (active) {
    const focused = candidates.find((c) => containsDeep(c, active));
    if (focused) return focused;
  }
  return candidates.find((c) => !isHidden(c)) ?? candidates[0];
}

function findResolved(
  field: ResolvedField,
  root: ParentNode,
  active: Element | null,
  exclude: Exclusions | undefined,
): FoundField | null {
  for (const strategy of field.strategies) {
    const candidates = queryAllDeep(root, strategy.selector).filter((e) =>
      isUsable(e, field.kind, field.exclude ?? exclude),
    );
    const element = pick(candidates, active);
    if (element) return { fieldId: field.id, kind: field.kind, element, strategy, field };
  }
  return null;
}

function documentOf(root: ParentNode): Document | null {
  if ('nodeType' in root && (root as Node).nodeType === 9) return root as Document;
  return (root as Node).ownerDocument ?? null;
}

function activeIn(root: ParentNode): Element | null {
  const doc = documentOf(root);
  return doc ? deepActiveElement(doc) : null;
}

/** The first strategy (in order) that finds a usable element for the field, or null. */
export function findField(
  adapter: PlatformAdapter,
  root: ParentNode,
  fieldId: FieldId,
  overrides?: SelectorOverrides | null,
): FoundField | null {
  const field = resolveStrategies(adapter, overrides).find((f) => f.id === fieldId);
  return field ? findResolved(field, root, activeIn(root), adapter.exclude) : null;
}

/** Every field of the adapter found under `root`, in the adapter's field order. */
export function findAllFields(
  adapter: PlatformAdapter,
  root: ParentNode,
  overrides?: SelectorOverrides | null,
): FoundField[] {
  const active = activeIn(root);
  return resolveStrategies(adapter, overrides).flatMap(
    (field) => findResolved(field, root, active, adapter.exclude) ?? [],
  );
}

/** The adapter field that `element` is (or is inside), with the strategy that recognises it. */
export function fieldForElement(
  adapter: PlatformAdapter,
  element: Element,
  overrides?: SelectorOverrides | null,
): FoundField | null {
  // Walk up from the element (cheap on Facebook's huge DOM) instead of querying the document.
  for (const field of resolveStrategies(adapter, overrides)) {
    for (const strategy of field.strategies) {
      let candidate = closestDeep(element, strategy.selector);
      while (candidate && !isUsable(candidate, field.kind, field.exclude ?? adapter.exclude)) {
        const above = candidate.parentElement ?? hostOf(candidate);
        candidate = above ? closestDeep(above, strategy.selector) : null;
      }
      if (candidate)
        return { fieldId: field.id, kind: field.kind, element: candidate as HTMLElement, strategy, field };
    }
  }
  return null;
}

/** The composer field that has the focus (the target of "insert"), or null. */
export function findFocusedField(
  adapter: PlatformAdapter,
  doc: Document,
  overrides?: SelectorOverrides | null,
): FoundField | null {
  const active = deepActiveElement(doc);
  return active && active !== doc.body ? fieldForElement(adapter, active, overrides) : null;
}

/**
 * The composer's container (e.g. Facebook's dialog) around `from` — a field element, or the whole
 * page when no field was found — for placing the sidebar beside it.
 */
export function findComposerContainer(
  adapter: PlatformAdapter,
  from: Element | ParentNode,
): { element: HTMLElement; strategy: string } | null {
  const valid = adapter.containers.filter((s) => isValidSelector(s.selector));
  if (from instanceof Element || (from as Node).nodeType === 1) {
    for (const strategy of valid) {
      const element = closestDeep(from as Element, strategy.selector);
      if (element) return { element: element as HTMLElement, strategy: strategy.name };
    }
    return null;
  }
  for (const strategy of valid) {
    const element = queryAllDeep(from, strategy.selector).find((e) => !isHidden(e));
    if (element) return { element: element as HTMLElement, strategy: strategy.name };
  }
  return null;
}

export interface FieldHealth {
  fieldId: FieldId;
  found: boolean;
  /** Name of the strategy that found it, and its position in the resolved list. */
  strategy: string | null;
  strategyIndex: number | null;
  source: ResolvedStrategy['source'] | null;
}

export interface HealthReport {
  /** The adapter that looked (e.g. `business-suite`), and the platform its text is checked as. */
  adapter: PlatformAdapter['id'];
  platform: PlatformAdapter['platform'];
  /** True when at least one post field (not a reply box) was found. */
  recognised: boolean;
  fields: FieldHealth[];
  container: string | null;
  /**
   * One technical line the admin can copy into a report, e.g.
   * `facebook: caption=aria-label (en)#2/built-in; container=dialog` or `facebook: not recognised`.
   * Not translated on purpose: it is for the central team, not prose for the admin.
   */
  summary: string;
}

/** Which field was found by which strategy — or "not recognised" when none was. */
export function health(
  adapter: PlatformAdapter,
  root: ParentNode,
  overrides?: SelectorOverrides | null,
): HealthReport {
  const active = activeIn(root);
  const fields = resolveStrategies(adapter, overrides).map((field): FieldHealth => {
    const found = findResolved(field, root, active, adapter.exclude);
    return {
      fieldId: field.id,
      found: found !== null,
      strategy: found?.strategy.name ?? null,
      strategyIndex: found?.strategy.index ?? null,
      source: found?.strategy.source ?? null,
    };
  });
  const first = findAllFields(adapter, root, overrides)[0];
  const container = findComposerContainer(adapter, first?.element ?? root)?.strategy ?? null;
  // A post composer: a comment box alone is not one (the sidebar still opens in it, as a reply).
  const recognised = fields.some((f) => f.found && !isReplyField(f.fieldId));
  // A reply box is named only when found: a post composer's line stays as it was.
  const parts = fields
    .filter((f) => f.found || !isReplyField(f.fieldId))
    .map((f) => (f.found ? `${f.fieldId}=${f.strategy}#${f.strategyIndex}/${f.source}` : `${f.fieldId}=-`));
  const summary = recognised
    ? `${adapter.id}: ${parts.join('; ')}; container=${container ?? '-'}`
    : `${adapter.id}: not recognised`;
  return { adapter: adapter.id, platform: adapter.platform, recognised, fields, container, summary };
}

/**
 * A chat or comment box of this adapter's site (docs/platforms.md, "Never a chat or comment box"):
 * never a post composer. A comment box the adapter's reply field recognises is checked as a reply
 * (`fieldForElement`); this answers for the editable no strategy matched.
 */
export function isChatOrCommentBox(adapter: PlatformAdapter, element: Element): boolean {
  let current: Element | null = element;
  // The focus may be on a node inside the box: look at the nearest editable ancestor.
  while (current && !current.hasAttribute('contenteditable') && current.tagName !== 'TEXTAREA')
    current = current.parentElement;
  return isExcluded(current ?? element, adapter.exclude);
}
