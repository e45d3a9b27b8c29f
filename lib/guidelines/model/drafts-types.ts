/**
 * The draft classifier file (`satu-pintu/drafts-model@1`, `@2` with stem features) as types, without zod, like every domain's
 * types (drafts-schema.ts checks a file against these at the trust boundary).
 * One linear head per category over the hashed features of features.ts, trained on agency drafts
 * written apart from the rules (scripts/train-drafts.ts). See docs/library-format.md.
 */
import type { Category } from '../types';
import type { ModelFeatureSpec } from './types';

export const DRAFTS_MODEL_FORMAT = 'satu-pintu/drafts-model@1';
/**
 * A file whose heads use the stem feature (`features.stems`): a version that predates it would read
 * the weights without it and score wrongly, so such a file carries a format it refuses.
 */
export const DRAFTS_MODEL_FORMAT_STEMS = 'satu-pintu/drafts-model@2';
/**
 * A file with at least one window head (`unit: "window"`): a version that predates windows would
 * score such a head over the whole draft, so the file carries a format it refuses.
 */
export const DRAFTS_MODEL_FORMAT_WINDOWS = 'satu-pintu/drafts-model@3';
export type DraftsModelFormat =
  | typeof DRAFTS_MODEL_FORMAT
  | typeof DRAFTS_MODEL_FORMAT_STEMS
  | typeof DRAFTS_MODEL_FORMAT_WINDOWS;

/** What a head scores: the whole draft (the default) or each window of it, keeping the best. */
export type DraftsHeadUnit = 'draft' | 'window';

/**
 * How window heads cut a draft (drafts-windows.ts): by sentence (`.`/`!`/`?` or a line break) or by
 * line only, `span` consecutive units to a window.
 */
export interface DraftsWindowSpec {
  cut: 'sentence' | 'line';
  span: number;
}
export const WINDOW_CUTS: readonly DraftsWindowSpec['cut'][] = ['sentence', 'line'];

/**
 * The categories a head may speak for: those whose drafts are told apart by their wording rather
 * than by a form the rules check exactly (spelling, names, links, hashtags, limits).
 */
export const DRAFT_HEAD_CATEGORIES = [
  'credibility',
  'attribution',
  'confidential',
  'misinformation',
  'personal-data',
  'child-protection',
  'hate-speech',
  'neutrality',
  'illegal-content',
  'abuse',
] as const satisfies readonly Category[];
export type DraftHeadCategory = (typeof DRAFT_HEAD_CATEGORIES)[number];

export interface DraftsHeadFile {
  category: DraftHeadCategory;
  bias: number;
  /** A quantised weight is `q * scale` (q an int8). */
  scale: number;
  /** Sparse int8 weights: base64 of (LEB128 gap to the previous bucket, int8 weight) pairs (codec.ts). */
  weights: string;
  /** Score (probability) from which the head reports a warning. */
  threshold: number;
  /**
   * One weight per name of `features.structure`, in its order, added to the logit when that
   * structural feature holds (structure.ts); present exactly when the spec lists names.
   */
  structure?: number[];
  /** `window`: the head scores each window of `features.window` and keeps the best; absent: the whole draft. */
  unit?: 'window';
}

/**
 * The hashed-feature spec, the structural extractors (structure.ts) the heads were trained with, and
 * whether each word's stem is a feature too (drafts-stems.ts).
 */
export type DraftsFeatureSpec = ModelFeatureSpec & {
  structure?: string[];
  stems?: boolean;
  /** How windows are cut; present exactly when a head has `unit: "window"`. */
  window?: DraftsWindowSpec;
};

export interface DraftsModelFile {
  format: DraftsModelFormat;
  id: string;
  trainedAt: string;
  dataset: { name: string; source: string; drafts: number; writers: number };
  /** The abuse model's feature pass with its own bucket count; no slang table (drafts are written in standard Indonesian). */
  features: DraftsFeatureSpec;
  /**
   * Texts with fewer normalised words are not scored: the heads learned from whole drafts, and a
   * few words (a half-typed sentence, a title) leave a score resting on the bias alone.
   */
  minWords: number;
  heads: DraftsHeadFile[];
  /** Leave-one-writer-out figures printed by the trainer (informative; not used for scoring). */
  evaluation: Record<string, unknown>;
  /** SHA-256 (hex) of draftsChecksumPayload(file): everything scoring depends on. */
  checksum: string;
}

/** A file decoded once per library version: all heads' int8 weights interleaved by bucket. */
export interface DraftsModel {
  id: string;
  features: DraftsFeatureSpec;
  minWords: number;
  heads: ReadonlyArray<{
    category: DraftHeadCategory;
    bias: number;
    scale: number;
    threshold: number;
    unit: DraftsHeadUnit;
  }>;
  /** weights[bucket * heads.length + head]. */
  weights: Int8Array;
  /** The structural extractors' names (empty when the file lists none). */
  structure: readonly string[];
  /** structureWeights[k * heads.length + head], k an index into `structure`. */
  structureWeights: Float64Array;
}
