import { modelChecksum } from '@/lib/guidelines/model/checksum';
import { encodeWeights } from '@/lib/guidelines/model/codec';
import { hashFeature } from '@/lib/guidelines/model/features';
import { ABUSE_MODEL_FORMAT, type AbuseModelFile } from '@/lib/guidelines/model/types';

/** A hand-made model: only the word "kasar" (and, weaker, "sekali") push the score up. */
export function tinyModelFile(): AbuseModelFile {
  const bits = 12;
  const abuse = new Int8Array(1 << bits);
  abuse[hashFeature(119, 'kasar') & ((1 << bits) - 1)] = 100;
  abuse[hashFeature(119, 'sekali') & ((1 << bits) - 1)] = 30;
  const hate = new Int8Array(1 << bits);
  hate[hashFeature(119, 'usir') & ((1 << bits) - 1)] = 120;
  const payload = {
    features: { hash: 'fnv1a-32' as const, hashBits: bits, charMin: 3, charMax: 3 },
    normalisation: { slang: 'ksr\tkasar', lexicon: [] as string[] },
    heads: {
      abuse: { bias: -1, scale: 0.1, weights: encodeWeights(abuse), threshold: 0.5, errorThreshold: 0.9 },
      hate: { bias: -1, scale: 0.1, weights: encodeWeights(hate), threshold: 0.5, errorThreshold: 0.99 },
    },
  };
  return {
    format: ABUSE_MODEL_FORMAT,
    id: 'tiny',
    trainedAt: '2026-01-01T00:00:00Z',
    dataset: { name: 'x', citation: 'x', source: 'x', rows: 1, positives: { abuse: 1, hate: 0 } },
    ...payload,
    evaluation: {},
    checksum: modelChecksum(payload),
  };
}
