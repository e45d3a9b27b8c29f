/**
 * The window heads of scripts/train-drafts.ts (`--windows sentence:1`): every draft cut into windows
 * (lib/guidelines/model/drafts-windows.ts), each window a training row labelled by the corpus's
 * excerpts, a draft scored by its best window, measured leave-one-writer-out like the draft heads;
 * then, per category, the draft head or the window head by the rule of `chooseUnits`.
 */
import {
  decideShipping,
  type ShipDecision,
  type ShipLimits,
  type ShipRow,
  type ShipRule,
} from '../lib/guidelines/model/drafts-ship';
import {
  type DraftsTrainOptions,
  fileHead,
  predictHead,
  trainHeads,
} from '../lib/guidelines/model/drafts-train';
import type { DraftsFeatureSpec, DraftsWindowSpec } from '../lib/guidelines/model/drafts-types';
import { WINDOW_CUTS } from '../lib/guidelines/model/drafts-types';
import { windowRows, windowTargets } from '../lib/guidelines/model/drafts-windows-train';
import type { LinearModel, SparseRow } from '../lib/guidelines/model/train';
import type { Draft } from './train-drafts-corpus';

/** `sentence:1`, `line:2`, …: how windows are cut and how many units make one. */
export function parseWindowSpec(value: string): DraftsWindowSpec {
  const [cut, span] = value.split(':');
  const spec = { cut, span: Number(span ?? '1') } as DraftsWindowSpec;
  if (!WINDOW_CUTS.includes(spec.cut) || !Number.isInteger(spec.span) || spec.span < 1 || spec.span > 8)
    throw new Error(`--windows: CUT:SPAN, CUT one of ${WINDOW_CUTS.join(', ')}, SPAN 1-8 (${value})`);
  return spec;
}

/** Every window of every draft as a row, with the draft it belongs to and its labels and weights. */
export interface WindowSet {
  rows: SparseRow[];
  owner: number[];
  labels: boolean[][];
  weights: Float64Array[];
}

export function windowSet(
  drafts: readonly Draft[],
  features: DraftsFeatureSpec,
  spec: DraftsWindowSpec,
  categories: readonly string[],
  labels: ReadonlyArray<readonly boolean[]>,
  unplaced: number,
): WindowSet {
  const set: WindowSet = { rows: [], owner: [], labels: [], weights: [] };
  drafts.forEach((d, i) => {
    const { rows, spans } = windowRows(d.text, features, spec);
    const targets = windowTargets(d.text, spans, categories, labels[i] as boolean[], d.excerpts, unplaced);
    rows.forEach((row, k) => {
      set.rows.push(row);
      set.owner.push(i);
      set.labels.push(targets.labels[k] as boolean[]);
      set.weights.push(targets.weights[k] as Float64Array);
    });
  });
  return set;
}

/** How window heads are trained: head count, columns, options and the weights kept per head. */
export interface WindowTraining {
  heads: number;
  size: number;
  options: DraftsTrainOptions;
  keep: number;
}

/** Window heads trained on the windows of the drafts `keepDraft` selects. */
export function trainWindowHeads(
  set: WindowSet,
  keepDraft: (i: number) => boolean,
  training: WindowTraining,
): LinearModel[] {
  const idx = set.owner.flatMap((owner, r) => (keepDraft(owner) ? [r] : []));
  return trainHeads(
    idx.map((r) => set.rows[r] as SparseRow),
    idx.map((r) => set.labels[r] as boolean[]),
    training.heads,
    training.size,
    training.options,
    idx.map((r) => set.weights[r] as Float64Array),
  );
}

/**
 * Out-of-fold draft scores of window heads: each fold's drafts scored (best window) by heads
 * trained on the other folds' windows. `oof[h][draft]`; 0 for a draft without windows.
 */
