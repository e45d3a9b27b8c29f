/**
 * The drafts scripts/train-drafts.ts learns from, each with its writer: tuning batches 1–18 by three
 * writers of six batches each, then one writer every five batches (19–23, 24–28, …), and the held-in
 * files (tests/corpus/*.jsonl) as one more writer. The held-out corpus (tests/corpus/independent/) is
 * never read here.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleSources } from '../lib/cli/rule-sources';
import { checkText, compileRules } from '../lib/guidelines';
import { COLLOQUIAL } from '../lib/guidelines/colloquial';
import { modelCheckers } from '../lib/guidelines/model/checker';
import type { AbuseModelFile } from '../lib/guidelines/model/types';
import { type CorpusDraft, loadCorpus, loadIndependentCorpus } from '../tests/corpus/evaluate-corpus';

export interface Draft extends CorpusDraft {
  writer: string;
  /** Where each expected finding is (its `excerpt`, an exact substring; "" when it marks an absence). */
  excerpts: { category: string; excerpt: string }[];
}

export const writerOf = (batch: number): string => {
  const from = batch <= 18 ? 1 + 6 * Math.floor((batch - 1) / 6) : 19 + 5 * Math.floor((batch - 19) / 5);
  return `batches ${from}-${from + (batch <= 18 ? 5 : 4)}`;
};

/** The first batch of a writer ("batches 114-118" → 114; the held-in writer → 0). */
export const firstBatch = (writer: string): number => Number(/^batches (\d+)/.exec(writer)?.[1] ?? 0);

/** Every draft of `corpusDir` (a tests/corpus or a copy of it: its *.jsonl and tuning/). */
export function loadWriterDrafts(corpusDir: string): Draft[] {
  const tuningDir = join(corpusDir, 'tuning');
  const tuning = loadIndependentCorpus(tuningDir);
  const drafts: Draft[] = [];
  let next = 0;
  for (const name of tuning.files) {
    const lines = readFileSync(join(tuningDir, name), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    const batch = Number(/(\d+)/.exec(name)?.[1] ?? 0);
    tuning.drafts.slice(next, next + lines.length).forEach((draft, k) => {
      const expect = (JSON.parse(lines[k] as string) as { expect: { category: string; excerpt?: string }[] })
        .expect;
      const excerpts = expect.map((e) => ({ category: e.category, excerpt: e.excerpt ?? '' }));
      drafts.push({ ...draft, writer: writerOf(batch), excerpts });
    });
    next += lines.length;
  }
  // The held-in files label categories, not places.
  for (const draft of loadCorpus(corpusDir)) drafts.push({ ...draft, writer: 'held-in', excerpts: [] });
  return drafts;
}

/**
 * What today's checks (the rules of `rulesDir` with the abuse model) report on each draft, per
 * category of `categories`; kept in `cache` (when given) between runs on the same corpus.
 */
export function todaysVerdicts(
  drafts: readonly Draft[],
  categories: readonly string[],
  options: { abuseFile: string; rulesDir: string; cache: string },
): boolean[][] {
  const { cache } = options;
  const stored = cache && existsSync(cache) ? (JSON.parse(readFileSync(cache, 'utf8')) as boolean[][]) : null;
  if (stored?.length === drafts.length) return stored;
  const abuse = JSON.parse(readFileSync(options.abuseFile, 'utf8')) as AbuseModelFile;
  const today = compileRules(loadRuleSources(options.rulesDir), {
    colloquial: COLLOQUIAL,
    checkers: modelCheckers({ abuse }),
  });
  const verdicts = drafts.map((d) => {
    const context = { platform: d.platform, field: d.field ?? 'caption', lang: 'id' } as const;
    const found = new Set(checkText(today, d.text, context).findings.map((f) => f.category as string));
    return categories.map((c) => found.has(c));
  });
  if (cache) writeFileSync(cache, JSON.stringify(verdicts));
  return verdicts;
}
