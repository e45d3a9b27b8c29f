/**
 * Trains the draft classifier: `npm run train:drafts [-- --out FILE] [--dry]`. One logistic head per
 * category (lib/guidelines/model/drafts-*.ts) over the abuse model's hashed word and character
 * features, optionally with structure.ts's structural features, trained on the drafts written apart
 * from the rules (tests/corpus/tuning/*.jsonl) and the held-in drafts (tests/corpus/*.jsonl). The
 * held-out corpus (tests/corpus/independent/) is never read here.
 *
 * Measured leave-one-writer-out: each writer's drafts (tuning batches 1–6, 7–12, 13–18, then every
 * five batches from 19 on; the held-in files as one more writer) are scored by heads trained on the
 * other writers' drafts, with a threshold chosen on the other writers' out-of-fold scores. Printed
 * per category, for all writers and again for the newest writers (`--fresh-from N`, default 114: the
 * batches no rule author had read when they were measured): today's checks (library rules + abuse
 * model), the head alone, and both, with how many clean drafts the head alone flags. Each threshold is
 * chosen on the head's own out-of-fold findings (`--threshold alone`; `union`: with the rules). A head
 * ships where, on the newest writers (`--ship-by fresh`; `all`: every writer, where the rules are
 * in-sample and leave a head less to add), both beat today's checks on recall without losing more
 * precision than recall gained, the head flagging at most 2.5 % of the clean drafts (`--max-clean`). The
 * defaults, with `--rules` as they stood before the newest batches were read (docs/guidelines.md), give
 * the shipped library/src/models/drafts.json: every draft (fixed seed), thresholds on all OOF scores. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { findRepoRoot, loadRuleSources } from '../lib/cli/rule-sources';
import { checkText, compileRules } from '../lib/guidelines';
import { COLLOQUIAL } from '../lib/guidelines/colloquial';
import { draftsChecker, modelCheckers } from '../lib/guidelines/model/checker';
import { DRAFT_FEATURE_TABLES, decodeDraftsModel, scoreDraft } from '../lib/guidelines/model/drafts-model';
import { loadDraftsModel } from '../lib/guidelines/model/drafts-schema';
import {
  type DraftsTrainOptions,
  draftRow,
  draftsModelFile,
  type FileHead,
  featureColumns,
  fileHead,
  pickUnionThreshold,
  predictHead,
  type TrainedHead,
  trainHeads,
} from '../lib/guidelines/model/drafts-train';
import {
  DRAFT_HEAD_CATEGORIES,
  type DraftHeadCategory,
  type DraftsFeatureSpec,
} from '../lib/guidelines/model/drafts-types';
import { normaliseText } from '../lib/guidelines/model/features';
import { STRUCTURE_NAMES } from '../lib/guidelines/model/structure';
import { metrics, pickThreshold, type SparseRow } from '../lib/guidelines/model/train';
import type { AbuseModelFile } from '../lib/guidelines/model/types';
import {
  CORPUS_DIR,
  type CorpusDraft,
  loadCorpus,
  loadIndependentCorpus,
} from '../tests/corpus/evaluate-corpus';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
};
const ROOT = findRepoRoot();
const OUT = resolve(arg('out', join(ROOT, 'library/src/models/drafts.json')));
const SEED = 20_261_130;
// `--structure all` adds every extractor, `--structure a@1,b@1` those; none is what LOWO preferred.
const structureArg = arg('structure', 'none');
const STRUCTURE =
  structureArg === 'none' ? [] : structureArg === 'all' ? [...STRUCTURE_NAMES] : structureArg.split(',');
const FEATURES: DraftsFeatureSpec = {
  hash: 'fnv1a-32',
  hashBits: Number(arg('bits', '15')),
  charMin: Number(arg('char-min', '3')),
  charMax: Number(arg('char-max', '5')),
  ...(STRUCTURE.length > 0 ? { structure: STRUCTURE } : {}),
};
const TRAIN: DraftsTrainOptions = {
  epochs: Number(arg('epochs', '20')),
  learningRate: Number(arg('lr', '0.1')),
  l2: Number(arg('l2', '0.0001')),
  seed: SEED,
  positiveWeight: Number(arg('pos', '2')),
  nbAlpha: Number(arg('nb-alpha', '0')),
};
/** Non-zero weights kept per head (library size: ≤ 150 KB gzipped for the file). */
const KEEP = Number(arg('keep', '6000'));
const MIN_PRECISION = Number(arg('min-precision', '0.7'));
/** Shorter texts are not scored (drafts-types.ts, minWords): their score rests on the bias. */
const MIN_WORDS = Number(arg('min-words', '12'));

