/**
 * The abuse model file (`satu-pintu/abuse-model@1`) as types, without zod: the scorer runs where
 * zod must not be loaded. The zod schema that checks a file against these types is in schema.ts.
 * See docs/library-format.md for where the file sits in the signed library.
 */

export const ABUSE_MODEL_FORMAT = 'satu-pintu/abuse-model@1';

/** The two outputs: "hate speech or abusive" (decides whether to speak) and "hate speech" (which category). */
export const MODEL_HEADS = ['abuse', 'hate'] as const;
export type ModelHead = (typeof MODEL_HEADS)[number];

export interface ModelHeadFile {
  bias: number;
  /** A quantised weight is `q * scale` (q an int8). */
  scale: number;
  /** Sparse int8 weights: base64 of (LEB128 gap to the previous bucket, int8 weight) pairs. */
  weights: string;
  /** Score (probability) from which the head says yes. */
  threshold: number;
  /** Score from which a finding is an error rather than a warning (abuse head only uses it). */
  errorThreshold: number;
}

export interface ModelFeatureSpec {
  hash: 'fnv1a-32';
  hashBits: number;
  charMin: number;
  charMax: number;
}

export interface AbuseModelFile {
  format: typeof ABUSE_MODEL_FORMAT;
  id: string;
  trainedAt: string;
  dataset: {
    name: string;
    citation: string;
    source: string;
    rows: number;
    positives: { abuse: number; hate: number };
  };
  features: ModelFeatureSpec;
  normalisation: {
    /**
     * Colloquial form → standard form, one "colloquial<TAB>standard" pair a line, sorted: one string
     * rather than thousands of JSON pairs keeps the pretty-printed library small.
     */
    slang: string;
    lexicon: string[];
  };
  heads: Record<ModelHead, ModelHeadFile>;
  /** Cross-validated figures printed by the trainer (informative; not used for scoring). */
  evaluation: Record<string, unknown>;
  /** SHA-256 (hex) of checksumPayload(file): everything scoring depends on. */
  checksum: string;
}

/** A head ready to score: dense int8 weights over every hash bucket. */
export interface DecodedHead {
  bias: number;
  scale: number;
  weights: Int8Array;
  threshold: number;
  errorThreshold: number;
}

/** A model file decoded once (per library version) and reused for every draft. */
export interface AbuseModel {
  id: string;
  features: ModelFeatureSpec;
  tables: { slang: ReadonlyMap<string, string>; lexicon: ReadonlySet<string> };
  heads: Record<ModelHead, DecodedHead>;
}
