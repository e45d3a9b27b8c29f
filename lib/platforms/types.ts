/** The platforms and fields Satu Pintu knows. Adding a platform: one adapter file + fixture + test. */
export const PLATFORM_IDS = ['facebook', 'instagram', 'youtube'] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export const FIELD_IDS = ['caption', 'title', 'description', 'tags'] as const;
export type FieldId = (typeof FIELD_IDS)[number];

/**
 * How a field takes text; inserts differ per kind (see docs/platforms.md):
 * - `lexical`: Meta's Lexical editor (Facebook, Instagram): one line via execCommand, lines via paste.
 * - `contenteditable`: a plain contenteditable whose app listens to `input` events (YouTube Studio).
 * - `tag-input`: an `<input>` that commits a chip on Enter/comma (YouTube Studio tags).
 */
export type FieldKind = 'lexical' | 'contenteditable' | 'tag-input';

/** One way to find an element, tried in order; the signed library may override the list. */
export interface SelectorStrategy {
  /** Short name shown in the health line, e.g. "aria-label (id)". */
  name: string;
  /**
   * A CSS selector evaluated against the document. ` >>> ` descends into an open shadow root:
   * `ytcp-foo#bar >>> #textbox` finds `#textbox` inside the shadow root of `ytcp-foo#bar`.
   */
  selector: string;
}

/** Where a tag input keeps its committed tags (read as part of the field's text). */
export interface TagChipSelectors {
  /** The nearest ancestor of the input that holds both the chips and the input. */
  container: string;
  /** One committed tag (chip), queried inside the container. */
  chip: string;
  /** The chip's text element inside a chip (or its open shadow root); else the chip's own text. */
  text?: string;
}

export interface FieldDefinition {
  id: FieldId;
  kind: FieldKind;
  /** Ordered: the first strategy that finds a usable element wins. */
  strategies: SelectorStrategy[];
  /** Only for `tag-input`: how committed tags are found. */
  chips?: TagChipSelectors;
  /** The platform keeps this field on one line (YouTube title): inserted line breaks become spaces. */
  singleLine?: boolean;
}

export interface PlatformAdapter {
  id: PlatformId;
  label: string;
  /** Manifest match patterns where the content script runs for this platform. */
  matches: string[];
  /** Pure: is this URL a page where this platform's composer can appear? */
  detect(url: URL): boolean;
  fields: FieldDefinition[];
  /** The composer's own container (dialog), ordered; used to place the sidebar beside it. */
  containers: SelectorStrategy[];
}

/** Each adapter file ends with one `definePlatform({...})`; the registry is a typed list. */
export function definePlatform<const T extends PlatformAdapter>(adapter: T): T {
  return adapter;
}