// ---- writers: batches 1-18 by three writers of six batches each, then one every five (19-23, …)
const writerOf = (batch: number): string => {
  const from = batch <= 18 ? 1 + 6 * Math.floor((batch - 1) / 6) : 19 + 5 * Math.floor((batch - 19) / 5);
  return `batches ${from}-${from + (batch <= 18 ? 5 : 4)}`;
};
/** The newer writers: honest for the rules only while their authors have not read those batches. */
const FRESH_FROM = Number(arg('fresh-from', '114'));
const isFresh = (writer: string): boolean => Number(/^batches (\d+)/.exec(writer)?.[1] ?? 0) >= FRESH_FROM;
interface Draft extends CorpusDraft {
  writer: string;
}
/** `--corpus DIR`: a copy of tests/corpus (its *.jsonl and tuning/) to compare settings on one snapshot. */
const corpusDir = resolve(arg('corpus', CORPUS_DIR));
const tuningDir = join(corpusDir, 'tuning');
const tuning = loadIndependentCorpus(tuningDir);
const drafts: Draft[] = [];
{
  let next = 0;
  for (const name of tuning.files) {
    const lines = readFileSync(join(tuningDir, name), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '').length;
    const batch = Number(/(\d+)/.exec(name)?.[1] ?? 0);
    for (const draft of tuning.drafts.slice(next, next + lines))
      drafts.push({ ...draft, writer: writerOf(batch) });
    next += lines;
  }
}
for (const draft of loadCorpus(corpusDir)) drafts.push({ ...draft, writer: 'held-in' });
const writers = [...new Set(drafts.map((d) => d.writer))];
const categories = DRAFT_HEAD_CATEGORIES;
const labels = drafts.map((d) => categories.map((c) => d.expected_categories.includes(c)));
const clean = drafts.map((d) => d.expected_categories.length === 0);

// ---- today's checks: the library's rules with the abuse model, as admins get them
const abuseFile = JSON.parse(
  readFileSync(join(ROOT, 'library/src/models/abuse.json'), 'utf8'),
) as AbuseModelFile;
// `--rules DIR`: another copy of the rules (a committed snapshot while the tree's YAML is being edited).
const today = compileRules(loadRuleSources(resolve(arg('rules', join(ROOT, 'library/src/guidelines')))), {
  colloquial: COLLOQUIAL,
  checkers: modelCheckers({ abuse: abuseFile }),
});
// `--rules-cache FILE` keeps today's verdicts between runs, to compare settings against one rule set.
const rulesCache = arg('rules-cache', '');
const stored: boolean[][] | null =
  rulesCache && existsSync(rulesCache) ? (JSON.parse(readFileSync(rulesCache, 'utf8')) as boolean[][]) : null;
const cached = stored?.length === drafts.length ? stored : null;
const ruleFound =
  cached ??
  drafts.map((d) => {
    const found = new Set(
      checkText(today, d.text, {
        platform: d.platform,
        field: d.field ?? 'caption',
        lang: 'id',
      }).findings.map((f) => f.category as string),
    );
    return categories.map((c) => found.has(c));
  });
if (rulesCache && !cached) writeFileSync(rulesCache, JSON.stringify(ruleFound));