export function windowOof(
  set: WindowSet,
  drafts: readonly Draft[],
  foldOf: (writer: string) => string,
  training: WindowTraining & { hashBits: number },
): number[][] {
  const started = performance.now();
  const oof = Array.from({ length: training.heads }, () => new Array<number>(drafts.length).fill(0));
  const foldOfDraft = (i: number) => foldOf((drafts[i] as Draft).writer);
  for (const fold of [...new Set(drafts.map((d) => foldOf(d.writer)))]) {
    const models = trainWindowHeads(set, (i) => foldOfDraft(i) !== fold, training).map((m) =>
      fileHead(m, training.keep, training.hashBits),
    );
    set.owner.forEach((owner, r) => {
      if (foldOfDraft(owner) !== fold) return;
      models.forEach((model, h) => {
        const column = oof[h] as number[];
        column[owner] = Math.max(column[owner] as number, predictHead(model, set.rows[r] as SparseRow));
      });
    });
    const n = drafts.filter((d) => foldOf(d.writer) === fold).length;
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    process.stderr.write(`windows, left out ${fold}: ${n} drafts, ${seconds} s\n`);
  }
  return oof;
}

export type HeadUnit = 'draft' | 'window' | 'span';

/**
 * Per category the draft, window or span head, on the drafts the ship decision is made on: among the
 * heads the ship rule accepts (conditions a–c; d runs later over the chosen heads together), the one
 * with the larger gain (a), on a tie the draft head, then the window head; if none, the draft head.
 * Attribution keeps the draft head: most of its labels mark an absence, which has no place in a window
 * or a run of words. A null row: no head of that unit for the category (span heads are per category).
 */
export function chooseUnits(
  categories: readonly string[],
  rowsByUnit: { draft: readonly ShipRow[] } & Partial<Record<HeadUnit, ReadonlyArray<ShipRow | null>>>,
  rule: ShipRule,
  limits: ShipLimits,
): { units: HeadUnit[]; lines: string[] } {
  const alone = { ...limits, maxCleanAll: 1 };
  const order: HeadUnit[] = ['draft', 'window', 'span'];
  const decided = order.flatMap((unit) => {
    const rows = rowsByUnit[unit];
    if (!rows) return [];
    // Each row is decided alone (no condition d here), so the rows present can be decided together.
    const present = rows.flatMap((row) => (row ? [row] : []));
    const decisions = decideShipping(present, rule, alone).decisions;
    return [
      { unit, rows, decisions: rows.map((row) => (row ? decisions[present.indexOf(row)] : undefined)) },
    ];
  });
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
  // Rules ∪ head, precision and recall, from the row's counts.
  const union = (r: ShipRow) => {
    const tp = r.rulesTp + r.addedTp;
    return `${pct(tp / Math.max(1, tp + r.rulesFp + r.addedFp))} ${pct(tp / Math.max(1, r.positives))}`;
  };
  const line = (unit: string, d: ShipDecision, r: ShipRow) =>
    `    ${unit.padEnd(7)}${pct(d.gain)}   ${pct(d.addedPrecision)}   ${String(d.cleanFlagged).padStart(5)}   ${union(r)}   ${d.ship ? 'passes' : `fails ${d.failed.join(',')}`}`;
  const lines = [
    `${decided.map((c) => c.unit).join(', ')} head (a-c alone): unit     gain  added P  clean  rules+head P / R`,
  ];
  const units = categories.map((category, h): HeadUnit => {
    let unit: HeadUnit = 'draft';
    let gain = Number.NEGATIVE_INFINITY;
    const before = lines.length;
    for (const c of decided) {
      const d = c.decisions[h];
      const row = c.rows[h];
      if (!d || !row) continue;
      lines.push(line(c.unit, d, row));
      if (d.ship && d.gain > gain + 1e-12 && (category !== 'attribution' || c.unit === 'draft')) {
        unit = c.unit;
        gain = d.gain;
      }
    }
    lines.splice(before, 0, `  ${category}: ${unit}`);
    return unit;
  });
  return { units, lines };
}
