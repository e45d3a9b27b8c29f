import { z } from 'zod';
import { modelChecksum } from './checksum';
import { decodeModel, decodeWeights } from './codec';
import { ABUSE_MODEL_FORMAT, type AbuseModel, type AbuseModelFile, MODEL_HEADS } from './types';

/**
 * The trust boundary for the abuse model file: shape, value ranges, decodable weights and the
 * SHA-256 checksum. The library bundle embeds this schema (`models.abuse`), so a bundle whose model
 * fails any check is refused as a whole and the client keeps its last good library.
 */

const SLANG_LINE = /^[^\t]+\t[^\t]+$/;
const isSlangLines = (text: string) => text === '' || text.split('\n').every((line) => SLANG_LINE.test(line));

export const Probability = z.number().gt(0).lt(1);

/** What every head of both model files has: a bias, a scale and sparse int8 weights in base64. */
export const HeadWeightsSchema = z.object({
  bias: z.number().finite(),
  scale: z.number().positive().finite(),
  weights: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
});

const HeadSchema = HeadWeightsSchema.extend({ threshold: Probability, errorThreshold: Probability });

/** The hashed-feature spec of both model files, with at most 2^maxBits buckets (and a file's own fields). */
export const featureSpecSchema = <Extra extends z.ZodRawShape = Record<never, never>>(
  maxBits: number,
  extra?: Extra,
) =>
  z
    .object({
      hash: z.literal('fnv1a-32'),
      hashBits: z.int().min(10).max(maxBits),
      charMin: z.int().min(1).max(8),
      charMax: z.int().min(1).max(8),
      ...(extra as Extra),
    })
    .refine((spec) => (spec as { charMin: number }).charMin <= (spec as { charMax: number }).charMax, {
      path: ['charMin'],
      message: 'charMin is greater than charMax',
    });

/** The issue for a file whose checksum does not match what it carries. */
export function checksumMismatch(ctx: z.RefinementCtx, actual: string, stated: string): void {
  if (actual !== stated)
    ctx.addIssue({
      code: 'custom',
      path: ['checksum'],
      message: `checksum mismatch: the weights hash to ${actual.slice(0, 12)}…, the file says ${stated.slice(0, 12)}… (damaged or edited model file)`,
    });
}

/** Parses a model file or throws ModelFileError with "<what> refused: path: problem". */
export function parseModelFile<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String).join('.') || '(root)';
  throw new ModelFileError(`${what} refused: ${path}: ${issue?.message ?? 'invalid'}`);
}

export const AbuseModelFileSchema = z
  .object({
    format: z.literal(ABUSE_MODEL_FORMAT),
    id: z.string().min(1),
    trainedAt: z.iso.datetime({ offset: true }),
    dataset: z.object({
      name: z.string().min(1),
      citation: z.string().min(1),
      source: z.string().min(1),
      rows: z.int().positive(),
      positives: z.object({ abuse: z.int().nonnegative(), hate: z.int().nonnegative() }),
    }),
    features: featureSpecSchema(22),
    normalisation: z.object({
      slang: z.string().refine(isSlangLines, 'lines of "colloquial<TAB>standard"'),
      lexicon: z.array(z.string().min(1)),
    }),
    heads: z.object({ abuse: HeadSchema, hate: HeadSchema }),
    evaluation: z.record(z.string(), z.unknown()),
    checksum: z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hexadecimal digits'),
  })
  .superRefine((file, ctx) => {
    const size = 2 ** file.features.hashBits;
    for (const head of MODEL_HEADS) {
      try {
        decodeWeights(file.heads[head].weights, size);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['heads', head, 'weights'], message: (error as Error).message });
        return;
      }
    }
    checksumMismatch(ctx, modelChecksum(file), file.checksum);
  });

export class ModelFileError extends Error {
  override name = 'ModelFileError';
}

/** Checks and decodes a model file; throws ModelFileError with "path: problem" when it is refused. */
export function loadAbuseModel(input: unknown): AbuseModel {
  return decodeModel(parseModelFile(AbuseModelFileSchema, input, 'abuse model') as AbuseModelFile);
}
