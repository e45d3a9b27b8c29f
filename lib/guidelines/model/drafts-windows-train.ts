/**
 * Training rows for the draft classifier's window heads (scripts/train-drafts.ts): each window of a
 * draft (drafts-windows.ts) is one row with the features the scorer sums for it, labelled by where
 * the corpus says each problem is (an expected finding's `excerpt`). Pure and seeded like
 * drafts-train.ts.
 */
import { DRAFT_FEATURE_TABLES } from './drafts-model';
import { scaledRow } from './drafts-train';
import type { DraftsFeatureSpec, DraftsWindowSpec } from './drafts-types';
import { windowRanges, windowSpan } from './drafts-windows';
import { normaliseText } from './features';
import type { SparseRow } from './train';

/**
 * The windows of a draft as rows: each window's features exactly as if its words were the whole text
 * (bigrams within the window only), scaled by 1/√n of the window, and its span in the text.
 */
export function windowRows(
  text: string,
  features: DraftsFeatureSpec,
  spec: DraftsWindowSpec,
): { rows: SparseRow[]; spans: { start: number; end: number }[] } {
  const words = normaliseText(text, DRAFT_FEATURE_TABLES);
  const ranges = windowRanges(text, words, spec);
  const rows: SparseRow[] = [];
  const spans: { start: number; end: number }[] = [];
  for (let k = 0; k < ranges.length; k += 2) {
    rows.push(scaledRow(words.slice(ranges[k], ranges[k + 1]), features, false));
    spans.push(windowSpan(words, ranges[k] as number, ranges[k + 1] as number));
  }
  return { rows, spans };
}

/** Every place of `excerpt` in `text`, as [start, end) (none for ""). */
export function excerptPlaces(text: string, excerpt: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (excerpt === '') return out;
  for (let at = text.indexOf(excerpt); at >= 0; at = text.indexOf(excerpt, at + 1))
    out.push({ start: at, end: at + excerpt.length });
  return out;
}

/**
 * Each window's label and loss weight per head. For category c: a window overlapping a place of an
 * excerpt of c is positive (weight 1); every window of a draft not labelled c is negative (weight
 * 1); a window of a draft labelled c that overlaps none of its places is negative with weight
 * `unplaced` (0: left out; the problem may be there too, or the label marks an absence).
 */
export function windowTargets(
  text: string,
  spans: readonly { start: number; end: number }[],
  categories: readonly string[],
  labelled: readonly boolean[],
  excerpts: readonly { category: string; excerpt: string }[],
  unplaced: number,
): { labels: boolean[][]; weights: Float64Array[] } {
  const places = categories.map((c) =>
    excerpts.filter((e) => e.category === c).flatMap((e) => excerptPlaces(text, e.excerpt)),
  );
  const labels: boolean[][] = [];
  const weights: Float64Array[] = [];
  for (const span of spans) {
    const label = categories.map((_, h) =>
      (places[h] as { start: number; end: number }[]).some((p) => p.start < span.end && span.start < p.end),
    );
    const weight = new Float64Array(categories.length);
    categories.forEach((_, h) => {
      weight[h] = label[h] || !labelled[h] ? 1 : unplaced;
    });
    labels.push(label);
    weights.push(weight);
  }
  return { labels, weights };
}
