/**
 * Trains the draft classifier: `npm run train:drafts [-- --out FILE] [--dry]`. One logistic head per
 * category (lib/guidelines/model/drafts-*.ts) over hashed word and character features (options:
 * train-drafts-options.ts), trained on the drafts of train-drafts-corpus.ts, measured
 * leave-one-writer-out: each writer's drafts are scored by heads trained on the others', with a
 * threshold chosen on the others' out-of-fold scores (`--threshold`, drafts-lowo.ts). `--windows
 * CUT:SPAN` trains window heads too (train-drafts-windows.ts) and each category takes the better.
 * Printed per category, for all writers and for the newest writers (`--fresh-from N`: batches no rule
 * author had read): today's checks (rules + abuse model), the head alone, both, the clean drafts the
 * head flags. The heads that ship are decided on the newest writers (`--ship-by fresh`; `all`: every
 * writer) by `--ship-rule` (drafts-ship.ts). Whatever a run writes, `--dump` and `--oof` reproduce it
 * from the same out-of-fold scores; docs/guidelines.md says which command gave the shipped file. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  microAverage,
  shipLines,
  shipRow,
  THRESHOLD_POLICIES,
  type ThresholdPolicy,
} from '../lib/guidelines/model/drafts-lowo';
import { DRAFT_FEATURE_TABLES } from '../lib/guidelines/model/drafts-model';
import { loadDraftsModel } from '../lib/guidelines/model/drafts-schema';
import { decideShipping, type ShipDecision } from '../lib/guidelines/model/drafts-ship';
import { spanDraftScore } from '../lib/guidelines/model/drafts-spans-train';
import {
  draftRow,
  draftsModelFile,
  type FileHead,
  featureColumns,
  fileHead,
  predictHead,
  type TrainedHead,
  trainBagged,
} from '../lib/guidelines/model/drafts-train';
import { DRAFT_HEAD_CATEGORIES, type DraftHeadCategory } from '../lib/guidelines/model/drafts-types';
import { normaliseText } from '../lib/guidelines/model/features';
import { metrics, type SparseRow } from '../lib/guidelines/model/train';
import { CORPUS_DIR } from '../tests/corpus/evaluate-corpus';
import { budgetLines } from './train-drafts-budget';
import { type Draft, loadWriterDrafts, todaysVerdicts } from './train-drafts-corpus';
import {
  arg,
  FEATURES,
  FRESH_FROM,
  isFresh,
  KEEP,
  MIN_PRECISION,
  MIN_WORDS,
  OUT,
  ROOT,
  SEEDS,
  SHIP_LIMITS,
  SHIP_RULE,
  SPAN_TRAIN,
  SPANS,
  STACK,
  STRUCTURE,
  TRAIN,
  UNPLACED,
  WINDOW_TRAIN,
} from './train-drafts-options';
import { scorerDrift, spanHeads, trainSpan } from './train-drafts-spans-lowo';
import { lowoVerdicts } from './train-drafts-verdicts';
import { chooseUnits, type HeadUnit, trainWindowHeads, windowOof, windowSet } from './train-drafts-windows';

/** `--corpus DIR`: a copy of tests/corpus (its *.jsonl and tuning/) to compare settings on one snapshot. */
const drafts = loadWriterDrafts(resolve(arg('corpus', CORPUS_DIR)));
const writers = [...new Set(drafts.map((d) => d.writer))];
const categories = DRAFT_HEAD_CATEGORIES;
const labels = drafts.map((d) => categories.map((c) => d.expected_categories.includes(c)));
const clean = drafts.map((d) => d.expected_categories.length === 0);
// ---- today's checks: the library's rules with the abuse model, as admins get them
// `--rules DIR`: another copy of the rules (a committed snapshot while the tree's YAML is being edited);
// `--rules-cache FILE` keeps today's verdicts between runs, to compare settings against one rule set.
const ruleFound = todaysVerdicts(drafts, categories, {
  abuseFile: join(ROOT, 'library/src/models/abuse.json'),
  rulesDir: resolve(arg('rules', join(ROOT, 'library/src/guidelines'))),
  cache: arg('rules-cache', ''),
});
// ---- leave one writer out
const started = performance.now();
const size = featureColumns(FEATURES) + (STACK ? categories.length : 0);
// `--oof FILE` (a `--dump` of a run with the same corpus and training options): its out-of-fold
// scores instead of training again, to compare thresholds and ship rules in seconds.
const oofFile = arg('oof', '');
const DRY = process.argv.includes('--dry');
// A dry run from dumped scores trains nothing: no rows.
const rows: SparseRow[] = (oofFile && DRY ? [] : drafts).map((d, i) => {
  const row = draftRow(d.text, FEATURES);
  if (STACK)
    (ruleFound[i] as boolean[]).forEach((found, k) => {
      if (!found) return;
      row.buckets.push(size - categories.length + k);
      row.values.push(1);
    });
  return row;
});
const train = (idx: readonly number[]) =>
  trainBagged(
    idx.map((i) => rows[i] as SparseRow),
    idx.map((i) => labels[i] as boolean[]),
    categories.length,
    size,
    TRAIN,
    SEEDS,
  );
