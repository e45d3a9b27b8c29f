import { describe, expect, it, vi } from 'vitest';
import { checkText, compileRules } from '@/lib/guidelines/engine';
import { modelCheckers } from '@/lib/guidelines/model/checker';
import { answerModelRequest, type ModelRequest } from '@/lib/guidelines/model-requests';
import { RuleListSchema } from '@/lib/guidelines/schema';
import type { CheckContext, Finding } from '@/lib/guidelines/types';
import type { LibraryBundle } from '@/lib/library/schema';
import { log } from '@/lib/log';
import { createRuleChecker, MODEL_PAUSE_MS } from '@/lib/sidebar/rule-checker';
import { tinyModelFile } from '../guidelines/model-fixtures';

const guidelines = RuleListSchema.parse([
  {
    id: 'T-EJAAN',
    kind: 'substitution',
    category: 'spelling',
    severity: 'suggestion',
    message: { id: 'Baku: %s', en: 'Standard: %s' },
    pairs: [{ from: 'himbauan', to: 'imbauan' }],
    examples: { bad: ['Ada himbauan.'], good: ['Ada imbauan.'] },
  },
  {
    id: 'T-JUDUL',
    kind: 'limit',
    category: 'platform-limits',
    severity: 'error',
    message: { id: 'Judul terlalu panjang (%s)', en: 'Title too long (%s)' },
    scope: { platforms: ['youtube'], fields: ['title'] },
    measure: 'chars',
    max: 10,
    examples: { bad: ['Judul yang terlalu panjang'], good: ['Pendek'] },
  },
]);

const bundle = {
  agencies: [],
  guidelines,
  allowlists: { phones: [], domains: [] },
} as unknown as LibraryBundle; // only the fields the checker reads

describe('createRuleChecker', () => {
  it('checks nothing (and says ready) until a library is loaded', () => {
    const rules = createRuleChecker('youtube');
    expect(rules.check('Ada himbauan', 'description', 'id', null)).toEqual({
      verdict: 'ready',
      score: 100,
      findings: [],
    });
    expect(rules.limits('title')).toEqual({});
  });

  it('checks per platform and field, in the UI language, and gives the field its limits', () => {
    const rules = createRuleChecker('youtube');
    rules.load(bundle);
    const title = rules.check('Judul yang terlalu panjang', 'title', 'en', null);
    expect(title.findings.map((f) => [f.ruleId, f.category])).toEqual([['T-JUDUL', 'platform-limits']]);
    expect(title.findings[0]?.message).toMatch(/^Title too long/);
    expect(rules.check('Judul yang terlalu panjang', 'description', 'en', null).findings).toEqual([]);
    const fix = rules.check('Ada himbauan', 'description', 'id', null).findings[0];
    expect(fix).toMatchObject({ category: 'spelling', start: 4, end: 12, replacements: ['imbauan'] });
    expect(rules.limits('title')).toEqual({ chars: 10 });
    expect(rules.limits('description')).toEqual({});
  });

  it('keeps the rules without their examples and notes, finding what the full rules find', () => {
    const noted = {
      ...bundle,
      guidelines: guidelines.map((rule) => ({ ...rule, note: 'reviewed', source: 'Permendagri 1/2020' })),
    } as LibraryBundle;
    const rules = createRuleChecker('youtube');
    rules.load(noted);
    for (const rule of rules.bundle!.guidelines) {
      expect(rule.examples).toEqual({ bad: [], good: [] });
      expect(rule).not.toHaveProperty('note');
      // The sidebar links a finding to its rule's source.
      expect(rule.source).toBe('Permendagri 1/2020');
    }
    // The bundle loaded is left as it was.
    expect(noted.guidelines[0]!.examples.bad).toEqual(['Ada himbauan.']);
    const full = compileRules(guidelines);
    for (const [text, field] of [
      ['Ada himbauan dan himbauan lagi', 'description'],
      ['Judul yang terlalu panjang', 'title'],
    ] as const) {
      const ctx = {
        platform: 'youtube',
        field,
        lang: 'id',
        agencies: bundle.agencies,
        allowlists: bundle.allowlists,
      } satisfies CheckContext;
      expect(rules.check(text, field, 'id', null)).toEqual(checkText(full, text, ctx));
    }
  });
});

