/** The platforms and fields Satu Pintu knows. Adding a platform: one adapter file + fixture + test. */
export const PLATFORM_IDS = ['facebook', 'instagram', 'youtube'] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export const FIELD_IDS = ['caption', 'title', 'description', 'tags'] as const;
export type FieldId = (typeof FIELD_IDS)[number];

/** How a field takes text: Lexical and plain contenteditables differ in how inserts must be done. */
export type FieldKind = 'lexical' | 'contenteditable' | 'tag-input';

/** One way to find an element, tried in order; the signed library may override the list. */
export interface SelectorStrategy {
  /** Short name shown in the health line, e.g. "aria-label (id)". */
  name: string;
  /** A CSS selector, evaluated against the document (and open shadow roots). */
  selector: string;
}

export interface FieldDefinition {
  id: FieldId;
  kind: FieldKind;
  strategies: SelectorStrategy[];
}

export interface PlatformAdapter {
  id: PlatformId;
  label: string;
  /** Manifest match patterns where the content script runs for this platform. */
  matches: string[];
  /** Pure: is this URL a page where this platform's composer can appear? */
  detect(url: URL): boolean;
  fields: FieldDefinition[];
}

/** Each adapter file ends with one `definePlatform({...})`; the registry is a typed list. */
export function definePlatform<const T extends PlatformAdapter>(adapter: T): T {
  return adapter;
}