const stored = oofFile
  ? (JSON.parse(readFileSync(oofFile, 'utf8')) as {
      oof: number[][];
      windowOof?: number[][];
      spanOof?: number[][];
    })
  : null;
const oof: number[][] = stored?.oof ?? categories.map(() => new Array<number>(drafts.length).fill(0));
if (oof.length !== categories.length || oof[0]?.length !== drafts.length)
  throw new Error(`--oof ${oofFile}: not this corpus's out-of-fold scores`);
// `--old-folds K`: for quick comparisons, the writers before --fresh-from left out K groups at a time
// (round robin) rather than one by one; each newer writer is still left out alone.
const OLD_FOLDS = Number(arg('old-folds', '0'));
const foldOf = (writer: string): string => {
  const older = writers.filter((w) => !isFresh(w));
  return OLD_FOLDS > 0 && !isFresh(writer) ? `older group ${older.indexOf(writer) % OLD_FOLDS}` : writer;
};
if (!oofFile)
  for (const fold of [...new Set(writers.map(foldOf))]) {
    const trainIdx = drafts.flatMap((d, i) => (foldOf(d.writer) === fold ? [] : [i]));
    const models = train(trainIdx).map((m) => fileHead(m, KEEP, FEATURES.hashBits));
    drafts.forEach((d, i) => {
      if (foldOf(d.writer) !== fold) return;
      models.forEach((model, h) => {
        (oof[h] as number[])[i] = predictHead(model, rows[i] as SparseRow);
      });
    });
    process.stderr.write(
      `left out ${fold}: ${drafts.length - trainIdx.length} drafts, ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
    );
  }
// Window heads (`--windows`): their rows, and their out-of-fold scores (from `--oof` when it has them).
const storedWindowOof = stored?.windowOof;
const windows =
  FEATURES.window && !(storedWindowOof && DRY)
    ? windowSet(drafts, FEATURES, FEATURES.window, categories, labels, UNPLACED)
    : null;
const windowHeads = { heads: categories.length, size, options: WINDOW_TRAIN, keep: KEEP };
const windowScores: number[][] | null = windows
  ? (storedWindowOof ?? windowOof(windows, drafts, foldOf, { ...windowHeads, hashBits: FEATURES.hashBits }))
  : (storedWindowOof ?? null);
// Span heads (`--spans`): their word rows and out-of-fold scores (from `--oof` when it has them).
const { sets: spanSets, scores: spanScores } = spanHeads(drafts, categories, labels, {
  spans: SPANS,
  training: SPAN_TRAIN,
  foldOf,
  stored: stored?.spanOof,
  rowsNeeded: !DRY || !stored?.spanOof,
});
// The product does not score texts under MIN_WORDS words: neither do these figures.
drafts.forEach((d, i) => {
  if (normaliseText(d.text, DRAFT_FEATURE_TABLES).length >= MIN_WORDS) return;
  for (const column of [...oof, ...(windowScores ?? []), ...(spanScores ?? [])]) column[i] = 0;
});
// `--dump FILE`: the out-of-fold scores with labels, verdicts and writers, to study thresholds offline.
const dump = arg('dump', '');
if (dump)
  writeFileSync(
    dump,
    JSON.stringify({
      categories,
      writers: drafts.map((d) => d.writer),
      labels,
      clean,
      ruleFound,
      oof,
      ...(windowScores ? { windowOof: windowScores } : {}),
      ...(spanScores ? { spanOof: spanScores } : {}),
    }),
  );
/** A head's threshold (drafts-lowo.ts, `--threshold`), chosen on the drafts `among` selects. */
const THRESHOLD = arg('threshold', 'alone') as ThresholdPolicy;
if (!THRESHOLD_POLICIES.includes(THRESHOLD))
  throw new Error(`--threshold: one of ${THRESHOLD_POLICIES.join(', ')}`);
const MAX_CLEAN_FLAGGED = SHIP_LIMITS.maxClean; // share of clean drafts a head may flag
const columns = { writers: drafts.map((d) => d.writer), labels, ruleFound, clean };
const verdictsOf = (scores: number[][]) =>
  lowoVerdicts(scores, columns, THRESHOLD, { minPrecision: MIN_PRECISION, maxClean: MAX_CLEAN_FLAGGED });
const byDraft = verdictsOf(oof);
const byWindow = windowScores ? verdictsOf(windowScores) : null;
const bySpan = spanScores ? verdictsOf(spanScores) : null;
const shipBy = arg('ship-by', 'fresh');
const judged = (i: number) => shipBy === 'all' || isFresh((drafts[i] as Draft).writer);
/** The ship rule's row per category over the drafts `idx`, for heads saying `says` at `thresholds`. */
const shipRowsOf = (idx: number[], says: boolean[][], thresholds: readonly number[]) =>
  categories.map((category, h) =>
    shipRow(
      category,
      idx,
      {
        labels: labels.map((l) => l[h] as boolean),
        rules: ruleFound.map((r) => r[h] as boolean),
        head: says[h] as boolean[],
        clean,
      },
      (thresholds[h] as number) < 0.999,
    ),
  );
const rowsOf = (v: typeof byDraft) => {
  const idx = drafts.flatMap((_, i) => (judged(i) ? [i] : []));
  return { rows: shipRowsOf(idx, v.says, v.thresholds), cleanTotal: idx.filter((i) => clean[i]).length };
};
// Per category the draft, window or span head, by chooseUnits' rule on the drafts judged.
const units: HeadUnit[] = categories.map(() => 'draft');
if (byWindow || bySpan) {
  const d = rowsOf(byDraft);
  const rowsByUnit = {
    draft: d.rows,
    ...(byWindow ? { window: rowsOf(byWindow).rows } : {}),
    ...(bySpan ? { span: rowsOf(bySpan).rows.map((row) => (SPANS.has(row.category) ? row : null)) } : {}),
  };
  const chosenUnits = chooseUnits(categories, rowsByUnit, SHIP_RULE, {
    ...SHIP_LIMITS,
    cleanTotal: d.cleanTotal,
  });
  chosenUnits.units.forEach((u, h) => {
    units[h] = u;
  });
  console.log(chosenUnits.lines.join('\n'));
}
const pickUnit = <T>(h: number, get: (v: typeof byDraft) => T): T =>
  get((units[h] === 'window' ? byWindow : units[h] === 'span' ? bySpan : null) ?? byDraft);
const modelSays = categories.map((_, h) => pickUnit(h, (v) => v.says[h] as boolean[]));
const finalThresholds = categories.map((_, h) => pickUnit(h, (v) => v.thresholds[h] as number));

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
const pr = (m: { precision: number; recall: number }) => `${pct(m.precision)} ${pct(m.recall)}`;
console.log(
  `${drafts.length} drafts (${clean.filter(Boolean).length} clean) by ${writers.length} writers: ${writers.join('; ')}`,
);
console.log(
  `features ${JSON.stringify({ ...FEATURES, structure: STRUCTURE.length })}, ${JSON.stringify(TRAIN)}, keep ${KEEP}, head precision >= ${MIN_PRECISION}, texts of ${MIN_WORDS}+ words`,
);
console.log(
  `threshold ${THRESHOLD}, ship rule ${SHIP_RULE} ${JSON.stringify(SHIP_LIMITS)}${SEEDS > 1 ? `, ${SEEDS} seeds` : ''}${STACK ? ', rules stacked' : ''}`,
);
/** Prints the leave-one-writer-out table over the drafts `within` selects; returns what ships by it. */
function table(title: string, within: (i: number) => boolean) {
  const pick = <T>(xs: readonly T[]) => xs.filter((_, i) => within(i));
  const idx = drafts.flatMap((_, i) => (within(i) ? [i] : []));
  const cleanCount = pick(clean).filter(Boolean).length;
  console.log(
    `\nLeave-one-writer-out, ${title}: ${pick(drafts).length} drafts, ${cleanCount} clean (P / R):`,
  );
  const shipRows = shipRowsOf(idx, modelSays, finalThresholds);
  const decision = decideShipping(shipRows, SHIP_RULE, { ...SHIP_LIMITS, cleanTotal: cleanCount });
  console.log(
    'category           drafts  today (rules+abuse)    head alone    today ∪ head   clean flagged  ship',
  );
  const evaluation: Record<string, unknown> = {};
  categories.forEach((category, h) => {
    const column = pick(labels.map((l) => l[h] as boolean));
    const rules = pick(ruleFound.map((r) => r[h] as boolean));
    const head = pick(modelSays[h] as boolean[]);
    const union = rules.map((r, i) => r || (head[i] as boolean));
    const mr = metrics(rules, column);
    const mh = metrics(head, column);
    const mu = metrics(union, column);
    const d = decision.decisions[h] as ShipDecision;
    evaluation[category] = {
      positives: mu.tp + mu.fn,
      today: { precision: +mr.precision.toFixed(3), recall: +mr.recall.toFixed(3) },
      head: { precision: +mh.precision.toFixed(3), recall: +mh.recall.toFixed(3) },
      union: { precision: +mu.precision.toFixed(3), recall: +mu.recall.toFixed(3) },
      cleanFlagged: d.cleanFlagged,
      shipped: d.ship,
    };
    console.log(
      `${category.padEnd(18)}${String(mu.tp + mu.fn).padStart(7)}  ${pr(mr)}          ${pr(mh)}   ${pr(mu)}   ${String(d.cleanFlagged).padStart(13)}  ${d.ship ? 'yes' : 'no'}`,
    );
  });
  for (const line of shipLines(decision, SHIP_RULE, cleanCount)) console.log(line);
  const all = (predict: (h: number, i: number) => boolean) =>
    microAverage(categories.length, idx, (h, i) => (labels[i] as boolean[])[h] as boolean, predict);
  return { shipped: decision.shipped as DraftHeadCategory[], evaluation, all, cleanCount };
}

const overall = table('all writers', () => true);
const freshWriters = writers.filter(isFresh);
const fresh =
  freshWriters.length > 0
    ? table(`the newer writers (${freshWriters.join('; ')})`, (i) => isFresh((drafts[i] as Draft).writer))
    : null;
if (shipBy !== 'all' && (shipBy !== 'fresh' || !fresh))
  throw new Error(`--ship-by: all, or fresh with writers from --fresh-from on (${shipBy})`);
const chosen = shipBy === 'fresh' && fresh ? fresh : overall;
const { shipped } = chosen;
const isShipped = (h: number) => shipped.includes(categories[h] as DraftHeadCategory);
const says = (h: number, i: number) => ((modelSays[h] as boolean[])[i] as boolean) && isShipped(h);
const ruled = (h: number, i: number) => (ruleFound[i] as boolean[])[h] as boolean;
for (const t of [overall, fresh]) {
  if (!t) continue;
  const name = t === overall ? 'all writers' : 'new writers';
  const within = (i: number) => t === overall || isFresh((drafts[i] as Draft).writer);
  const cleanAny = drafts.filter(
    (_, i) => clean[i] && within(i) && categories.some((_, h) => says(h, i) && !ruled(h, i)),
  ).length;
  const unionAll = t.all((h, i) => ruled(h, i) || says(h, i));
  console.log(
    `SUMMARY ${name} shipped=${shipped.join(',')} today=${pr(t.all(ruled))} union=${pr(unionAll)} clean=${cleanAny}/${t.cleanCount}`,
  );
}

// ---- the shipped heads: every draft, thresholds on all out-of-fold scores
if ((oofFile || OLD_FOLDS > 0) && DRY) {
  console.log(`\nThresholds: ${categories.map((c, h) => `${c} @ ${finalThresholds[h]}`).join(', ')}`);
  process.exit(0);
}
if (STACK && !process.argv.includes('--dry'))
  throw new Error('--stack is an experiment: the scorer cannot stack the rules yet (use --dry)');
const finalModels = train(drafts.map((_, i) => i));
const windowed = shipped.some((category) => units[categories.indexOf(category)] === 'window');
const windowModels = windowed && windows ? trainWindowHeads(windows, () => true, windowHeads) : null;
const heads: TrainedHead[] = shipped.map((category) => {
  const h = categories.indexOf(category);
  const spanSet = units[h] === 'span' ? spanSets.get(h) : undefined;
  if (spanSet) {
    const span = { ...SPAN_TRAIN.spec, k: SPANS.get(category) as number };
    const model = trainSpan(spanSet, () => true, SPAN_TRAIN);
    return { category, model, threshold: finalThresholds[h] as number, unit: 'span', span };
  }
  const window = units[h] === 'window' && windowModels;
  const trained = (window ? windowModels : finalModels)[h] as (typeof finalModels)[number];
  const model = fileHead(trained, KEEP, FEATURES.hashBits);
  return {
    category,
    ...model,
    threshold: finalThresholds[h] as number,
    ...(window ? { unit: 'window' } : {}),
  };
});
const file = draftsModelFile(heads, FEATURES, MIN_WORDS, {
  id: 'drafts-kalbar-tuning',
  trainedAt: new Date().toISOString(),
  dataset: {
    name: 'Satu Pintu tuning corpus (drafts written apart from the rules) and held-in drafts',
    source: 'tests/corpus/tuning/*.jsonl, tests/corpus/drafts.jsonl, tests/corpus/reference-drafts.jsonl',
    drafts: drafts.length,
    writers: writers.length,
  },
  evaluation: {
    method: `leave-one-writer-out over ${writers.length} writers; each writer scored with a threshold chosen on the others' out-of-fold scores (${THRESHOLD}, precision >= ${MIN_PRECISION}, <= ${MAX_CLEAN_FLAGGED * 100}% of clean drafts flagged); "today" is the library rules with the abuse model; heads shipped by the ${SHIP_RULE} rule ${JSON.stringify(SHIP_LIMITS)} on ${chosen === overall ? 'all writers' : `the newer writers (from batch ${FRESH_FROM}, unread by the rules' authors)`}`,
    features: FEATURES,
    training: { ...TRAIN, keep: KEEP, ...(SEEDS > 1 ? { seeds: SEEDS } : {}) },
    categories: chosen.evaluation,
    ...(fresh ? { newWriters: { writers: freshWriters, categories: fresh.evaluation } } : {}),
    ...(chosen === overall ? {} : { allWriters: overall.evaluation }),
  },
});
// The written file, read back through the schema and decoded, must give the trainer's scores.
const json = `${JSON.stringify(file)}\n`;
const decoded = loadDraftsModel(JSON.parse(json));
const probe = drafts.slice(0, 50);
const drift = scorerDrift(probe, heads, decoded, (head, i) => {
  // A window head's score is its best window's (the trainer's window rows of this draft); a span
  // head's its best run of words (the trainer's word rows of this draft).
  const spanSet = head.span && spanSets.get(categories.indexOf(head.category));
  if (head.span && spanSet) return spanDraftScore(spanSet, i, head.model, head.span.k);
  const own =
    head.unit === 'window' ? (windows?.rows ?? []).filter((_, r) => windows?.owner[r] === i) : [rows[i]];
  return Math.max(...own.map((row) => predictHead(head as FileHead, row as SparseRow)));
});
console.log(
  `\nShipped heads: ${heads.map((h) => `${h.category} @ ${h.threshold}`).join(', ') || 'none'}; ` +
    `scorer vs trainer max difference ${drift.toExponential(1)}`,
);
if (process.argv.includes('--dry')) {
  console.log(`(dry run: ${OUT} not written)`);
} else if (heads.length === 0) {
  console.log('no head beats today’s checks: no file written');
} else {
  writeFileSync(OUT, json);
  console.log(`wrote ${OUT}; ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
// `--budget`: the size and speed budget of the file even on a dry run.
if (heads.length > 0 && (!process.argv.includes('--dry') || process.argv.includes('--budget')))
  for (const line of budgetLines(
    file,
    decoded,
    drafts.map((d) => d.text),
  ))
    console.log(line);