describe('createRuleChecker with the models elsewhere', () => {
  const models = { abuse: tinyModelFile() };
  const withModels = { ...bundle, models } as unknown as LibraryBundle;
  const TEXT = 'Ada himbauan. Kata itu kasar sekali.';
  /** No pause: the models are asked at once. */
  const now = (callback: () => void) => {
    callback();
    return () => undefined;
  };

  /** A models source answering like the background, one request at a time, when the test says. */
  function background() {
    const waiting: Array<{ request: ModelRequest; answer: (findings: Finding[]) => void }> = [];
    return {
      waiting,
      source: (request: ModelRequest) =>
        new Promise<readonly Finding[]>((resolve) => {
          waiting.push({ request, answer: resolve });
        }),
      answerNext: async () => {
        const next = waiting.shift()!;
        next.answer(answerModelRequest(models, next.request));
        await Promise.resolve();
        await Promise.resolve();
      },
    };
  }

  it('adds the models’ answer to the rules’ findings: the result checkText gives with the models in it', async () => {
    const bg = background();
    const answered: string[] = [];
    const rules = createRuleChecker('facebook', {
      models: bg.source,
      onModelFindings: (field) => answered.push(field),
      delay: now,
    });
    rules.load(withModels);
    // The page keeps no model file.
    expect(rules.bundle?.models).toBeUndefined();
    const first = rules.check(TEXT, 'caption', 'en', null);
    expect(first.findings.map((f) => f.ruleId)).toEqual(['T-EJAAN']);
    expect(bg.waiting).toHaveLength(1);
    expect(bg.waiting[0]!.request).toMatchObject({
      text: TEXT,
      platform: 'facebook',
      field: 'caption',
      lang: 'en',
    });
    expect(bg.waiting[0]!.request.reported).toEqual(first.findings);
    await bg.answerNext();
    expect(answered).toEqual(['caption']);
    const whole = compileRules(guidelines, { checkers: modelCheckers(models) });
    const expected = checkText(whole, TEXT, {
      platform: 'facebook',
      field: 'caption',
      lang: 'en',
      agencies: [],
      allowlists: { phones: [], domains: [] },
    });
    expect(expected.findings.map((f) => f.ruleId)).toEqual(['T-EJAAN', 'KB-MODEL-ABUSE']);
    expect(rules.check(TEXT, 'caption', 'en', null)).toEqual(expected);
    // Asked once per text: checking the same text again sends nothing.
    expect(bg.waiting).toHaveLength(0);
  });

  it('keeps the last answer’s findings where their words are unchanged until the new one comes, and drops answers to older texts', async () => {
    const bg = background();
    const rules = createRuleChecker('facebook', { models: bg.source, delay: now });
    rules.load(withModels);
    rules.check(TEXT, 'caption', 'en', null);
    await bg.answerNext();
    const flagged = rules
      .check(TEXT, 'caption', 'en', null)
      .findings.find((f) => f.ruleId === 'KB-MODEL-ABUSE')!;
    // Typing on after it: the finding stays while the models are asked about the new text.
    const typed = `${TEXT} Lagi`;
    expect(rules.check(typed, 'caption', 'en', null).findings).toContainEqual(flagged);
    // Its words rewritten ("ksr"): it goes until the models have seen them.
    const edited = TEXT.replace('kasar', 'ksr');
    expect(rules.check(edited, 'caption', 'en', null).findings.map((f) => f.ruleId)).toEqual(['T-EJAAN']);
    expect(bg.waiting.map((w) => w.request.text)).toEqual([typed, edited]);
    // The answer about `typed` comes after `edited` was asked: not kept.
    await bg.answerNext();
    expect(rules.check(edited, 'caption', 'en', null).findings.map((f) => f.ruleId)).toEqual(['T-EJAAN']);
    await bg.answerNext();
    expect(rules.check(edited, 'caption', 'en', null).findings.map((f) => f.ruleId)).toEqual([
      'T-EJAAN',
      'KB-MODEL-ABUSE',
    ]);
  });

  it('shows the rules’ findings alone when the background cannot answer, and says why in the log', async () => {
    const warn = vi.spyOn(log, 'warn').mockImplementation(() => undefined);
    const rules = createRuleChecker('facebook', {
      models: () => Promise.reject(new Error('no background')),
      delay: now,
    });
    rules.load(withModels);
    expect(rules.check(TEXT, 'caption', 'en', null).findings.map((f) => f.ruleId)).toEqual(['T-EJAAN']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(warn).toHaveBeenCalledWith('models', expect.any(Error));
    expect(rules.check(TEXT, 'caption', 'en', null).findings.map((f) => f.ruleId)).toEqual(['T-EJAAN']);
    warn.mockRestore();
  });

  it('asks once typing pauses: texts typed meanwhile are not sent', async () => {
    const bg = background();
    const timers: Array<{ run: () => void; ms: number; cancelled: boolean }> = [];
    const rules = createRuleChecker('facebook', {
      models: bg.source,
      delay: (run, ms) => {
        const timer = { run, ms, cancelled: false };
        timers.push(timer);
        return () => {
          timer.cancelled = true;
        };
      },
    });
    rules.load(withModels);
    for (const text of ['Kata', 'Kata itu', TEXT]) rules.check(text, 'caption', 'en', null);
    expect(timers.map((t) => [t.ms, t.cancelled])).toEqual([
      [MODEL_PAUSE_MS, true],
      [MODEL_PAUSE_MS, true],
      [MODEL_PAUSE_MS, false],
    ]);
    expect(bg.waiting).toHaveLength(0);
    timers[2]!.run();
    expect(bg.waiting.map((w) => w.request.text)).toEqual([TEXT]);
    await bg.answerNext();
    expect(rules.check(TEXT, 'caption', 'en', null).findings.map((f) => f.ruleId)).toEqual([
      'T-EJAAN',
      'KB-MODEL-ABUSE',
    ]);
  });
});
