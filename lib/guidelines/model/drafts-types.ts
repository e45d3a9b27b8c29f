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
/**
 * A file with at least one span head (`unit: "span"`): a version that predates spans would read its
 * weights as whole-draft weights, so the file carries a format it refuses.
 */
export const DRAFTS_MODEL_FORMAT_SPANS = 'satu-pintu/drafts-model@4';
export type DraftsModelFormat =
  | typeof DRAFTS_MODEL_FORMAT
  | typeof DRAFTS_MODEL_FORMAT_STEMS
  | typeof DRAFTS_MODEL_FORMAT_WINDOWS
  | typeof DRAFTS_MODEL_FORMAT_SPANS;

/**
 * What a head scores: the whole draft (the default), each window of it keeping the best, or each word
 * (a span head: a tagger over words in their context) keeping the best run of `k` words.
 */
export type DraftsHeadUnit = 'draft' | 'window' | 'span';

/**
 * How a span head reads words (drafts-spans.ts): its own hash size and character grams, the
 * neighbours each side that are features of a word, the reach of the person and child cues, and the
 * run of `k` words a draft is scored by.
 */
export interface DraftsSpanSpec {
  hashBits: number;
  charMin: number;
  charMax: number;
  context: number;
  personReach: number;
  k: number;
}

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
  /**
   * `window`: the head scores each window of `features.window` and keeps the best; `span`: each word
   * by the head's own `span` spec, keeping the best run of words; absent: the whole draft.
   */
  unit?: 'window' | 'span';
  /** A span head's features and run length; present exactly when `unit` is `span`. */
  span?: DraftsSpanSpec;
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
    /** A span head's spec and its own int8 weights (its column of `weights` is all zero). */
    span?: { spec: DraftsSpanSpec; weights: Int8Array };
  }>;
  /** weights[bucket * heads.length + head]. */
  weights: Int8Array;
  /** The structural extractors' names (empty when the file lists none). */
  structure: readonly string[];
  /** structureWeights[k * heads.length + head], k an index into `structure`. */
  structureWeights: Float64Array;
}
