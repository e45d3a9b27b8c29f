import { z } from 'zod';
import { draftsChecksum } from './checksum';
import { decodeWeights } from './codec';
import { decodeDraftsModel } from './drafts-model';
import {
  DRAFT_HEAD_CATEGORIES,
  DRAFTS_MODEL_FORMAT,
  type DraftsModel,
  type DraftsModelFile,
} from './drafts-types';
import { ModelFileError } from './schema';

/**
 * The trust boundary for the draft classifier file, as schema.ts is for the abuse model: shape,
 * value ranges, decodable weights, one head per category and the SHA-256 checksum. The library
 * bundle embeds it (`models.drafts`), so a bundle whose classifier fails any check is refused as a
 * whole and the client keeps its last good library.
 */

const HeadSchema = z.object({
  category: z.enum(DRAFT_HEAD_CATEGORIES),
  bias: z.number().finite(),
  scale: z.number().positive().finite(),
  weights: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
  threshold: z.number().gt(0).lt(1),
});

export const DraftsModelFileSchema = z
  .object({
    format: z.literal(DRAFTS_MODEL_FORMAT),
    id: z.string().min(1),
    trainedAt: z.iso.datetime({ offset: true }),
    dataset: z.object({
      name: z.string().min(1),
      source: z.string().min(1),
      drafts: z.int().positive(),
      writers: z.int().positive(),
    }),
    features: z.object({
      hash: z.literal('fnv1a-32'),
      // At most 2^17 buckets: the decoded weights of every head stay within half a megabyte.
      hashBits: z.int().min(10).max(17),
      charMin: z.int().min(1).max(8),
      charMax: z.int().min(1).max(8),
    }),
    minWords: z.int().min(0).max(1000),
    heads: z.array(HeadSchema).min(1).max(DRAFT_HEAD_CATEGORIES.length),
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
    if (2 ** file.features.hashBits * file.heads.length > 512 * 1024)
      ctx.addIssue({ code: 'custom', path: ['heads'], message: 'decoded weights would exceed 512 KB' });
    const seen = new Set<string>();
    const size = 2 ** file.features.hashBits;
    for (const [index, head] of file.heads.entries()) {
      if (seen.has(head.category)) {
        ctx.addIssue({
          code: 'custom',
          path: ['heads', index, 'category'],
          message: 'a second head for one category',
        });
        return;
      }
      seen.add(head.category);
      try {
        decodeWeights(head.weights, size);
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          path: ['heads', index, 'weights'],
          message: (error as Error).message,
        });
        return;
      }
    }
    const actual = draftsChecksum(file);
    if (actual !== file.checksum)
      ctx.addIssue({
        code: 'custom',
        path: ['checksum'],
        message: `checksum mismatch: the weights hash to ${actual.slice(0, 12)}…, the file says ${file.checksum.slice(0, 12)}… (damaged or edited model file)`,
      });
  });

/** Checks and decodes a classifier file; throws ModelFileError with "path: problem" when it is refused. */
export function loadDraftsModel(input: unknown): DraftsModel {
  const parsed = DraftsModelFileSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') || '(root)';
    throw new ModelFileError(`drafts model refused: ${path}: ${issue?.message ?? 'invalid'}`);
  }
  return decodeDraftsModel(parsed.data as DraftsModelFile);
}
