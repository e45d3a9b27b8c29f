/**
 * Scores the engine against the labelled corpus (tests/corpus/*.jsonl): recall per category on
 * drafts labelled with it, and false positives on clean drafts (labelled with no category).
 * Shared by scripts/corpus-report.ts (prints the figures) and the unit test (asserts the floors).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  CATEGORIES,
  type Category,
  type CheckResult,
  checkText,
  compileRules,
  type ExtraChecker,
  type Rule,
} from '@/lib/guidelines';
import { COLLOQUIAL } from '@/lib/guidelines/colloquial';
import { FIELD_IDS, PLATFORM_IDS } from '@/lib/platforms/types';

export const CorpusDraftSchema = z.object({
  id: z.string(),
  text: z.string(),
  platform: z.enum(PLATFORM_IDS),
  field: z.enum(FIELD_IDS).optional(),
  expected_categories: z.array(z.enum(CATEGORIES)),
});
export type CorpusDraft = z.infer<typeof CorpusDraftSchema>;

export const CORPUS_DIR = dirname(fileURLToPath(import.meta.url));

export function loadCorpus(dir = CORPUS_DIR): CorpusDraft[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) =>
      readFileSync(join(dir, name), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, index) => {
          const parsed = CorpusDraftSchema.safeParse(JSON.parse(line));
          if (!parsed.success) throw new Error(`${name}:${index + 1}: ${parsed.error.issues[0]?.message}`);
          return parsed.data;
        }),
    );
}

export interface CategoryRecall {
  category: Category;
  expected: number;
  found: number;
  recall: number;
  missed: string[];
  /** Drafts on which the category was reported without being expected (clean drafts included). */
  falsePositives: number;
  /** found / (found + falsePositives); 1 when the category was never reported. */
  precision: number;
}

/**
 * The held-out corpus's own format (tests/corpus/independent/README.md): expected findings with a
 * category, a severity and an excerpt. Draft-level scoring uses the set of expected categories.
 */
const IndependentDraftSchema = z.object({
  id: z.string(),
  text: z.string(),
  platform: z.enum(PLATFORM_IDS),
  field: z.enum(FIELD_IDS).optional(),
  expect: z.array(z.object({ category: z.enum(CATEGORIES) }).passthrough()),
});

/** Every *.jsonl of a folder in the held-out format, as corpus drafts; [] when the folder is absent. */
export function loadIndependentCorpus(
  dir: string,
  keep: (name: string) => boolean = () => true,
): { files: string[]; drafts: CorpusDraft[] } {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => name.endsWith('.jsonl') && keep(name))
      .sort();
  } catch {
    return { files: [], drafts: [] };
  }
  const drafts = names.flatMap((name) =>
    readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line, index) => {
        const parsed = IndependentDraftSchema.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error(`${name}:${index + 1}: ${parsed.error.issues[0]?.message}`);
        const { id, text, platform, field } = parsed.data;
        const expected = [...new Set(parsed.data.expect.map((e) => e.category))];
        return { id, text, platform, field, expected_categories: expected };
      }),
  );
  return { files: names, drafts };
}

export interface CorpusReport {
  drafts: number;
  clean: number;
  cleanWithAnyFinding: number;
  cleanWithError: number;
  cleanWithWarning: number;
  /** Clean drafts with an error or warning finding, as a share of clean drafts. */
  falsePositiveRate: number;
  recall: CategoryRecall[];
  /** Findings on clean drafts, for the report: "draft-id ruleId (severity) "match"". */
  cleanFindings: string[];
  /** Categories found on labelled drafts that their label does not list. */
  unexpected: string[];
  results: Map<string, CheckResult>;
}

/**
 * `checkers` are the extra checkers the product runs beside the rules (the abuse model): pass them to
 * score what admins see, leave them out to score the rules alone.
 */
export function evaluateCorpus(
  rules: Rule[],
  drafts: CorpusDraft[],
  checkers: readonly ExtraChecker[] = [],
): CorpusReport {
  const compiled = compileRules(rules, { colloquial: COLLOQUIAL, checkers });
  const recall = new Map<Category, CategoryRecall>(
    CATEGORIES.map((category) => [
      category,
      { category, expected: 0, found: 0, recall: 0, missed: [], falsePositives: 0, precision: 1 },
    ]),
  );
  const report: CorpusReport = {
    drafts: drafts.length,
    clean: 0,
    cleanWithAnyFinding: 0,
    cleanWithError: 0,
    cleanWithWarning: 0,
    falsePositiveRate: 0,
    recall: [],
    cleanFindings: [],
    unexpected: [],
    results: new Map(),
  };
  for (const draft of drafts) {
    const result = checkText(compiled, draft.text, {
      platform: draft.platform,
      field: draft.field ?? 'caption',
      lang: 'id',
    });
    report.results.set(draft.id, result);
    const found = new Set(result.findings.map((f) => f.category));
    for (const category of found) {
      if (!draft.expected_categories.includes(category)) recall.get(category)!.falsePositives += 1;
    }
    if (draft.expected_categories.length === 0) {
      report.clean += 1;
      if (result.findings.length > 0) report.cleanWithAnyFinding += 1;
      if (result.findings.some((f) => f.severity === 'error')) report.cleanWithError += 1;
      if (result.findings.some((f) => f.severity === 'warning')) report.cleanWithWarning += 1;
      for (const f of result.findings) {
        report.cleanFindings.push(
          `${draft.id} ${f.ruleId} (${f.severity}) "${draft.text.slice(f.start, f.end)}"`,
        );
      }
      continue;
    }
    for (const category of draft.expected_categories) {
      const entry = recall.get(category)!;
      entry.expected += 1;
      if (found.has(category)) entry.found += 1;
      else entry.missed.push(draft.id);
    }
    for (const category of found) {
      if (!draft.expected_categories.includes(category)) report.unexpected.push(`${draft.id}: ${category}`);
    }
  }
  const cleanFlagged = [...report.results.entries()].filter(([id, r]) => {
    const draft = drafts.find((d) => d.id === id)!;
    return draft.expected_categories.length === 0 && r.findings.some((f) => f.severity !== 'suggestion');
  }).length;
  report.falsePositiveRate = report.clean === 0 ? 0 : cleanFlagged / report.clean;
  report.recall = [...recall.values()].map((entry) => ({
    ...entry,
    recall: entry.expected === 0 ? 0 : entry.found / entry.expected,
    precision:
      entry.found + entry.falsePositives === 0 ? 1 : entry.found / (entry.found + entry.falsePositives),
  }));
  return report;
}
