import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRAFT_FEATURE_TABLES, scoreDraft } from '@/lib/guidelines/model/drafts-model';
import { loadDraftsModel } from '@/lib/guidelines/model/drafts-schema';
import type { DraftsModel } from '@/lib/guidelines/model/drafts-types';
import { normaliseText, visitFeatures } from '@/lib/guidelines/model/features';
import { loadAbuseModel } from '@/lib/guidelines/model/schema';
import { quickAbuseScore } from '@/lib/guidelines/model/score';
import type { AbuseModel } from '@/lib/guidelines/model/types';
import { wordSums } from '@/lib/guidelines/model/word-sums';

/**
 * The models' per-word sums (word-sums.ts) against walking every feature in order, as the scorers
 * did before: the scores must be the same numbers, not merely close, first use and remembered.
 */

const abuse = loadAbuseModel(JSON.parse(readFileSync(resolve('library/src/models/abuse.json'), 'utf8')));
const drafts = loadDraftsModel(JSON.parse(readFileSync(resolve('library/src/models/drafts.json'), 'utf8')));

const TEXTS = [
  'Dinas Kesehatan mengimbau warga membawa balita ke posyandu. Warga warga warga datang.',
  'dasar g0bl0k lu, a.n.j.i.n.g bangsaaat!!! @admin https://contoh.id',
  'Katanya air kelapa bisa menyembuhkan demam berdarah, sudah viral di grup. Bagikan!',
  'gw gak tau knp bgt sih',
  '',
  'satu',
  'Kabar KABAR kabar: NIK 6171 0123 4567 8901 milik Bu Rina (45), warga Pontianak.',
];

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function abuseByEveryFeature(text: string, model: AbuseModel): number {
  const head = model.heads.abuse;
  let sum = 0;
  let count = 0;
  visitFeatures(
    normaliseText(text, model.tables),
    model.tables.lexicon,
    model.features,
    (bucket, _w, half) => {
      const value = half ? 0.5 : 1;
      sum += (head.weights[bucket] as number) * value;
      count += value;
    },
  );
  return sigmoid(head.bias + (count > 0 ? sum / Math.sqrt(count) : 0) * head.scale);
}

function draftSumsByEveryFeature(text: string, model: DraftsModel): { sums: number[]; total: number } {
  const count = model.heads.length;
  const sums = new Array<number>(count).fill(0);
  let total = 0;
  const words = normaliseText(text, DRAFT_FEATURE_TABLES);
  visitFeatures(words, DRAFT_FEATURE_TABLES.lexicon, model.features, (bucket, _w, half) => {
    const value = half ? 0.5 : 1;
    for (let h = 0; h < count; h += 1) sums[h]! += (model.weights[bucket * count + h] as number) * value;
    total += value;
  });
  return { sums, total };
}

describe('per-word sums give exactly the scores of walking every feature', () => {
  it('the abuse head, on first use and from memory', () => {
    for (let round = 0; round < 2; round += 1)
      for (const text of TEXTS) expect(quickAbuseScore(text, abuse)).toBe(abuseByEveryFeature(text, abuse));
  });

  it('the draft heads: the same sums and total as every feature in order', () => {
    const perWord = wordSums(
      drafts.weights,
      drafts.heads.length,
      DRAFT_FEATURE_TABLES.lexicon,
      drafts.features,
    );
    for (let round = 0; round < 2; round += 1)
      for (const text of TEXTS) {
        const sums = new Float64Array(drafts.heads.length);
        const total = perWord.add(normaliseText(text, DRAFT_FEATURE_TABLES), sums);
        const expected = draftSumsByEveryFeature(text, drafts);
        expect(total).toBe(expected.total);
        expect([...sums]).toEqual(expected.sums);
      }
  });

  it('scoreDraft is unchanged by what earlier texts left in memory', () => {
    const fresh = loadDraftsModel(
      JSON.parse(readFileSync(resolve('library/src/models/drafts.json'), 'utf8')),
    );
    const before = TEXTS.map((t) => [...scoreDraft(t, fresh).scores]);
    for (const text of TEXTS.slice().reverse()) scoreDraft(text, drafts);
    expect(TEXTS.map((t) => [...scoreDraft(t, drafts).scores])).toEqual(before);
  });

  it('a word repeated in other company keeps its own sum and gets new bigrams', () => {
    const perWord = wordSums(abuse.heads.abuse.weights, 1, abuse.tables.lexicon, abuse.features);
    const words = (text: string) => normaliseText(text, abuse.tables);
    const one = new Float64Array(1);
    const n1 = perWord.add(words('bodoh'), one);
    const two = new Float64Array(1);
    const n2 = perWord.add(words('kamu bodoh'), two);
    const alone = new Float64Array(1);
    perWord.add(words('kamu'), alone);
    // "kamu bodoh" = kamu + bodoh + their bigram (counted once, two halves).
    expect(n2).toBe(n1 + perWord.add(words('kamu'), new Float64Array(1)) + 1);
    expect(two[0]).not.toBeNaN();
    expect(two[0]! - one[0]! - alone[0]!).toBe(
      abuse.heads.abuse.weights[
        (() => {
          let bigram = -1;
          visitFeatures(words('kamu bodoh'), abuse.tables.lexicon, abuse.features, (bucket, word, half) => {
            if (half && word === 1) bigram = bucket;
          });
          return bigram;
        })()
      ],
    );
  });
});
