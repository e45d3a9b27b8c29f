import { draftsChecksum } from '@/lib/guidelines/model/checksum';
import { encodeWeights } from '@/lib/guidelines/model/codec';
import { DRAFTS_MODEL_FORMAT, type DraftsModelFile } from '@/lib/guidelines/model/drafts-types';
import { hashFeature } from '@/lib/guidelines/model/features';

const BITS = 12;
const wordBucket = (word: string) => hashFeature(119, word) & ((1 << BITS) - 1);

/**
 * A hand-made classifier: "katanya" and "viral" push the misinformation head up, "nik" the
 * personal-data head; nothing else carries weight.
 */
export function tinyDraftsFile(): DraftsModelFile {
  const misinformation = new Int8Array(1 << BITS);
  misinformation[wordBucket('katanya')] = 120;
  misinformation[wordBucket('viral')] = 60;
  const personal = new Int8Array(1 << BITS);
  personal[wordBucket('nik')] = 120;
  const payload = {
    features: { hash: 'fnv1a-32' as const, hashBits: BITS, charMin: 3, charMax: 3 },
    minWords: 3,
    heads: [
      {
        category: 'misinformation' as const,
        bias: -1,
        scale: 0.5,
        weights: encodeWeights(misinformation),
        threshold: 0.6,
      },
      {
        category: 'personal-data' as const,
        bias: -1,
        scale: 0.5,
        weights: encodeWeights(personal),
        threshold: 0.6,
      },
    ],
  };
  return {
    format: DRAFTS_MODEL_FORMAT,
    id: 'tiny-drafts',
    trainedAt: '2026-01-01T00:00:00Z',
    dataset: { name: 'x', source: 'x', drafts: 1, writers: 1 },
    ...payload,
    evaluation: {},
    checksum: draftsChecksum(payload),
  };
}

/** The same file with one weight changed and the checksum left as it was. */
export function tamperedDraftsFile(file: DraftsModelFile = tinyDraftsFile()): DraftsModelFile {
  const [first, ...rest] = file.heads;
  if (!first) throw new Error('no head');
  const weights = new Int8Array(2 ** file.features.hashBits);
  weights[7] = 5;
  return { ...file, heads: [{ ...first, weights: encodeWeights(weights) }, ...rest] };
}

/**
 * The tiny classifier with structural features: an activity report with no date pushes the
 * attribution head, whose words carry no weight, over its threshold.
 */
export function structuredDraftsFile(
  structure: string[] = ['report-no-date@1', 'dateline@1'],
): DraftsModelFile {
  const file = tinyDraftsFile();
  const payload = {
    features: { ...file.features, structure },
    minWords: file.minWords,
    heads: [
      ...file.heads.map((head) => ({ ...head, structure: structure.map(() => 0) })),
      {
        category: 'attribution' as const,
        bias: -2,
        scale: 0.5,
        weights: encodeWeights(new Int8Array(1 << BITS)),
        threshold: 0.6,
        structure: structure.map((name) => (name === 'report-no-date@1' ? 3 : -1)),
      },
    ],
  };
  return { ...file, id: 'tiny-structured', ...payload, checksum: draftsChecksum(payload) };
}

/** A well-signed file (its checksum matches) that names a structural feature this code does not know. */
export const unknownStructureDraftsFile = (): DraftsModelFile =>
  structuredDraftsFile(['no-date@9', 'dateline@1']);
