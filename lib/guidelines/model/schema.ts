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

const Probability = z.number().gt(0).lt(1);

const HeadSchema = z.object({
  bias: z.number().finite(),
  scale: z.number().positive().finite(),
  weights: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
  threshold: Probability,
  errorThreshold: Probability,
});

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
    features: z.object({
      hash: z.literal('fnv1a-32'),
      hashBits: z.int().min(10).max(22),
      charMin: z.int().min(1).max(8),
      charMax: z.int().min(1).max(8),
    }),
    normalisation: z.object({
      slang: z.string().refine(isSlangLines, 'lines of "colloquial<TAB>standard"'),
      lexicon: z.array(z.string().min(1)),
    }),
    heads: z.object({ abuse: HeadSchema, hate: HeadSchema }),
    evaluation: z.record(z.string(), z.unknown()),
    checksum: z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hexadecimal digits'),
  })
  .superRefine((file, ctx) => {
    if (file.features.charMin > file.features.charMax)
      ctx.addIssue({
        code: 'custom',
        path: ['features', 'charMin'],
        message: 'charMin is greater than charMax',
      });
    const size = 2 ** file.features.hashBits;
    for (const head of MODEL_HEADS) {
      try {
        decodeWeights(file.heads[head].weights, size);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['heads', head, 'weights'], message: (error as Error).message });
        return;
      }
    }
    const actual = modelChecksum(file);
    if (actual !== file.checksum)
      ctx.addIssue({
        code: 'custom',
        path: ['checksum'],
        message: `checksum mismatch: the weights hash to ${actual.slice(0, 12)}…, the file says ${file.checksum.slice(0, 12)}… (damaged or edited model file)`,
      });
  });

export class ModelFileError extends Error {
  override name = 'ModelFileError';
}

/** Checks and decodes a model file; throws ModelFileError with "path: problem" when it is refused. */
export function loadAbuseModel(input: unknown): AbuseModel {
  const parsed = AbuseModelFileSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') || '(root)';
    throw new ModelFileError(`abuse model refused: ${path}: ${issue?.message ?? 'invalid'}`);
  }
  return decodeModel(parsed.data as AbuseModelFile);
}