// ---- leave one writer out
const started = performance.now();
const size = featureColumns(FEATURES);
const rows: SparseRow[] = drafts.map((d) => draftRow(d.text, FEATURES));
const oof = categories.map(() => new Array<number>(drafts.length).fill(0));
for (const writer of writers) {
  const trainIdx = drafts.flatMap((d, i) => (d.writer === writer ? [] : [i]));
  const models = trainHeads(
    trainIdx.map((i) => rows[i] as SparseRow),
    trainIdx.map((i) => labels[i] as boolean[]),
    categories.length,
    size,
    TRAIN,
  ).map((m) => fileHead(m, KEEP, FEATURES.hashBits));
  drafts.forEach((d, i) => {
    if (d.writer !== writer) return;
    models.forEach((model, h) => {
      (oof[h] as number[])[i] = predictHead(model, rows[i] as SparseRow);
    });
  });
  process.stderr.write(`left out ${writer}: ${drafts.length - trainIdx.length} drafts\n`);
}
// The product does not score texts under MIN_WORDS words: neither do these figures.
drafts.forEach((d, i) => {
  if (normaliseText(d.text, DRAFT_FEATURE_TABLES).length >= MIN_WORDS) return;
  for (const column of oof) column[i] = 0;
});
// `--dump FILE`: the out-of-fold scores with labels, verdicts and writers, to study thresholds offline.
const dump = arg('dump', '');
if (dump)
  writeFileSync(
    dump,
    JSON.stringify({ categories, writers: drafts.map((d) => d.writer), labels, clean, ruleFound, oof }),
  );
/**
 * A head's threshold, chosen on the drafts `among` selects (never the writer being scored): `alone`
 * (pickUnionThreshold without rules) the head's best F1, its findings at MIN_PRECISION, flagging at most
 * MAX_CLEAN_FLAGGED of the clean drafts; `union` the same with today's checks (rules tuned on these
 * drafts push it up more than unread text would); `marginal` where today's checks are silent.
 */
