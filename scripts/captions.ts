/**
 * Reproducible benchmark captions (fixed seed): realistic agency posts of about `chars` characters,
 * assembled from the sentences of the labelled corpus (tests/corpus) — so they carry the findings
 * real drafts carry (spelling, missing credits, the odd personal number) — plus a date, a credit
 * line and hashtags as agencies write them.
 */
import type { CheckLibrary } from '@/lib/cli/check-library';
import type { CheckContext } from '@/lib/guidelines';
import { loadCorpus } from '@/tests/corpus/evaluate-corpus';

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CREDITS = [
  'Sumber: Dinas Kesehatan Provinsi Kalimantan Barat',
  'Sumber: Biro Administrasi Pimpinan Setda Provinsi Kalimantan Barat',
  'Foto: Diskominfo Kalbar',
  'Sumber: BPBD Provinsi Kalimantan Barat',
];
const TAGS = ['#PemprovKalbar', '#KalbarMaju', '#KalbarSehat', '#InfoKalbar', '#Pontianak', '#Singkawang'];
const PLATFORMS = ['facebook', 'instagram', 'facebook', 'instagram', 'youtube'] as const;

export interface BenchCaption {
  id: string;
  text: string;
  platform: (typeof PLATFORMS)[number];
}

/** The context a benchmark caption is checked in: a YouTube one as a description, the others as captions. */
export const benchContext = (
  platform: BenchCaption['platform'],
  library: Pick<CheckLibrary, 'agencies' | 'allowlists'>,
): CheckContext => ({
  platform,
  field: platform === 'youtube' ? 'description' : 'caption',
  lang: 'id',
  agencies: library.agencies,
  allowlists: library.allowlists,
});

export function benchCaptions(count: number, chars: number, seed = 20261130): BenchCaption[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const sentences = loadCorpus()
    .flatMap((d) => d.text.split(/(?<=[.!?])\s+|\n+/))
    .map((s) => s.trim())
    .filter((s) => s.length > 20 && !s.startsWith('#') && !/^(?:Sumber|Foto)\s*:/.test(s));
  const captions: BenchCaption[] = [];
  for (let i = 0; i < count; i++) {
    const credit = pick(CREDITS);
    const tags = [pick(TAGS), pick(TAGS)].join(' ');
    let body = '';
    while (body.length < chars - credit.length - tags.length - 4) body += `${pick(sentences)} `;
    body = body.slice(0, Math.max(0, chars - credit.length - tags.length - 4)).trimEnd();
    const platform = pick(PLATFORMS);
    captions.push({ id: `c${i}`, text: `${body}\n\n${credit}\n${tags}`, platform });
  }
  return captions;
}
