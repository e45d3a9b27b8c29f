import { describe, expect, it } from 'vitest';
import { composerBox, placement } from '@/lib/sidebar/placement';

const rect = (left: number, top: number, width: number, height: number) =>
  ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top }) as DOMRect;
const viewport = { width: 1280, height: 800 };

describe('placement', () => {
  it('goes to the right of the composer when there is room, aligned with its top', () => {
    expect(placement(rect(390, 80, 500, 300), 340, viewport)).toEqual({ left: 902, top: 80, maxHeight: 708 });
  });

  it('goes to the left when the composer hugs the right edge', () => {
    expect(placement(rect(700, 80, 500, 300), 340, viewport)).toMatchObject({ left: 348, top: 80 });
  });

  it('without room on either side, stays between the composer’s header and footer (its buttons)', () => {
    const dialog = rect(190, 100, 900, 600);
    const where = placement(dialog, 340, viewport);
    expect(where).toEqual({ left: 928, top: 164, maxHeight: 700 - 72 - 164 });
    expect(where.top).toBeGreaterThan(dialog.top + 48);
    expect(where.top + where.maxHeight).toBeLessThan(dialog.bottom - 48);
  });

  it('falls back to the right edge of the window without a composer', () => {
    expect(placement(null, 340, viewport)).toEqual({ left: 928, top: 64, maxHeight: 724 });
  });
});

describe('composerBox', () => {
  it('takes the outermost box around the field that does not cover the whole window', () => {
    const layer = document.createElement('div');
    const dialog = document.createElement('div');
    const field = document.createElement('div');
    layer.append(dialog);
    dialog.append(field);
    document.body.append(layer);
    const boxes = new Map<Element, DOMRect>([
      [layer, rect(0, 0, 1280, 800)],
      [dialog, rect(190, 100, 900, 600)],
      [field, rect(214, 220, 588, 80)],
    ]);
    for (const [element, box] of boxes) element.getBoundingClientRect = () => box;
    expect(composerBox(field, null, viewport)).toEqual(rect(190, 100, 900, 600));
    // The container found by the adapter is a hard stop.
    expect(composerBox(field, field, viewport)).toEqual(rect(214, 220, 588, 80));
    layer.remove();
  });
});