const THRESHOLD = arg('threshold', 'alone');
const MAX_CLEAN_FLAGGED = Number(arg('max-clean', '0.025')); // share of clean drafts a head may flag
function chooseThreshold(h: number, among: (i: number) => boolean): number {
  const idx = drafts.flatMap((_, i) => (among(i) ? [i] : []));
  const scores = idx.map((i) => (oof[h] as number[])[i] as number);
  const column = idx.map((i) => (labels[i] as boolean[])[h] as boolean);
  const rules = idx.map((i) => (ruleFound[i] as boolean[])[h] as boolean);
  if (THRESHOLD === 'union' || THRESHOLD === 'alone')
    return Math.min(
      0.999,
      pickUnionThreshold(
        scores,
        column,
        THRESHOLD === 'alone' ? rules.map(() => false) : rules,
        idx.map((i) => clean[i] as boolean),
        { minPrecision: MIN_PRECISION, maxClean: MAX_CLEAN_FLAGGED },
      ),
    );
  // Only what the head adds counts: drafts where today's checks already report the category
  // are left out of the choice, so the threshold holds the precision of the head's new findings.
  const silent = rules.flatMap((r, k) => (r ? [] : [k]));
  return pickThreshold(
    silent.map((k) => scores[k] as number),
    silent.map((k) => column[k] as boolean),
    MIN_PRECISION,
  );
}
// Each writer's verdicts use a threshold chosen without that writer (nested), so the figures below
// do not reward a threshold fitted to the drafts it is scored on.
const modelSays = categories.map((_, h) => {
  const says = new Array<boolean>(drafts.length).fill(false);
  for (const writer of writers) {
    const t = chooseThreshold(h, (i) => (drafts[i] as Draft).writer !== writer);
    drafts.forEach((d, i) => {
      if (d.writer === writer) says[i] = ((oof[h] as number[])[i] as number) >= t;
    });
  }
  return says;
});
// The shipped thresholds, on all out-of-fold scores; 0.999 ("never") for a head that would not speak.
const finalThresholds = categories.map((_, h) => chooseThreshold(h, () => true));

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
const pr = (m: { precision: number; recall: number }) => `${pct(m.precision)} ${pct(m.recall)}`;
console.log(
  `${drafts.length} drafts (${clean.filter(Boolean).length} clean) by ${writers.length} writers: ${writers.join('; ')}`,
);
console.log(
  `features ${JSON.stringify({ ...FEATURES, structure: STRUCTURE.length })}, ${JSON.stringify(TRAIN)}, keep ${KEEP}, head precision >= ${MIN_PRECISION}, texts of ${MIN_WORDS}+ words`,
);
/** Prints the leave-one-writer-out table over the drafts `within` selects; returns what ships by it. */
function table(title: string, within: (i: number) => boolean) {
  const pick = <T>(xs: readonly T[]) => xs.filter((_, i) => within(i));
  const cleanCount = pick(clean).filter(Boolean).length;
  console.log(
    `\nLeave-one-writer-out, ${title}: ${pick(drafts).length} drafts, ${cleanCount} clean (P / R):`,
  );
  console.log(
    'category           drafts  today (rules+abuse)    head alone    today ∪ head   clean flagged  ship',
  );
  const evaluation: Record<string, unknown> = {};
  const shipped: DraftHeadCategory[] = [];
  categories.forEach((category, h) => {
    const column = pick(labels.map((l) => l[h] as boolean));
    const rules = pick(ruleFound.map((r) => r[h] as boolean));
    const head = pick(modelSays[h] as boolean[]);
    const union = rules.map((r, i) => r || (head[i] as boolean));
    const mr = metrics(rules, column);
    const mh = metrics(head, column);
    const mu = metrics(union, column);
    // A head is silent where today's checks report its category: only its own findings count.
    const cleanFlagged = head.filter((x, i) => x && pick(clean)[i] && !rules[i]).length;
    const gain = mu.recall - mr.recall;
    const loss = mr.precision - mu.precision;
    const ship =
      gain > 0 &&
      loss <= gain &&
      cleanFlagged <= MAX_CLEAN_FLAGGED * cleanCount &&
      (finalThresholds[h] as number) < 0.999;
    if (ship) shipped.push(category);
    evaluation[category] = {
      positives: mu.tp + mu.fn,
      today: { precision: +mr.precision.toFixed(3), recall: +mr.recall.toFixed(3) },
      head: { precision: +mh.precision.toFixed(3), recall: +mh.recall.toFixed(3) },
      union: { precision: +mu.precision.toFixed(3), recall: +mu.recall.toFixed(3) },
      cleanFlagged,
      shipped: ship,
    };
    console.log(
      `${category.padEnd(18)}${String(mu.tp + mu.fn).padStart(7)}  ${pr(mr)}          ${pr(mh)}   ${pr(mu)}   ${String(cleanFlagged).padStart(13)}  ${ship ? 'yes' : 'no'}`,
    );
  });
  const all = (predict: (h: number, i: number) => boolean) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    categories.forEach((_, h) => {
      drafts.forEach((_, i) => {
        if (!within(i)) return;
        const y = (labels[i] as boolean[])[h] as boolean;
        const p = predict(h, i);
        if (p && y) tp += 1;
        else if (p) fp += 1;
        else if (y) fn += 1;
      });
    });
    return { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) };
  };
  return { shipped, evaluation, all, cleanCount };
}

const overall = table('all writers', () => true);
const freshWriters = writers.filter(isFresh);
const fresh =
  freshWriters.length > 0
    ? table(`the newer writers (${freshWriters.join('; ')})`, (i) => isFresh((drafts[i] as Draft).writer))
    : null;
const shipBy = arg('ship-by', 'fresh');
if (shipBy !== 'all' && (shipBy !== 'fresh' || !fresh))
  throw new Error(`--ship-by: all, or fresh with writers from --fresh-from on (${shipBy})`);
