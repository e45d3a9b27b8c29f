import { layoutOf } from '@/lib/platforms/read';
import type { FieldKind } from '@/lib/platforms/types';
import type { FieldFinding } from '@/lib/sidebar/findings';
import { type Box, clipBox, textBoxes, visibleArea } from './geometry';

/** A field the marks can be drawn over: its element and how its text is held. */
export interface MarkableField {
  element: Element;
  kind: FieldKind;
}

/**
 * The on-screen boxes of every finding, by finding key: the words' client rectangles cut to the
 * part of the field that can be seen (a scrolled field or dialog hides the rest). A finding whose
 * text is no longer where it was checked (the admin typed since) gets no box until the next check.
 * Tag inputs get no marks: their text is chips, not a line of words.
 */
export function layoutMarks(
  findings: readonly FieldFinding[],
  fieldOf: (field: string) => MarkableField | null,
  viewport: { width: number; height: number },
): Map<string, Box[]> {
  const boxes = new Map<string, Box[]>();
  const byField = new Map<string, FieldFinding[]>();
  for (const item of findings) byField.set(item.field, [...(byField.get(item.field) ?? []), item]);
  for (const [field, items] of byField) {
    const target = fieldOf(field);
    if (!target || target.kind === 'tag-input' || !target.element.isConnected) continue;
    const layout = layoutOf(target.element);
    const area = visibleArea(target.element, viewport);
    for (const item of items) {
      const { start, end } = item.finding;
      if (layout.text.slice(start, end) !== item.matched) continue;
      const visible = textBoxes(target.element, layout, start, end)
        .map((box) => clipBox(box, area))
        .filter((box): box is Box => box !== null);
      if (visible.length > 0) boxes.set(item.id, visible);
    }
  }
  return boxes;
}
