import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { Box } from '@/lib/marks/geometry';
import { createMarksModel } from '@/lib/marks/marks-model';
import { type FindingLike, toFieldFindings } from '@/lib/sidebar/findings';

const finding = (ruleId: string, start: number, end: number): FindingLike => ({
  ruleId,
  category: 'spelling',
  severity: 'suggestion',
  start,
  end,
  message: ruleId,
});

function setup() {
  const title = toFieldFindings('title', 'himbauan rapat', [finding('A', 0, 8)]);
  const description = toFieldFindings('description', 'ada himbauan dan himbauan', [
    finding('B', 17, 25),
    finding('B', 4, 12),
  ]);
  const findings = signal([...description, ...title]);
  const enabled = signal(true);
  const model = createMarksModel({ findings, enabled, fieldOrder: ['title', 'description', 'tags'] });
  const box = (left: number): Box[] => [{ left, top: 10, width: 40, height: 20 }];
  model.setBoxes(new Map([...findings.value.map((item, index) => [item.id, box(100 * index)] as const)]));
  return { model, findings, enabled };
}

describe('the marks model', () => {
  it('orders marks as the admin reads: field by field, then by position; one per occurrence', () => {
    const { model } = setup();
    expect(model.marks.value.map((mark) => [mark.item.field, mark.item.finding.start])).toEqual([
      ['title', 0],
      ['description', 4],
      ['description', 17],
    ]);
    // The same words twice are two marks (the ignore key is shared, the id is not).
    const [, first, second] = model.marks.value;
    expect(first?.item.key).toBe(second?.item.key);
    expect(first?.item.id).not.toBe(second?.item.id);
  });

  it('walks to the next mark and wraps around', () => {
    const { model } = setup();
    const order = model.marks.value.map((mark) => mark.item.id);
    expect(model.nextKey()).toBe(order[0]);
    model.open(order[0]!, 'keyboard');
    expect(model.nextKey()).toBe(order[1]);
    model.open(order[2]!, 'keyboard');
    expect(model.nextKey()).toBe(order[0]);
    expect(model.openedBy.value).toBe('keyboard');
  });

  it('finds the mark under a point, with a little slack, and none elsewhere', () => {
    const { model, findings } = setup();
    const [first] = findings.value;
    expect(model.markAt(20, 20)).toBe(first?.id);
    expect(model.markAt(41, 31)).toBe(first?.id);
    expect(model.markAt(60, 20)).toBeNull();
    expect(model.markAt(20, 40)).toBeNull();
  });

  it('closes the card when its finding goes, and shows nothing when switched off', () => {
    const { model, findings, enabled } = setup();
    const id = model.marks.value[0]!.item.id;
    model.open(id, 'pointer');
    expect(model.activeMark.value?.item.id).toBe(id);
    findings.value = findings.value.filter((item) => item.id !== id);
    expect(model.activeMark.value).toBeNull();
    enabled.value = false;
    expect(model.marks.value).toEqual([]);
    expect(model.nextKey()).toBeNull();
  });

  it('draws no mark for a finding the layout found no box for (scrolled away, edited)', () => {
    const { model, findings } = setup();
    model.setBoxes(new Map([[findings.value[0]!.id, [{ left: 0, top: 0, width: 5, height: 5 }]]]));
    expect(model.marks.value.map((mark) => mark.item.id)).toEqual([findings.value[0]!.id]);
  });
});