const chosen = shipBy === 'fresh' && fresh ? fresh : overall;
const { shipped } = chosen;
const isShipped = (h: number) => shipped.includes(categories[h] as DraftHeadCategory);
const says = (h: number, i: number) => ((modelSays[h] as boolean[])[i] as boolean) && isShipped(h);
const ruled = (h: number, i: number) => (ruleFound[i] as boolean[])[h] as boolean;
for (const [name, t] of [
  ['all writers', overall],
  ['new writers', fresh],
] as const) {
  if (!t) continue;
  const rulesAll = t.all(ruled);
  const unionAll = t.all((h, i) => ruled(h, i) || says(h, i));
  const cleanAny = drafts.filter(
    (d, i) =>
      clean[i] &&
      (name === 'all writers' || isFresh(d.writer)) &&
      categories.some((_, h) => says(h, i) && !ruled(h, i)),
  ).length;
  console.log(
    `SUMMARY ${name} shipped=${shipped.join(',')} today=${pr(rulesAll)} union=${pr(unionAll)} clean=${cleanAny}/${t.cleanCount}`,
  );
}

// ---- the shipped heads: every draft, thresholds on all out-of-fold scores
const finalModels = trainHeads(rows, labels, categories.length, size, TRAIN);
const heads: TrainedHead[] = shipped.map((category) => {
  const h = categories.indexOf(category);
  const model = fileHead(finalModels[h] as (typeof finalModels)[number], KEEP, FEATURES.hashBits);
  return { category, ...model, threshold: finalThresholds[h] as number };
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
    method: `leave-one-writer-out over ${writers.length} writers; each writer scored with a threshold chosen on the others' out-of-fold scores (${THRESHOLD}: best F1 of today's checks with the head, the head's own findings at precision >= ${MIN_PRECISION}, <= ${MAX_CLEAN_FLAGGED * 100}% of clean drafts flagged); "today" is the library rules with the abuse model; heads shipped by ${chosen === overall ? 'all writers' : `the newer writers (from batch ${FRESH_FROM}, unread by the rules' authors)`}`,
    features: FEATURES,
    training: { ...TRAIN, keep: KEEP },
    categories: chosen.evaluation,
    ...(fresh ? { newWriters: { writers: freshWriters, categories: fresh.evaluation } } : {}),
    ...(chosen === overall ? {} : { allWriters: overall.evaluation }),
  },
});
// The written file, read back through the schema and decoded, must give the trainer's scores.
const json = `${JSON.stringify(file)}\n`;
const decoded = loadDraftsModel(JSON.parse(json));
const probe = drafts.slice(0, 50);
const drift = Math.max(
  0,
  ...probe.flatMap((d, i) =>
    heads.map((head, k) => {
      const expected = predictHead(head as FileHead, rows[i] as SparseRow);
      return Math.abs(expected - (scoreDraft(d.text, decoded).scores[k] as number));
    }),
  ),
);
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
  // What the heads add per caption in the composer: every draft checked three times, the time scaled
  // to 400 characters (the whole checker: one feature pass, and drivers for the heads that fire).
  const check = draftsChecker(decoded);
  const context = { platform: 'facebook', field: 'caption', lang: 'id' } as const;
  const characters = drafts.reduce((sum, d) => sum + d.text.length, 0);
  for (const d of drafts) check(d.text, context);
  const begun = performance.now();
  for (let round = 0; round < 3; round += 1) for (const d of drafts) check(d.text, context);
  const perCaption = ((performance.now() - begun) / 3 / characters) * 400;
  console.log(
    `draft heads: ${perCaption.toFixed(3)} ms per 400 characters (${drafts.length} drafts, ${characters} characters, 3 rounds)`,
  );
  const memory = decodeDraftsModel(file).weights.byteLength;
  console.log(
    `wrote ${OUT}: ${(json.length / 1024).toFixed(0)} KB, ${(gzipSync(json).length / 1024).toFixed(0)} KB gzipped; ` +
      `decoded weights ${(memory / 1024).toFixed(0)} KB; ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
