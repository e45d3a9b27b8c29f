/**
 * The span heads of scripts/train-drafts.ts (`--spans personal-data:6`): per category listed, a word
 * tagger (lib/guidelines/model/drafts-spans*.ts) trained on the words of the corpus's excerpts, a
 * draft scored by its best run of k words, measured leave-one-writer-out like the draft and window
 * heads. The words' features are extracted once per category and reused by every fold.
 */

import { scoreDraft } from '../lib/guidelines/model/drafts-model';
import {
  spanDraftScore,
  type TokenSet,
  tokenSet,
  trainSpanHead,
} from '../lib/guidelines/model/drafts-spans-train';
import type { TrainedHead } from '../lib/guidelines/model/drafts-train';
import type { DraftsModel, DraftsSpanSpec } from '../lib/guidelines/model/drafts-types';
import type { QuantisedModel } from '../lib/guidelines/model/train';
import type { Draft } from './train-drafts-corpus';

/** `personal-data:6,misinformation:12` → category → k; `none` → no span head. */
export function parseSpans(value: string, categories: readonly string[]): Map<string, number> {
  const spans = new Map<string, number>();
  if (value === 'none') return spans;
  for (const part of value.split(',')) {
    const [category, k] = part.split(':');
    const run = Number(k);
    if (!category || !categories.includes(category) || !Number.isInteger(run) || run < 1 || run > 64)
      throw new Error(`--spans: CATEGORY:K[,…], K 1-64, or none (${value})`);
    spans.set(category, run);
  }
  return spans;
}

/** How span heads are trained: their features, the tagger's options, and how its rows are chosen. */
export interface SpanTraining {
  spec: Omit<DraftsSpanSpec, 'k'>;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  positiveWeight: number;
  seeds: number;
  keep: number;
  /** Weight of a word of a labelled draft outside every excerpt of the category (0: left out). */
  unplaced: number;
  /** Share of the words of drafts without the category kept as negatives (weighted by its inverse). */
  negativeRate: number;
}

/** Every word of every draft as a tagger row for `category`. */
export const spanTokens = (
  drafts: readonly Draft[],
  category: string,
  labelled: readonly boolean[],
  training: SpanTraining,
): TokenSet =>
  tokenSet(
    drafts.map((d, i) => ({
      text: d.text,
      labelled: labelled[i] as boolean,
      excerpts: d.excerpts.filter((e) => e.category === category).map((e) => e.excerpt),
    })),
    training.spec,
    { unplaced: training.unplaced, negativeRate: training.negativeRate, seed: training.seed },
  );

/** A span head trained on the drafts `keepDraft` selects. */
export const trainSpan = (set: TokenSet, keepDraft: (d: number) => boolean, training: SpanTraining) =>
  trainSpanHead(set, keepDraft, training.spec.hashBits, training);

/**
 * Out-of-fold draft scores of one span head: each fold's drafts scored (best run of each k of `ks`)
 * by a head trained on the other folds' words. `oof[kIndex][draft]`.
 */
export function spanOof(
  set: TokenSet,
  drafts: readonly Draft[],
  foldOf: (writer: string) => string,
  ks: readonly number[],
  training: SpanTraining,
  label: string,
): number[][] {
  const started = performance.now();
  const oof = ks.map(() => new Array<number>(drafts.length).fill(0));
  for (const fold of [...new Set(drafts.map((d) => foldOf(d.writer)))]) {
    const model: QuantisedModel = trainSpan(
      set,
      (i) => foldOf((drafts[i] as Draft).writer) !== fold,
      training,
    );
    drafts.forEach((d, i) => {
      if (foldOf(d.writer) !== fold) return;
      ks.forEach((k, s) => {
        (oof[s] as number[])[i] = spanDraftScore(set, i, model, k);
      });
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    process.stderr.write(`${label} span, left out ${fold}: ${seconds} s\n`);
  }
  return oof;
}

/**
 * Every category's span scores out of fold (0 for a category without a span head, which then never
 * speaks), from `stored` (a `--dump`'s) when given, and the word rows of each span head's category
 * when `rowsNeeded` (to train the shipped head).
 */
export function spanHeads(
  drafts: readonly Draft[],
  categories: readonly string[],
  labels: ReadonlyArray<readonly boolean[]>,
  options: {
    spans: ReadonlyMap<string, number>;
    training: SpanTraining;
    foldOf: (writer: string) => string;
    stored: number[][] | undefined;
    rowsNeeded: boolean;
  },
): { sets: Map<number, TokenSet>; scores: number[][] | null } {
  const sets = new Map<number, TokenSet>();
  if (options.spans.size === 0) return { sets, scores: null };
  const scores = categories.map((category, h) => {
    const k = options.spans.get(category);
    if (k === undefined) return new Array<number>(drafts.length).fill(0);
    const stored = options.stored?.[h];
    if (stored && !options.rowsNeeded) return stored;
    const labelled = labels.map((l) => l[h] as boolean);
    const set = spanTokens(drafts, category, labelled, options.training);
    sets.set(h, set);
    return stored ?? (spanOof(set, drafts, options.foldOf, [k], options.training, category)[0] as number[]);
  });
  return { sets, scores };
}

/** The largest difference between the trainer's score (`expected`) and the decoded file's scorer's. */
export function scorerDrift(
  probe: readonly Draft[],
  heads: readonly TrainedHead[],
  decoded: DraftsModel,
  expected: (head: TrainedHead, i: number) => number,
): number {
  let drift = 0;
  probe.forEach((d, i) => {
    const scores = scoreDraft(d.text, decoded).scores;
    heads.forEach((head, k) => {
      drift = Math.max(drift, Math.abs(expected(head, i) - (scores[k] as number)));
    });
  });
  return drift;
}
