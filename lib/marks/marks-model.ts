import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import type { FieldFinding } from '@/lib/sidebar/findings';
import type { Box } from './geometry';

export interface MarkView {
  item: FieldFinding;
  boxes: Box[];
}

/** How far around a mark's boxes the pointer still counts as on it (px). */
const HIT_SLOP = 2;

/**
 * The inline marks' state: which findings have boxes on screen now (set by the layout pass), which
 * mark's card is open, and moving from mark to mark. No DOM here: the layout pass measures, the
 * views draw, this decides.
 */
export function createMarksModel(options: {
  findings: ReadonlySignal<readonly FieldFinding[]>;
  /** The per-platform switch (settings.marks); off = no marks at all. */
  enabled: ReadonlySignal<boolean>;
  /** The composer's fields in reading order (YouTube: title before description). */
  fieldOrder: readonly string[];
}) {
  const boxes = signal<ReadonlyMap<string, Box[]>>(new Map());
  /** Bumped on every layout pass: a hook for the keystroke benchmark (`data-layouts`). */
  const layouts = signal(0);
  const active = signal<string | null>(null);
  /** How the open card was asked for: a keyboard user gets the focus moved into it. */
  const openedBy = signal<'pointer' | 'keyboard' | null>(null);

  const rank = (field: string) => {
    const index = options.fieldOrder.indexOf(field);
    return index < 0 ? options.fieldOrder.length : index;
  };

  const marks = computed((): MarkView[] => {
    if (!options.enabled.value) return [];
    const placed = boxes.value;
    return options.findings.value
      .flatMap((item) => {
        const found = placed.get(item.id);
        return found ? [{ item, boxes: found }] : [];
      })
      .sort((a, b) => rank(a.item.field) - rank(b.item.field) || a.item.finding.start - b.item.finding.start);
  });

  /** The open card's mark; closes by itself when its finding goes (fixed, ignored, edited away). */
  const activeMark = computed(() => marks.value.find((mark) => mark.item.id === active.value) ?? null);

  return {
    boxes,
    marks,
    active: active as ReadonlySignal<string | null>,
    activeMark,
    openedBy: openedBy as ReadonlySignal<'pointer' | 'keyboard' | null>,
    layouts: layouts as ReadonlySignal<number>,
    setBoxes(next: ReadonlyMap<string, Box[]>) {
      batch(() => {
        boxes.value = next;
        layouts.value += 1;
      });
    },
    open(key: string, via: 'pointer' | 'keyboard') {
      active.value = key;
      openedBy.value = via;
    },
    close() {
      active.value = null;
      openedBy.value = null;
    },
    /** The mark after the open one (or the first), wrapping around; null when there is none. */
    nextKey(): string | null {
      const list = marks.value;
      if (list.length === 0) return null;
      const at = list.findIndex((mark) => mark.item.id === active.value);
      return list[(at + 1) % list.length]?.item.id ?? null;
    },
    /** The mark under a viewport point, if any (the pointer itself never lands on a mark). */
    markAt(x: number, y: number): string | null {
      for (const mark of marks.value)
        for (const box of mark.boxes)
          if (
            x >= box.left - HIT_SLOP &&
            x <= box.left + box.width + HIT_SLOP &&
            y >= box.top - HIT_SLOP &&
            y <= box.top + box.height + HIT_SLOP
          )
            return mark.item.id;
      return null;
    },
  };
}

export type MarksModel = ReturnType<typeof createMarksModel>;
