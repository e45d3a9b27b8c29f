/**
 * The draft classifier's budget as scripts/train-drafts.ts prints it (never asserted in tests): the
 * file's size raw and gzipped (≤ 150 KB), the decoded weights (≤ 0.5 MB), and what the whole checker
 * (draftsChecker: one feature pass, window sums, drivers for the heads that fire) costs per caption:
 * the average over every draft scaled to 400 characters, the median on 400-character captions (≤ 0.3
 * ms) and on 5,000-character drafts.
 */
import { gzipSync } from 'node:zlib';
import { draftsChecker } from '../lib/guidelines/model/checker';
import { decodeDraftsModel } from '../lib/guidelines/model/drafts-model';
import type { DraftsModel, DraftsModelFile } from '../lib/guidelines/model/drafts-types';

const context = { platform: 'facebook', field: 'caption', lang: 'id' } as const;

/** A text cut to at most `length` characters at a space (whole words). */
const cut = (text: string, length: number): string => {
  if (text.length <= length) return text;
  const space = text.lastIndexOf(' ', length);
  return text.slice(0, space > 0 ? space : length);
};

/** Median milliseconds of one check over `texts` (after a warm-up pass), `rounds` times each. */
function medianMs(check: (text: string) => unknown, texts: readonly string[], rounds: number): number {
  for (const text of texts) check(text);
  const times: number[] = [];
  for (const text of texts) {
    const begun = performance.now();
    for (let round = 0; round < rounds; round += 1) check(text);
    times.push((performance.now() - begun) / rounds);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export function budgetLines(file: DraftsModelFile, decoded: DraftsModel, texts: readonly string[]): string[] {
  const json = `${JSON.stringify(file)}\n`;
  const check = draftsChecker(decoded);
  const run = (text: string) => check(text, context);
  const characters = texts.reduce((sum, t) => sum + t.length, 0);
  for (const text of texts) run(text);
  const begun = performance.now();
  for (let round = 0; round < 3; round += 1) for (const text of texts) run(text);
  const perCaption = ((performance.now() - begun) / 3 / characters) * 400;
  // 400-character captions: the first 400 characters of every draft that long; 5,000-character
  // drafts: every draft that long cut there, else drafts joined until that long.
  const captions = texts.filter((t) => t.length >= 400).map((t) => cut(t, 400));
  const longs: string[] = [];
  let joined = '';
  for (const text of texts) {
    if (text.length >= 5000) longs.push(cut(text, 5000));
    else {
      joined = joined ? `${joined}\n\n${text}` : text;
      if (joined.length >= 5000) {
        longs.push(cut(joined, 5000));
        joined = '';
      }
    }
    if (longs.length >= 300) break;
  }
  // A span head keeps its own weights beside the shared interleaved ones.
  const model = decodeDraftsModel(file);
  const memory = model.heads.reduce(
    (sum, head) => sum + (head.span?.weights.byteLength ?? 0),
    model.weights.byteLength,
  );
  return [
    `draft heads: ${perCaption.toFixed(3)} ms per 400 characters (${texts.length} drafts, ${characters} characters, 3 rounds); ` +
      `median ${medianMs(run, captions, 5).toFixed(3)} ms on ${captions.length} captions of 400 characters, ` +
      `${medianMs(run, longs, 3).toFixed(3)} ms on ${longs.length} drafts of 5,000 characters`,
    `file ${(json.length / 1024).toFixed(0)} KB, ${(gzipSync(json).length / 1024).toFixed(0)} KB gzipped; ` +
      `decoded weights ${(memory / 1024).toFixed(0)} KB`,
  ];
}
