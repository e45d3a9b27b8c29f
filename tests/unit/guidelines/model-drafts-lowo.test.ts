import { describe, expect, it } from 'vitest';
import {
  chooseThreshold,
  microAverage,
  pickRecallThreshold,
  shipLines,
  shipRow,
} from '@/lib/guidelines/model/drafts-lowo';
import { decideShipping } from '@/lib/guidelines/model/drafts-ship';
import { trainBagged, trainHeads } from '@/lib/guidelines/model/drafts-train';
import type { SparseRow } from '@/lib/guidelines/model/train';

// Drafts 0–1 the rules already report; 2–4 are positives they miss; 5–9 are clean.
const labels = [true, true, true, true, true, false, false, false, false, false];
const rules = [true, true, false, false, false, false, false, false, false, false];
const clean = labels.map((y) => !y);
const none = labels.map(() => false);
const scores = [0.1, 0.2, 0.9, 0.8, 0.3, 0.85, 0.2, 0.1, 0.1, 0.05];

describe('a recall-first threshold', () => {
  it('is the lowest score whose findings keep the precision floor within the clean limit', () => {
    const limits = { minPrecision: 0.5, maxClean: 1 };
    // Head alone, highest first: 0.9 ✓, 0.85 ✗, 0.8 ✓ (2/3), 0.3 ✓ (3/4), 0.2 (two drafts: a rule
    // positive and a clean one, 4/6), 0.1 (three: 5/9 ≥ 0.5), 0.05 (5/10).
    expect(pickRecallThreshold({ scores, labels, rules: none, clean }, limits)).toBe(0.05);
    expect(
      pickRecallThreshold({ scores, labels, rules: none, clean }, { ...limits, minPrecision: 0.6 }),
    ).toBe(0.2);
    // Counting only what the head adds (the rules silent): 0.3 gives 3 of 4, 0.2 3 of 5, 0.1 3 of 7.
    expect(pickRecallThreshold({ scores, labels, rules, clean }, { ...limits, minPrecision: 0.55 })).toBe(
      0.2,
    );
    expect(pickRecallThreshold({ scores, labels, rules, clean }, { ...limits, minPrecision: 0.7 })).toBe(0.3);
    // At most one clean draft of five may be flagged: it stops before the second (at 0.2).
    expect(
      pickRecallThreshold({ scores, labels, rules: none, clean }, { minPrecision: 0.5, maxClean: 0.2 }),
    ).toBe(0.3);
    // Nothing found at the floor: never fires.
    const lone = { scores: [0.9, 0.1], labels: [false, true], rules: [false, false], clean: [true, false] };
    expect(pickRecallThreshold(lone, limits)).toBe(0.1);
    expect(pickRecallThreshold(lone, { ...limits, minPrecision: 0.6 })).toBe(1);
  });

  it('is one of the threshold policies, capped at 0.999 like the others', () => {
    // At 0.2 the head's own findings are 4 of 6, its added ones (the rules silent) 3 of 5.
    const limits = { minPrecision: 0.62, maxClean: 1 };
    expect(chooseThreshold('recall', { scores, labels, rules, clean }, limits)).toBe(0.2);
    expect(chooseThreshold('recall-added', { scores, labels, rules, clean }, limits)).toBe(0.3);
    expect(
      chooseThreshold(
        'recall',
        { scores: [0.9, 0.1], labels: [false, true], rules: [false, false], clean: [true, false] },
        limits,
      ),
    ).toBe(0.999);
    // `alone` keeps today's choice: the best F1 of the head's own findings at the floor.
    expect(
      chooseThreshold('alone', { scores, labels, rules, clean }, { minPrecision: 0.5, maxClean: 0.2 }),
    ).toBe(0.3);
  });
});

describe('a head’s counts for the ship rule', () => {
  it('counts the rules’ findings, the head’s added findings and the clean drafts among them', () => {
    const head = scores.map((s) => s >= 0.2);
    const row = shipRow('credibility', [0, 1, 2, 3, 4, 5, 6, 7], { labels, rules, head, clean }, true);
    expect(row).toEqual({
      category: 'credibility',
      positives: 5,
      rulesTp: 2,
      rulesFp: 0,
      addedTp: 3,
      addedFp: 2,
      cleanFlagged: [5, 6],
      speaks: true,
    });
    const result = decideShipping([row], 'recall', {
      cleanTotal: 3,
      maxClean: 1,
      minGain: 0.02,
      minAddedPrecision: 0.5,
      maxCleanAll: 1,
    });
    const lines = shipLines(result, 'recall', 3);
    expect(lines[1]).toMatch(/^ {2}credibility\s+60\.0%\s+60\.0%\s+2\s+66\.7%\s+-$/);
    expect(lines[2]).toContain('warn on 2/3 clean drafts');
  });

  it('micro-averages precision and recall over heads and drafts', () => {
    const truth = [
      [true, false],
      [true, true],
    ];
    const said = [
      [true, true],
      [false, true],
    ];
    const m = microAverage(
      2,
      [0, 1],
      (h, i) => truth[h]?.[i] === true,
      (h, i) => said[h]?.[i] === true,
    );
    expect(m).toEqual({ precision: 2 / 3, recall: 2 / 3 });
  });
});

describe('bagged heads', () => {
  const rows: SparseRow[] = [
    { buckets: [0, 1], values: [0.7, 0.7] },
    { buckets: [1, 2], values: [0.7, 0.7] },
    { buckets: [2, 3], values: [0.7, 0.7] },
    { buckets: [0, 3], values: [0.7, 0.7] },
  ];
  const y = [[true], [false], [false], [true]];
  const options = { epochs: 5, learningRate: 0.1, l2: 0.0001, seed: 7, positiveWeight: 1 };

  it('are the mean of heads trained with consecutive seeds; one seed is a plain head', () => {
    expect(trainBagged(rows, y, 1, 4, options, 1)).toEqual(trainHeads(rows, y, 1, 4, options));
    const [a] = trainHeads(rows, y, 1, 4, options);
    const [b] = trainHeads(rows, y, 1, 4, { ...options, seed: 8 });
    const [bagged] = trainBagged(rows, y, 1, 4, options, 2);
    expect(bagged?.bias).toBeCloseTo(((a?.bias ?? 0) + (b?.bias ?? 0)) / 2, 12);
    bagged?.weights.forEach((w, j) => {
      expect(w).toBeCloseTo(((a?.weights[j] ?? 0) + (b?.weights[j] ?? 0)) / 2, 12);
    });
    // Different shuffles give different heads, so the mean is a new one.
    expect([...(a?.weights ?? [])]).not.toEqual([...(b?.weights ?? [])]);
  });
});
