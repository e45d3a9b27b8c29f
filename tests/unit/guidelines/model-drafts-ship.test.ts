import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SHIP_LIMITS,
  decideShipping,
  type ShipLimits,
  type ShipRow,
} from '@/lib/guidelines/model/drafts-ship';

const limits: ShipLimits = { ...DEFAULT_SHIP_LIMITS, cleanTotal: 100 };
const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, k) => from + k);

/** 100 positives, the rules finding 50 of them with 10 false alarms; the head as given. */
const row = (category: string, head: Partial<ShipRow>): ShipRow => ({
  category,
  positives: 100,
  rulesTp: 50,
  rulesFp: 10,
  addedTp: 10,
  addedFp: 4,
  cleanFlagged: [],
  speaks: true,
  ...head,
});

describe('the recall-first ship rule', () => {
  it('ships a head that adds recall at the precision floor within the clean limits', () => {
    const result = decideShipping([row('hate-speech', { cleanFlagged: [1, 2] })], 'recall', limits);
    expect(result.shipped).toEqual(['hate-speech']);
    const [decision] = result.decisions;
    expect(decision).toMatchObject({ ship: true, failed: [], cleanFlagged: 2 });
    expect(decision?.gain).toBeCloseTo(0.1, 12);
    expect(decision?.addedPrecision).toBeCloseTo(10 / 14, 12);
    expect(result).toMatchObject({ cleanWarned: 2, cleanShare: 0.02, dropped: [] });
  });

  it('(a) refuses a head adding less than two points of recall, and accepts exactly two', () => {
    const result = decideShipping(
      [row('attribution', { addedTp: 1, addedFp: 0 }), row('credibility', { addedTp: 2, addedFp: 0 })],
      'recall',
      limits,
    );
    expect(result.decisions.map((d) => [d.category, d.failed])).toEqual([
      ['attribution', ['a']],
      ['credibility', []],
    ]);
    expect(result.shipped).toEqual(['credibility']);
  });

  it('(b) refuses a head whose added findings fall under 40 % precision, however much recall it adds', () => {
    const result = decideShipping(
      [row('confidential', { addedTp: 30, addedFp: 46 }), row('abuse', { addedTp: 30, addedFp: 45 })],
      'recall',
      limits,
    );
    expect(result.decisions.map((d) => d.failed)).toEqual([['b'], []]);
    // A head adding nothing fails (a) and (b): it has no findings to be precise about.
    expect(
      decideShipping([row('abuse', { addedTp: 0, addedFp: 0 })], 'recall', limits).decisions[0]?.failed,
    ).toEqual(['a', 'b']);
  });

  it('(c) refuses a head flagging more than 2.5 % of the clean drafts on its own', () => {
    const result = decideShipping(
      [
        row('child-protection', { cleanFlagged: range(0, 3) }),
        row('neutrality', { cleanFlagged: range(0, 2) }),
      ],
      'recall',
      limits,
    );
    expect(result.decisions.map((d) => d.failed)).toEqual([['c'], []]);
    // A head whose threshold never fires does not ship whatever its table says.
    expect(decideShipping([row('abuse', { speaks: false })], 'recall', limits).decisions[0]?.failed).toEqual([
      'never',
    ]);
  });

  it('(d) drops the head with the fewest added true positives per clean draft until all heads fit 8 %', () => {
    // Every head passes (a)–(c); together they warn on 10 distinct clean drafts (of 100).
    const rows = [
      row('credibility', { addedTp: 20, cleanFlagged: [0, 1] }), // 10 per clean draft
      row('misinformation', { addedTp: 4, cleanFlagged: [2, 3] }), // 2
      row('neutrality', { addedTp: 6, addedFp: 2, cleanFlagged: [4, 5] }), // 3
      row('abuse', { addedTp: 12, cleanFlagged: [6, 7] }), // 6
      row('hate-speech', { addedTp: 6, addedFp: 2, cleanFlagged: [8, 9] }), // 3, tie with neutrality
      row('illegal-content', { addedTp: 5, addedFp: 0, cleanFlagged: [] }), // flags none: never dropped
    ];
    const result = decideShipping(rows, 'recall', limits);
    // 10 > 8: misinformation goes (2 per clean draft); 8 ≤ 8 then holds.
    expect(result.dropped).toEqual(['misinformation']);
    expect(result.cleanWarned).toBe(8);
    expect(result.shipped).toEqual(['credibility', 'neutrality', 'abuse', 'hate-speech', 'illegal-content']);
    expect(result.decisions.find((d) => d.category === 'misinformation')?.failed).toEqual(['d']);
    // At 5 %: then the later of the tied neutrality and hate-speech, then the other.
    const tight = decideShipping(rows, 'recall', { ...limits, maxCleanAll: 0.05 });
    expect(tight.dropped).toEqual(['misinformation', 'hate-speech', 'neutrality']);
    expect(tight.shipped).toEqual(['credibility', 'abuse', 'illegal-content']);
    expect(tight.cleanShare).toBe(0.04);
  });

  it('(d) counts a clean draft two heads flag once', () => {
    const rows = [
      row('credibility', { cleanFlagged: [0, 1] }),
      row('misinformation', { cleanFlagged: [0, 1] }),
      row('neutrality', { cleanFlagged: [1, 2] }),
    ];
    const result = decideShipping(rows, 'recall', { ...limits, maxCleanAll: 0.03 });
    expect(result.dropped).toEqual([]);
    expect(result.cleanWarned).toBe(3);
  });
});

describe('the balanced ship rule', () => {
  it('ships where recall gained is at least the precision lost, within the per-head clean limit', () => {
    const result = decideShipping(
      [
        // +10 recall; precision 50/60 → 60/74: loses 2.5 points. Ships.
        row('credibility', {}),
        // +1 recall, precision 50/60 → 51/65: loses 4.8 points. (a) under this rule.
        row('attribution', { addedTp: 1, addedFp: 4 }),
        // +1 recall for no false alarm: ships, although (a) of the recall rule would refuse it.
        row('neutrality', { addedTp: 1, addedFp: 0 }),
        row('child-protection', { cleanFlagged: range(0, 3) }),
        row('abuse', { addedTp: 0, addedFp: 0 }),
      ],
      'balanced',
      limits,
    );
    expect(result.decisions.map((d) => [d.category, d.failed])).toEqual([
      ['credibility', []],
      ['attribution', ['a']],
      ['neutrality', []],
      ['child-protection', ['c']],
      ['abuse', ['a']],
    ]);
    expect(result.decisions[1]?.precisionChange).toBeCloseTo(51 / 65 - 50 / 60, 12);
    // No combined cap under this rule.
    const crowded = decideShipping(
      range(0, 6).map((k) => row(`c${k}`, { cleanFlagged: range(2 * k, 2) })),
      'balanced',
      limits,
    );
    expect(crowded.shipped).toHaveLength(6);
    expect(crowded.cleanWarned).toBe(12);
  });
});
