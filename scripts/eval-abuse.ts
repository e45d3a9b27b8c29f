/**
 * Prints what the shipped abuse model costs and does: `npm run eval:abuse [-- --model FILE --data DIR]`
 * (DIR, or SP_ABUSE_DATA: the training data's folder; without it the tweet-based lines are skipped).
 *
 * - size of library/src/models/abuse.json, raw and gzipped (budget: 300 KB gzipped);
 * - scoring time per ~400-character caption (budget: 0.2 ms), on captions built from the
 *   library's own approved captions and from training tweets joined to that length;
 * - the cross-validated figures the trainer stored in the file (the honest estimate);
 * - the model on the project's corpus drafts (tests/corpus/*.jsonl, not the independent part):
 *   how many clean drafts it flags and how many abuse / hate-speech drafts it catches;
 * - agreement with the labels on train.csv (in-sample: the model has seen these rows).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseTrainingCsv } from '../lib/guidelines/model/dataset';
import { modelFindings } from '../lib/guidelines/model/findings';
import { loadAbuseModel } from '../lib/guidelines/model/schema';
import { scoreAbuse } from '../lib/guidelines/model/score';
import { metrics } from '../lib/guidelines/model/train';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
};
const MODEL = resolve(arg('model', 'library/src/models/abuse.json'));
const dataDir = arg('data', process.env.SP_ABUSE_DATA ?? '');

const json = readFileSync(MODEL, 'utf8');
let started = performance.now();
const file = JSON.parse(json) as { evaluation: Record<string, unknown>; trainedAt: string };
const model = loadAbuseModel(file);
const loadMs = performance.now() - started;
console.log(
  `${MODEL}: ${(json.length / 1024).toFixed(0)} KB, ${(gzipSync(json).length / 1024).toFixed(0)} KB gzipped (budget 300 KB); ` +
    `checked and decoded in ${loadMs.toFixed(0)} ms; trained ${file.trainedAt}`,
);

// ~400-character captions.
const captionDir = resolve('library/src/captions');
const captions = readdirSync(captionDir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => (readFileSync(join(captionDir, name), 'utf8').split(/^---$/m)[2] ?? '').trim());
const tweets = dataDir ? parseTrainingCsv(readFileSync(join(resolve(dataDir), 'train.csv'), 'latin1')) : [];
if (!dataDir) console.log('(no --data DIR: tweet workload and in-sample figures skipped)');
const workload: string[] = [];
let buffer = '';
for (const text of [...captions, ...tweets.map((t) => t.text)]) {
  buffer = buffer ? `${buffer} ${text}` : text;
  if (buffer.length >= 380) {
    workload.push(buffer.slice(0, 420));
    buffer = '';
  }
}
// Repeated to at least 1,500 calls a round, so that the figure is not the JIT warming up.
while (workload.length > 0 && workload.length < 1500)
  workload.push(...workload.slice(0, 1500 - workload.length));
const meanLength = workload.reduce((sum, t) => sum + t.length, 0) / workload.length;
for (const text of workload.slice(0, 500)) scoreAbuse(text, model); // warm-up
const times: number[] = [];
const cpu: number[] = [];
for (let round = 0; round < 3; round += 1) {
  started = performance.now();
  const cpuStart = process.cpuUsage();
  for (const text of workload) scoreAbuse(text, model);
  const used = process.cpuUsage(cpuStart);
  times.push((performance.now() - started) / workload.length);
  cpu.push((used.user + used.system) / 1000 / workload.length);
}
// CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
console.log(
  `scoreAbuse: ${(Math.min(...times) * 1000).toFixed(1)} µs wall, ${(Math.min(...cpu) * 1000).toFixed(1)} µs CPU per caption ` +
    `(best of 3 rounds over ${workload.length} captions, mean ${meanLength.toFixed(0)} characters; budget 200 µs)`,
);

// The engine's path (windows, a quick score, drivers only when flagged) on the library's own
// captions: clean agency text, what the checker sees most of the time.
const agencyWorkload: string[] = [];
for (let i = 0; agencyWorkload.length < 500; i += 1) {
  const a = captions[i % captions.length] ?? '';
  const b = captions[(i * 7 + 3) % captions.length] ?? '';
  agencyWorkload.push(`${a}\n\n${b}`.slice(0, 420));
}
for (const text of agencyWorkload) modelFindings(text, model, 'id');
const agencyCpu: number[] = [];
for (let round = 0; round < 3; round += 1) {
  const cpuStart = process.cpuUsage();
  for (const text of agencyWorkload) modelFindings(text, model, 'id');
  const used = process.cpuUsage(cpuStart);
  agencyCpu.push((used.user + used.system) / 1000 / agencyWorkload.length);
}
console.log(
  `modelFindings on agency captions (≤ 420 characters): ${(Math.min(...agencyCpu) * 1000).toFixed(1)} µs CPU per caption`,
);

console.log('cross-validated figures stored by the trainer:');
for (const [name, value] of Object.entries(file.evaluation))
  console.log(`  ${name}: ${JSON.stringify(value)}`);

interface Draft {
  id: string;
  text: string;
  expected_categories?: string[];
}
const drafts: Draft[] = [];
for (const name of ['drafts.jsonl', 'reference-drafts.jsonl']) {
  try {
    for (const line of readFileSync(resolve('tests/corpus', name), 'utf8').split('\n'))
      if (line.trim()) drafts.push(JSON.parse(line) as Draft);
  } catch (error) {
    console.log(`(tests/corpus/${name} not read: ${(error as Error).message})`);
  }
}
const clean = drafts.filter((d) => (d.expected_categories ?? []).length === 0);
const abusive = drafts.filter((d) =>
  (d.expected_categories ?? []).some((c) => c === 'abuse' || c === 'hate-speech'),
);
const flagged = (d: Draft) => modelFindings(d.text, model, 'en').length > 0;
const cleanFlagged = clean.filter(flagged);
console.log(
  `corpus drafts: ${cleanFlagged.length}/${clean.length} clean drafts flagged` +
    (cleanFlagged.length ? ` (${cleanFlagged.map((d) => d.id).join(', ')})` : '') +
    `; ${abusive.filter(flagged).length}/${abusive.length} abuse or hate-speech drafts caught`,
);

if (tweets.length > 0) {
  const predicted = tweets.map((t) => scoreAbuse(t.text, model).label !== 'clean');
  const m = metrics(
    predicted,
    tweets.map((t) => t.abuse),
  );
  console.log(
    `train.csv, in-sample (seen in training, optimistic): P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)} acc ${m.accuracy.toFixed(3)}`,
  );
}
