/**
 * Reading a platform editor's text as the platform posts it (docs/platforms.md, "Text and
 * offsets"): a textContent-based walk, because happy-dom has no layout and `innerText` follows
 * layout. Every offset the sidebar uses (findings, selections, fixes) is a UTF-16 offset into
 * this text. DOM only, no browser.* APIs.
 */
import { readTagField } from './tags';
import type { FieldKind, TagChipSelectors } from './types';

const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'TABLE',
  'TR',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;

interface Segment {
  node: Node;
  start: number;
  end: number;
  /** An <img alt> (emoji rendered as an image): selectable only before or after. */
  atomic: boolean;
}

/** Where a line starts in the DOM, for offsets on empty lines. */
interface Anchor {
  offset: number;
  container: Node;
  index: number;
}

export interface DomPoint {
  node: Node;
  offset: number;
}

export interface TextLayout {
  text: string;
  segments: Segment[];
  anchors: Anchor[];
  /** Text offsets of the requested DOM points (-1 when a point was not inside the walk). */
  stopOffsets: number[];
}

function isBlock(node: Node | null): boolean {
  return node !== null && node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((node as Element).tagName);
}

/** Indentation between block elements in saved/pretty-printed HTML: not part of the text. */
function isFormattingWhitespace(node: Node): boolean {
  const data = node.nodeValue ?? '';
  if (!data.includes('\n') || !/^[ \t\r\n]*$/.test(data)) return false;
  const { previousSibling: before, nextSibling: after } = node;
  // Alone in its parent it is content (a pre-wrap field holding only blank lines), not indentation.
  return (
    (before !== null || after !== null) &&
    (before === null || isBlock(before)) &&
    (after === null || isBlock(after))
  );
}

export function indexInParent(node: Node): number {
  return Array.prototype.indexOf.call(node.parentNode?.childNodes ?? [], node);
}

/**
 * The text as the platform posts it. A line model: blocks (Lexical paragraphs) start and end a
 * line, `<br>` ends one, a block's trailing `<br>` is the browser's placeholder (Lexical renders
 * an empty paragraph as `<p><br></p>` and a paragraph ending in a line break as `…<br><br>`), so:
 * `<p>a</p><p><br></p><p>b</p>` → "a\n\nb". `\u00a0` becomes a space (same length, offsets hold).
 */
export function layoutOf(root: Element, stops: DomPoint[] = []): TextLayout {
  const lines: string[] = [];
  const segments: Segment[] = [];
  const anchors: Anchor[] = [];
  const stopOffsets = stops.map(() => -1);
  let current = '';
  let started = false;
  let base = 0;
  const position = () => base + current.length;
  const commit = () => {
    lines.push(current);
    base += current.length + 1;
    current = '';
    started = false;
  };
  const recordStops = (node: Node, offset: number, value: number) => {
    for (const [i, stop] of stops.entries()) {
      if (stopOffsets[i] === -1 && stop.node === node && stop.offset === offset) stopOffsets[i] = value;
    }
  };
  const visit = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      if (isFormattingWhitespace(node)) {
        for (const [i, stop] of stops.entries()) if (stop.node === node) stopOffsets[i] = position();
        return;
      }
      const text = (node.nodeValue ?? '').replace(/\u00a0/g, ' ');
      for (const [i, stop] of stops.entries()) {
        if (stop.node === node) stopOffsets[i] = position() + Math.min(stop.offset, text.length);
      }
      if (text.length > 0) {
        segments.push({ node, start: position(), end: position() + text.length, atomic: false });
        current += text;
        started = true;
      }
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    if (SKIP_TAGS.has(element.tagName)) return;
    if (element.tagName === 'BR') {
      commit();
      if (element.parentNode)
        anchors.push({ offset: base, container: element.parentNode, index: indexInParent(element) + 1 });
      return;
    }
    if (element.tagName === 'IMG') {
      const alt = element.getAttribute('alt') ?? '';
      if (alt.length > 0) {
        segments.push({ node, start: position(), end: position() + alt.length, atomic: true });
        current += alt;
        started = true;
      }
      return;
    }
    const block = element !== root && BLOCK_TAGS.has(element.tagName);
    if (block) {
      if (started) commit();
      anchors.push({ offset: position(), container: element, index: 0 });
    }
    const children = element.childNodes;
    for (let i = 0; i < children.length; i++) {
      recordStops(element, i, position());
      visit(children[i]!);
    }
    recordStops(element, children.length, position());
    if (block && started) commit();
  };
  visit(root);
  if (started) lines.push(current);
  const text = lines.join('\n');
  return {
    text,
    segments,
    anchors,
    stopOffsets: stopOffsets.map((offset) => (offset === -1 ? -1 : Math.min(offset, text.length))),
  };
}

export function toDomPoint(
  root: Element,
  layout: TextLayout,
  offset: number,
  bias: 'start' | 'end',
): DomPoint {
  const within = layout.segments.filter((s) => s.start <= offset && offset <= s.end);
  const preferred =
    bias === 'start'
      ? (within.find((s) => offset < s.end) ?? within[0])
      : (within.find((s) => offset > s.start) ?? within[0]);
  if (preferred) {
    if (!preferred.atomic) return { node: preferred.node, offset: offset - preferred.start };
    const parent = preferred.node.parentNode!;
    const index = indexInParent(preferred.node);
    return { node: parent, offset: offset <= preferred.start ? index : index + 1 };
  }
  const anchor = layout.anchors.filter((a) => a.offset === offset).pop();
  if (anchor) return { node: anchor.container, offset: anchor.index };
  return offset <= 0 ? { node: root, offset: 0 } : { node: root, offset: root.childNodes.length };
}

/**
 * The field's text as the platform would post it.
 * - `lexical` / `contenteditable`: paragraphs and `<br>` as "\n", `\u00a0` as a space, emoji kept
 *   (an `<img alt>` emoji counts as its alt text).
 * - `tag-input`: the committed chips and the input's pending value, joined with ", ".
 */
export function readFieldText(element: Element, kind: FieldKind, chips?: TagChipSelectors): string {
  if (kind === 'tag-input') return readTagField(element, chips);
  return layoutOf(element).text;
}
