import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '@/lib/cli/check';
import { checkText, compileRules } from '@/lib/guidelines';
import { modelCheckers } from '@/lib/guidelines/model/checker';
import { decodeWeights, encodeWeights } from '@/lib/guidelines/model/codec';
import { MODEL_RULE_IDS } from '@/lib/guidelines/model/findings';
import type { AbuseModelFile } from '@/lib/guidelines/model/types';
import { answerModelRequest } from '@/lib/guidelines/model-requests';
import { LibraryBundleSchema } from '@/lib/library/schema';
import { createRuleChecker } from '@/lib/sidebar/rule-checker';
import { fakeIo } from '../cli/fake-io';
import { tinyModelFile } from './model-fixtures';

/** Builds and loads the whole library: sized for a loaded 2-core machine. */
const SLOW = { timeout: 60_000 };
const ROOT = join(import.meta.dirname, '../../..');
const EMBEDDED = join(ROOT, 'public/library/kalbar.json');
const MODEL_IDS: string[] = Object.values(MODEL_RULE_IDS);
/** Insults the library's word lists may or may not know, in forms people type. */
const ABUSIVE = 'Admin dinas ini t0l0l bgt, otak udang, b4ngs4t kalian semua!!!';
const CLEAN =
  'Dinas Kesehatan Provinsi Kalimantan Barat mengimbau warga hidup sehat.\n\nSumber: Dinas Kesehatan Provinsi Kalimantan Barat';

describe('the abuse model as an extra checker of the engine', () => {
  it('adds its finding to checkText, which scores it with the rules', () => {
    const compiled = compileRules([], { checkers: modelCheckers({ abuse: tinyModelFile() }) });
    const ctx = { platform: 'facebook', field: 'caption', lang: 'en' } as const;
    const text = 'Kata itu kasar sekali.';
    const result = checkText(compiled, text, ctx);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ ruleId: 'KB-MODEL-ABUSE', category: 'abuse' });
    expect(result.verdict).not.toBe('ready');
    expect(checkText(compiled, 'Selamat pagi warga.', ctx).findings).toEqual([]);
    expect(modelCheckers(undefined)).toEqual([]);
    expect(modelCheckers({})).toEqual([]);
  });

  it(
    'runs in the sidebar’s checker with the embedded library (the models answered as the background does)',
    SLOW,
    async () => {
      const bundle = LibraryBundleSchema.parse(JSON.parse(readFileSync(EMBEDDED, 'utf8')));
      let answered: () => void = () => undefined;
      const arrived = new Promise<void>((resolve) => {
        answered = resolve;
      });
      const checker = createRuleChecker('facebook', {
        models: async (request) => answerModelRequest(bundle.models, request),
        onModelFindings: () => answered(),
      });
      checker.load(bundle);
      checker.check(ABUSIVE, 'caption', 'id', null);
      await arrived;
      const found = checker
        .check(ABUSIVE, 'caption', 'id', null)
        .findings.filter((f) => MODEL_IDS.includes(f.ruleId));
      expect(found).toHaveLength(1);
      expect(ABUSIVE.slice(found[0]?.start, found[0]?.end)).toMatch(/t0l0l|b4ngs4t|otak|udang/);
      expect(checker.check(CLEAN, 'caption', 'id', null).findings).toEqual([]);
    },
  );
});

describe('check (CLI) with the model', () => {
  it('reports the model’s finding from the embedded library', SLOW, async () => {
    const t = fakeIo(ABUSIVE);
    expect(await run(['--lang', 'en', '-'], t.io)).toBe(1);
    const result = JSON.parse(t.stdout()) as { findings: Array<{ ruleId: string; message: string }> };
    const model = result.findings.find((f) => MODEL_IDS.includes(f.ruleId));
    expect(model?.message).toMatch(/model rates this text/);
  });

  it('refuses a library whose model fails its checksum, naming the path', SLOW, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-model-'));
    const bundle = JSON.parse(readFileSync(EMBEDDED, 'utf8')) as { models: { abuse: AbuseModelFile } };
    const head = bundle.models.abuse.heads.hate;
    const weights = decodeWeights(head.weights, 2 ** bundle.models.abuse.features.hashBits);
    const index = weights.findIndex((w) => w !== 0);
    weights[index] = -(weights[index] as number);
    head.weights = encodeWeights(weights);
    writeFileSync(join(dir, 'lib.json'), JSON.stringify(bundle));
    const t = fakeIo(CLEAN);
    expect(await run(['--library', 'lib.json'], { ...t.io, cwd: dir })).toBe(2);
    expect(t.stderr()).toMatch(/^check: .*lib\.json: models\.abuse\.checksum: checksum mismatch/);
    expect(t.stdout()).toBe('');
  });
});
