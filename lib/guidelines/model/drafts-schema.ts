import { z } from 'zod';
import { draftsChecksum } from './checksum';
import { decodeWeights } from './codec';
import { decodeDraftsModel } from './drafts-model';
import {
  DRAFT_HEAD_CATEGORIES,
  DRAFTS_MODEL_FORMAT,
  DRAFTS_MODEL_FORMAT_SPANS,
  DRAFTS_MODEL_FORMAT_STEMS,
  DRAFTS_MODEL_FORMAT_WINDOWS,
  type DraftsModel,
  type DraftsModelFile,
  WINDOW_CUTS,
} from './drafts-types';
import {
  checksumMismatch,
  featureSpecSchema,
  HeadWeightsSchema,
  Probability,
  parseModelFile,
} from './schema';
import { isStructureName } from './structure';

/**
 * The trust boundary for the draft classifier file, as schema.ts is for the abuse model: shape,
 * value ranges, decodable weights, one head per category and the SHA-256 checksum. The library
 * bundle embeds it (`models.drafts`), so a bundle whose classifier fails any check is refused as a
 * whole and the client keeps its last good library.
 */

/** A span head's own feature spec and run length (drafts-spans.ts); at most 2^17 buckets like the rest. */
const SpanSpecSchema = z
  .object({
    hashBits: z.int().min(8).max(17),
    charMin: z.int().min(1).max(8),
    charMax: z.int().min(1).max(8),
    context: z.int().min(0).max(4),
    personReach: z.int().min(0).max(32),
    k: z.int().min(1).max(64),
  })
  .strict()
  .refine((spec) => spec.charMin <= spec.charMax, { message: 'charMin above charMax' });

const HeadSchema = z.object({
  category: z.enum(DRAFT_HEAD_CATEGORIES),
  ...HeadWeightsSchema.shape,
  threshold: Probability,
  structure: z.array(z.number().finite()).optional(),
  unit: z.enum(['window', 'span']).optional(),
  span: SpanSpecSchema.optional(),
});

export const DraftsModelFileSchema = z
  .object({
    format: z.enum([
      DRAFTS_MODEL_FORMAT,
      DRAFTS_MODEL_FORMAT_STEMS,
      DRAFTS_MODEL_FORMAT_WINDOWS,
      DRAFTS_MODEL_FORMAT_SPANS,
    ]),
    id: z.string().min(1),
    trainedAt: z.iso.datetime({ offset: true }),
    dataset: z.object({
      name: z.string().min(1),
      source: z.string().min(1),
      drafts: z.int().positive(),
      writers: z.int().positive(),
    }),
    // At most 2^17 buckets: the decoded weights of every head stay within half a megabyte.
    features: featureSpecSchema(17, {
      structure: z.array(z.string().min(1)).max(256).optional(),
      stems: z.boolean().optional(),
      window: z
        .object({ cut: z.enum(WINDOW_CUTS), span: z.int().min(1).max(8) })
        .strict()
        .optional(),
    }),
    minWords: z.int().min(0).max(1000),
    heads: z.array(HeadSchema).min(1).max(DRAFT_HEAD_CATEGORIES.length),
    evaluation: z.record(z.string(), z.unknown()),
    checksum: z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hexadecimal digits'),
  })
  .superRefine((file, ctx) => {
    const decodedBytes = file.heads.reduce(
      (sum, head) => sum + 2 ** file.features.hashBits + (head.span ? 2 ** head.span.hashBits : 0),
      0,
    );
    if (decodedBytes > 512 * 1024)
      ctx.addIssue({ code: 'custom', path: ['heads'], message: 'decoded weights would exceed 512 KB' });
    if ((file.format === DRAFTS_MODEL_FORMAT_STEMS) !== (file.features.stems === true)) {
      ctx.addIssue({
        code: 'custom',
        path: ['format'],
        message: `${file.format} with${file.features.stems ? '' : 'out'} stem features (stem features go with ${DRAFTS_MODEL_FORMAT_STEMS} only)`,
      });
      return;
    }
    if (unitProblem(file, ctx)) return;
    const names = file.features.structure ?? [];
    for (const [index, name] of names.entries())
      if (!isStructureName(name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['features', 'structure', index],
          message: `unknown structural feature "${name}" (this version cannot compute it; update the extension)`,
        });
        return;
      }
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
      if ((head.structure?.length ?? 0) !== names.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['heads', index, 'structure'],
          message: `${head.structure?.length ?? 0} structural weights for ${names.length} structural features`,
        });
        return;
      }
      try {
        decodeWeights(head.weights, head.span ? 2 ** head.span.hashBits : size);
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          path: ['heads', index, 'weights'],
          message: (error as Error).message,
        });
        return;
      }
    }
    checksumMismatch(ctx, draftsChecksum(file), file.checksum);
  });

/**
 * Window heads (drafts-windows.ts) go with a window spec, and span heads (drafts-spans.ts) with their
 * own span spec; a file with a span head is `satu-pintu/drafts-model@4`, else one with a window head
 * `@3`. Both read only hashed features: the scorer sums a window or a run of words from running
 * totals over its words, which stems and structural features (read over the whole draft) have no
 * share in.
 */
function unitProblem(file: DraftsModelFile, ctx: z.RefinementCtx): boolean {
  const windowed = file.heads.some((head) => head.unit === 'window');
  const spanned = file.heads.some((head) => head.unit === 'span');
  const issue = (path: (string | number)[], message: string) => {
    ctx.addIssue({ code: 'custom', path, message });
    return true;
  };
  if (spanned !== (file.format === DRAFTS_MODEL_FORMAT_SPANS))
    return issue(
      ['format'],
      `${file.format} with${spanned ? '' : 'out'} span heads (span heads go with ${DRAFTS_MODEL_FORMAT_SPANS} only)`,
    );
  if (!spanned && windowed !== (file.format === DRAFTS_MODEL_FORMAT_WINDOWS))
    return issue(
      ['format'],
      `${file.format} with${windowed ? '' : 'out'} window heads (window heads go with ${DRAFTS_MODEL_FORMAT_WINDOWS} or ${DRAFTS_MODEL_FORMAT_SPANS} only)`,
    );
  if (windowed !== (file.features.window !== undefined))
    return issue(
      ['features', 'window'],
      windowed ? 'window heads without a window spec' : 'a window spec without window heads',
    );
  for (const [index, head] of file.heads.entries())
    if ((head.unit === 'span') !== (head.span !== undefined))
      return issue(
        ['heads', index, 'span'],
        head.span
          ? `a span spec on a ${head.unit ?? 'draft'} head`
          : 'a span head without its span spec (k and features)',
      );
  if ((windowed || spanned) && (file.features.stems || (file.features.structure?.length ?? 0) > 0))
    return issue(['features'], `${spanned ? 'span' : 'window'} heads with stem or structural features`);
  return false;
}

/** Checks and decodes a classifier file; throws ModelFileError with "path: problem" when it is refused. */
export function loadDraftsModel(input: unknown): DraftsModel {
  return decodeDraftsModel(parseModelFile(DraftsModelFileSchema, input, 'drafts model') as DraftsModelFile);
}
