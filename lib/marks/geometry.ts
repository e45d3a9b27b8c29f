/**
 * Where a finding's words are on screen. Findings carry UTF-16 offsets into the field's text as
 * the platform layer reads it (lib/platforms/read.ts, docs/platforms.md); the same walk maps them
 * back to DOM positions, and the client rectangles of each text node's part give the boxes. Only
 * Ranges are created: the editor's DOM is read, never changed.
 */
import type { TextLayout } from '@/lib/platforms/read';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

function toBox(rect: DOMRect | DOMRectReadOnly): Box {
  return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
}

/** Rectangles of one line merged: a word split over several text nodes is one box. */
export function mergeLineBoxes(boxes: readonly Box[]): Box[] {
  const sorted = [...boxes].sort((a, b) => a.top - b.top || a.left - b.left);
  const merged: Box[] = [];
  for (const box of sorted) {
    const last = merged.at(-1);
    const sameLine =
      last !== undefined &&
      Math.min(last.top + last.height, box.top + box.height) - Math.max(last.top, box.top) >
        Math.min(last.height, box.height) / 2;
    if (last && sameLine && box.left <= last.left + last.width + 2) {
      const right = Math.max(last.left + last.width, box.left + box.width);
      const bottom = Math.max(last.top + last.height, box.top + box.height);
      last.top = Math.min(last.top, box.top);
      last.left = Math.min(last.left, box.left);
      last.width = right - last.left;
      last.height = bottom - last.top;
    } else merged.push({ ...box });
  }
  return merged;
}

/**
 * The boxes of [start, end) of the field's text: the client rectangles of each text node's part
 * (never of whole elements, which a Range spanning paragraphs would also return), merged per line.
 * An empty range (something missing, e.g. a required hashtag) gets a narrow box where it would go.
 */
export function textBoxes(element: Element, layout: TextLayout, start: number, end: number): Box[] {
  const doc = element.ownerDocument;
  const boxes: Box[] = [];
  if (end <= start) {
    const before = start > 0 ? textBoxes(element, layout, start - 1, start).at(-1) : undefined;
    const after = before ? undefined : textBoxes(element, layout, start, start + 1)[0];
    const anchor = before ?? after;
    if (!anchor) return [];
    const left = before ? anchor.left + anchor.width : anchor.left;
    return [{ left, top: anchor.top, width: 6, height: anchor.height }];
  }
  for (const segment of layout.segments) {
    if (segment.end <= start || segment.start >= end) continue;
    if (segment.atomic) {
      // An emoji drawn as an <img alt>: its own box.
      if (segment.node instanceof Element) boxes.push(toBox(segment.node.getBoundingClientRect()));
      continue;
    }
    const range = doc.createRange();
    range.setStart(segment.node, Math.max(start, segment.start) - segment.start);
    range.setEnd(segment.node, Math.min(end, segment.end) - segment.start);
    for (const rect of range.getClientRects()) if (rect.width > 0 && rect.height > 0) boxes.push(toBox(rect));
  }
  return mergeLineBoxes(boxes);
}

/** `box` cut to `clip`; null when nothing of it is visible. */
export function clipBox(box: Box, clip: Box): Box | null {
  const left = Math.max(box.left, clip.left);
  const top = Math.max(box.top, clip.top);
  const right = Math.min(box.left + box.width, clip.left + clip.width);
  const bottom = Math.min(box.top + box.height, clip.top + clip.height);
  return right > left && bottom > top ? { left, top, width: right - left, height: bottom - top } : null;
}

function parentAcrossShadow(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/**
 * The part of the viewport where the field's text can be seen: the field's own box and every
 * ancestor that clips its overflow (a scrolling field, a scrolling dialog), within the window.
 */
export function visibleArea(element: Element, viewport: { width: number; height: number }): Box {
  let area: Box = { left: 0, top: 0, width: viewport.width, height: viewport.height };
  let current: Element | null = element;
  for (let depth = 0; current && depth < 40; depth++) {
    const style = getComputedStyle(current);
    const clips = current === element || style.overflowX !== 'visible' || style.overflowY !== 'visible';
    if (
      clips &&
      current !== element.ownerDocument.documentElement &&
      current !== element.ownerDocument.body
    ) {
      const rect = toBox(current.getBoundingClientRect());
      const next = clipBox(area, rect);
      if (!next) return { left: 0, top: 0, width: 0, height: 0 };
      area = next;
    }
    if (style.position === 'fixed') break;
    current = parentAcrossShadow(current);
  }
  return area;
}
