import { describe, expect, it } from 'vitest';
import { clipBox, mergeLineBoxes } from '@/lib/marks/geometry';

describe('mark geometry', () => {
  it('merges the pieces of one line (a word split over text nodes) and keeps lines apart', () => {
    expect(
      mergeLineBoxes([
        { left: 50, top: 10, width: 20, height: 20 },
        { left: 10, top: 10, width: 40, height: 20 },
        { left: 10, top: 40, width: 30, height: 20 },
      ]),
    ).toEqual([
      { left: 10, top: 10, width: 60, height: 20 },
      { left: 10, top: 40, width: 30, height: 20 },
    ]);
  });

  it('keeps two far-apart pieces of one line apart', () => {
    expect(
      mergeLineBoxes([
        { left: 10, top: 10, width: 20, height: 20 },
        { left: 100, top: 10, width: 20, height: 20 },
      ]),
    ).toHaveLength(2);
  });

  it('cuts a box to what can be seen, and drops it when nothing can', () => {
    const view = { left: 0, top: 0, width: 100, height: 50 };
    expect(clipBox({ left: 80, top: 40, width: 40, height: 20 }, view)).toEqual({
      left: 80,
      top: 40,
      width: 20,
      height: 10,
    });
    expect(clipBox({ left: 10, top: 60, width: 10, height: 10 }, view)).toBeNull();
  });
});
