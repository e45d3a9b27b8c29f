/**
 * The platforms Satu Pintu checks for: rules, settings and submissions are per platform. A
 * composer is found by an adapter (docs/platforms.md, "Adapters"); several adapters may check
 * as one platform (Meta Business Suite posts to Facebook).
 */
export const PLATFORM_IDS = ['facebook', 'instagram', 'youtube'] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

/** Every adapter, by its own id: one file each in lib/platforms/. */
export const ADAPTER_IDS = ['facebook', 'business-suite', 'instagram', 'youtube'] as const;
export type AdapterId = (typeof ADAPTER_IDS)[number];

/**
 * `reply` is a comment or reply box under a post (docs/platforms.md, "Reply boxes"): checked with
 * the same engine, offered reply templates, never the approval flow.
 */
export const FIELD_IDS = ['caption', 'title', 'description', 'tags', 'reply'] as const;
export type FieldId = (typeof FIELD_IDS)[number];

/** True for a comment or reply box (never a post: no approvals, no requests). */
export function isReplyField(fieldId: string): boolean {
  return fieldId === 'reply';
}

/**
 * How a field takes text; inserts differ per kind (see docs/platforms.md):
 * - `lexical`: Meta's Lexical editor (Facebook, Instagram): one line via execCommand, lines via paste.
 * - `draft`: a Draft.js-era editor (Meta Business Suite): its state follows beforeinput and paste
 *   and reverts direct DOM edits, so it takes the same path as Lexical.
 * - `contenteditable`: a plain contenteditable whose app listens to `input` events (YouTube Studio).
 * - `tag-input`: an `<input>` that commits a chip on a comma (YouTube Studio tags).
 */
export type FieldKind = 'lexical' | 'draft' | 'contenteditable' | 'tag-input';

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
  /**
   * A control that shows the field when it is folded away (Studio's tags behind "Show more"):
   * clicked before inserting into a field that is not on the page.
   */
  reveal?: SelectorStrategy[];
  /**
   * This field's own exclusions, instead of the adapter's: a reply box keeps chat out but is,
   * itself, a comment box.
   */
  exclude?: Exclusions;
}

/**
 * The platform's own post/share button, as data: an element matching `selector` (or inside one)
 * whose `aria-label` or trimmed text is one of `labels` (without case; none = any). Its trusted
 * click is reported to the background (`composerPosted`) with the composer's text.
 */
export interface PostButton {
  selector: string;
  labels?: string[];
}

/**
 * Where a text box is never a post composer, whatever strategy found it: chat (Messenger) and
 * comment or reply boxes are editors of the same kind, often on the same page. Checked on every
 * candidate (docs/platforms.md, "Never a chat or comment box").
 */
export interface Exclusions {
  /** Ancestor-or-self selectors (structure: a chat window, a post's comment area). */
  within: string[];
  /** Words that, in the box's aria-label or (aria-)placeholder, mark a chat or comment box. */
  labels: RegExp;
  /** Exact (trimmed, case-insensitive) placeholders of chat boxes, e.g. Messenger's "Aa". */
  placeholders: string[];
}

export interface PlatformAdapter {
  id: AdapterId;
  /** The platform its text is checked as (rules, settings, library overrides, submissions). */
  platform: PlatformId;
  label: string;
  /** Manifest match patterns where the content script runs for this platform. */
  matches: string[];
  /** Pure: is this URL a page where this platform's composer can appear? */
  detect(url: URL): boolean;
  fields: FieldDefinition[];
  /** The composer's own container (dialog), ordered; used to place the sidebar beside it. */
  containers: SelectorStrategy[];
  /** Boxes that are never a composer (chat, comments), even when a loose strategy finds them. */
  exclude?: Exclusions;
  /** The post/share buttons of its composers (requests are marked done from their click). */
  postButtons?: PostButton[];
}

/** Each adapter file ends with one `definePlatform({...})`; the registry is a typed list. */
export function definePlatform<const T extends PlatformAdapter>(adapter: T): T {
  return adapter;
}
