import { describe, expect, it } from 'vitest';
import { compileRules } from '@/lib/guidelines';
import { abuseChecker } from '@/lib/guidelines/model/checker';
import { falsePositivesByTerm, productVerdicts } from '@/lib/guidelines/model/evaluate';
import { loadAbuseModel } from '@/lib/guidelines/model/schema';
import {
  nbRatios,
  predictQuantised,
  quantise,
  type SparseRow,
  trainLogistic,
  trainNbLogistic,
} from '@/lib/guidelines/model/train';
import { tinyModelFile } from './model-fixtures';
import { rule } from './rule-fixtures';

/** Bucket 0 only in positives, 1 only in negatives, 2 in both alike, 3 in one positive only. */
function toyData(): { rows: SparseRow[]; labels: boolean[] } {
  const rows: SparseRow[] = [];
  const labels: boolean[] = [];
  for (let i = 0; i < 40; i += 1) {
    const positive = i % 2 === 0;
    const buckets = [positive ? 0 : 1, 2];
    if (i === 0) buckets.push(3);
    rows.push({ buckets, values: buckets.map(() => 1 / Math.sqrt(buckets.length)) });
    labels.push(positive);
  }
  return { rows, labels };
}

describe('Naive-Bayes weighted logistic regression', () => {
  it('gives a bucket a ratio by how much more often positive texts have it', () => {
    const { rows, labels } = toyData();
    const r = nbRatios(rows, labels, 8, 1);
    expect(r[0]).toBeGreaterThan(2);
    expect(r[1]).toBeLessThan(-2);
    expect(Math.abs(r[2] as number)).toBeLessThan(0.1);
    expect(r[3]).toBeGreaterThan(0);
    expect(r[3]).toBeLessThan(r[0] as number);
    // Counted once per text, however often a text repeats the bucket.
    const doubled = rows.map((row) => ({ buckets: [...row.buckets, ...row.buckets], values: [] }));
    expect(nbRatios(doubled, labels, 8, 1)).toEqual(r);
  });

  it('folds the ratios into the weights: scoring raw features separates the classes', () => {
    const { rows, labels } = toyData();
    const options = { epochs: 5, learningRate: 0.1, l2: 0, seed: 1 };
    const model = trainNbLogistic(rows, labels, 8, options, 1);
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[1]).toBeLessThan(0);
    const q = quantise(model, 8);
    rows.forEach((row, i) => {
      expect(predictQuantised(q, row) > 0.5).toBe(labels[i]);
    });
    // Deterministic: the same data and seed give the same weights.
    expect(trainNbLogistic(rows, labels, 8, options, 1).weights).toEqual(model.weights);
    // A bucket that never occurs gets no gradient and keeps weight 0.
    expect(Math.abs(model.weights[5] as number)).toBe(0);
    expect(trainLogistic(rows, labels, 8, options).weights[5]).toBe(0);
  });
});

describe('the product’s verdict on a text, as the evaluation counts it', () => {
  const model = loadAbuseModel(tinyModelFile());
  const rules = [
    rule({ id: 'T-SLUR', kind: 'pattern', category: 'abuse', severity: 'error', patterns: ['\\bmonyet\\b'] }),
    rule({
      id: 'T-STYLE',
      kind: 'pattern',
      category: 'abuse',
      severity: 'suggestion',
      patterns: ['\\bsih\\b'],
    }),
  ];
  const rulesOnly = compileRules(rules);
  const withModel = compileRules(rules, { checkers: [abuseChecker(model)] });

  it('counts rules, model and both; a suggestion is not a flag', () => {
    const texts = ['dasar monyet', 'kata kasar sekali', 'bagus sih', 'selamat pagi'];
    const v = productVerdicts(texts, model, rulesOnly, withModel);
    expect(v.rules).toEqual([true, false, false, false]);
    expect(v.model).toEqual([false, true, false, false]);
    expect(v.combined).toEqual([true, true, false, false]);
    expect(productVerdicts(texts, model, null, null).rules).toBeNull();
  });

  it('lists the rules’ false positives by rule and matched term, on negatives only', () => {
    const texts = ['dasar Monyet', 'monyet lucu di kebun binatang', 'itu MONYET', 'monyet!'];
    const labels = [true, false, false, false];
    const v = productVerdicts(texts, model, rulesOnly, null);
    expect(falsePositivesByTerm(texts, labels, v.ruleFindings)).toEqual([
      { ruleId: 'T-SLUR', term: 'monyet', count: 3 },
    ]);
  });
});
