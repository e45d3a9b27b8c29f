import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRuleSource } from '@/lib/cli/rule-sources';
import { type CheckContext, checkText, compileRules, type Rule } from '@/lib/guidelines';
import { COLLOQUIAL } from '@/lib/guidelines/colloquial';
import { buildPrefilter, known, literalsTable, prefilterFrom } from '@/lib/guidelines/prefilter';
import { ContextConditionSchema, RequiredRuleSchema, type Within } from '@/lib/guidelines/schema';
import { sentenceBounds, sentenceBreaks, windowBounds } from '@/lib/guidelines/text-utils';
import { buildWordPass } from '@/lib/guidelines/word-pass';
import { buildBundleFromSources } from '@/lib/library/build-bundle';
import { verifyBundle } from '@/lib/library/verify-bundle';
import { CTX, rule } from './rule-fixtures';

/**
 * Windows of sentences around a match (docs/guidelines.md § Rule kinds): `within: {before, after}`
 * on when/unless conditions, and `anyOfWithin` on `required` rules.
 */

const window = (text: string, start: number, end: number, before: number, after: number) => {
  const [from, to] = windowBounds(text, sentenceBreaks(text), start, end, before, after);
  return text.slice(from, to);
};

describe('windows of sentences', () => {
  const text = 'Satu. Dua! Tiga?\nEmpat lima. Enam';
  const at = (word: string) => [text.indexOf(word), text.indexOf(word) + word.length] as const;

  it('reach the sentences before and after the match’s own, and stop at the text’s start and end', () => {
    expect(window(text, ...at('Tiga'), 0, 0)).toBe(' Tiga?');
    expect(window(text, ...at('Tiga'), 1, 0)).toBe(' Dua! Tiga?');
    expect(window(text, ...at('Tiga'), 2, 1)).toBe('Satu. Dua! Tiga?\nEmpat lima.');
    // More than there are: up to the start or the end of the text.
    expect(window(text, ...at('Dua'), 5, 0)).toBe('Satu. Dua!');
    expect(window(text, ...at('Empat'), 0, 5)).toBe('Empat lima. Enam');
    expect(window(text, ...at('Satu'), 3, 0)).toBe('Satu.');
    expect(window(text, ...at('Enam'), 0, 3)).toBe(' Enam');
    // At the very end (a required rule without a trigger looks there).
    expect(window(text, text.length, text.length, 1, 0)).toBe('Empat lima. Enam');
    expect(window('', 0, 0, 2, 2)).toBe('');
  });

  it('take line breaks as ends, and pass over lines without a letter or digit', () => {
    const post = 'Menurut BPS Kalbar:\n\n━━━━━━\n🔥🔥\nAngka kemiskinan turun 12%.\n\nFaktanya tidak.';
    const figure = [post.indexOf('12%'), post.indexOf('12%') + 3] as const;
    expect(window(post, ...figure, 0, 0)).toBe('Angka kemiskinan turun 12%.');
    expect(window(post, ...figure, 1, 0)).toBe(
      'Menurut BPS Kalbar:\n\n━━━━━━\n🔥🔥\nAngka kemiskinan turun 12%.',
    );
    expect(window(post, ...figure, 0, 1)).toBe('Angka kemiskinan turun 12%.\n\nFaktanya tidak.');
    // Abbreviations do not end a sentence, as for `sentence`.
    const street = 'Posko di Jl. Merdeka No. 5 buka. Hubungi kami.';
    expect(window(street, street.indexOf('buka'), street.indexOf('buka') + 4, 0, 1)).toBe(
      'Posko di Jl. Merdeka No. 5 buka. Hubungi kami.',
    );
  });

  it('with no sentence before or after are the match’s sentence, as sentenceBounds finds it', () => {
    const piece = fc.constantFrom('a', 'Jl', 'No', ' ', '.', '!', '?', '\n', 'Kota', '5', '“', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(), fc.nat(), (parts, x, y) => {
        const text = parts.join('');
        const start = text.length === 0 ? 0 : x % (text.length + 1);
        const end = start + (y % (text.length - start + 1));
        const breaks = sentenceBreaks(text);
        expect(windowBounds(text, breaks, start, end, 0, 0)).toEqual(sentenceBounds(text, start, end));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('within in the schema', () => {
  const within = (value: unknown) => {
    const parsed = ContextConditionSchema.safeParse({ patterns: ['x'], within: value });
    return parsed.success ? parsed.data.within : parsed.error.issues.map((i) => i.message).join('; ');
  };

  it('keeps the string forms and accepts windows of up to five sentences each way', () => {
    expect(within(undefined)).toBe('sentence');
    expect(within('sentence')).toBe('sentence');
    expect(within('text')).toBe('text');
    expect(within({ before: 2 })).toEqual({ before: 2, after: 0 });
    expect(within({ before: 0, after: 1 })).toEqual({ before: 0, after: 1 });
    expect(within({ before: 5, after: 5 })).toEqual({ before: 5, after: 5 });
  });

  it('refuses more than five, negative, fractional, unknown keys and other words, saying what it takes', () => {
    expect(within({ before: 6 })).toBe("at most 5 sentences before or after the match's own");
    expect(within({ after: -1 })).toBe('a number of sentences, 0 or more');
    const forms = 'sentence, text, or a window {before: n, after: n} of 0 to 5 sentences each';
    expect(within({ before: 1.5 })).toBe(forms);
    expect(within({ before: 1, lines: 2 })).toBe(forms);
    expect(within('paragraph')).toBe(forms);
    expect(within(2)).toBe(forms);
  });

  it('names the rule, the file and the field when a rule file has a bad window', () => {
    const yaml = `- id: X-WIN
  kind: terms
  category: style
  severity: warning
  message: {id: x, en: x}
  terms: [anjing]
  unless: [{patterns: [rabies], within: {before: 9}}]
  examples: {bad: [anjing]}
`;
    expect(parseRuleSource(yaml, 'x.yaml').problems).toEqual([
      {
        ruleId: 'X-WIN',
        message: "x.yaml: unless.0.within.before: at most 5 sentences before or after the match's own",
      },
    ]);
  });

  it('gives required rules anyOfWithin, the whole text by default', () => {
    const required = { id: 'R', category: 'style', severity: 'warning', message: { id: 'x', en: 'x' } };
    const parse = (extra: object) =>
      RequiredRuleSchema.safeParse({ ...required, kind: 'required', anyOf: ['x'], ...extra });
    // Left out, it stays out: bundles built from rules without it are byte for byte as before.
    expect(parse({}).data).not.toHaveProperty('anyOfWithin');
    expect(parse({ anyOfWithin: 'text' }).data?.anyOfWithin).toBe('text');
    expect(parse({ anyOfWithin: 'sentence' }).data?.anyOfWithin).toBe('sentence');
    expect(parse({ anyOfWithin: { before: 1 } }).data?.anyOfWithin).toEqual({ before: 1, after: 0 });
    expect(parse({ anyOfWithin: { after: 7 } }).error?.issues[0]?.message).toMatch(/at most 5 sentences/);
  });
});

/** Compiled three ways: plainly, as the page does (the background's literal table), as `check` does. */
function threeWays(rules: Rule[]) {
  const table = literalsTable(rules);
  return {
    plain: compileRules(rules),
    page: compileRules(rules, { prefilter: (compiled) => prefilterFrom(compiled, known(table)) }),
    batch: compileRules(rules, {
      prefilter: buildPrefilter,
      colloquial: COLLOQUIAL,
      wordPass: buildWordPass,
    }),
  };
}

/** The findings of one rule set on a text, the same all three ways (else the test fails). */
function findingsOf(ways: ReturnType<typeof threeWays>, text: string, ctx: CheckContext = CTX) {
  const plain = checkText(ways.plain, text, ctx).findings;
  expect(checkText(ways.page, text, ctx).findings).toEqual(plain);
  expect(checkText(ways.batch, text, ctx).findings).toEqual(plain);
  return plain.map((f) => [f.ruleId, text.slice(f.start, f.end)]);
}

describe('when and unless with a window', () => {
  // Demonstrations, in the form a rule file would use.
  const figure = rule({
    id: 'T-FIGURE',
    kind: 'pattern',
    category: 'credibility',
    patterns: ['\\b\\d+(?:[.,]\\d+)?\\s?%'],
    // A source named in the figure's sentence or one of the two before it ("the line above").
    unless: { patterns: ['\\b(?:menurut|sumber|data)\\s+\\p{Lu}'], within: { before: 2, after: 0 } },
    examples: {
      bad: ['Angka kemiskinan turun 12%.'],
      good: ['Menurut BPS Kalbar:\nAngka kemiskinan turun 12%.'],
    },
  });
  const hoax = rule({
    id: 'T-HOAX',
    kind: 'terms',
    category: 'misinformation',
    terms: ['vaksin mengandung chip'],
    // A debunk's "Faktanya …" in the sentence after the claim.
    unless: { patterns: ['\\bfaktanya\\b'], within: { before: 0, after: 1 } },
    examples: {
      bad: ['Katanya vaksin mengandung chip. Sebarkan!'],
      good: ['HOAKS: vaksin mengandung chip. Faktanya, vaksin aman.'],
    },
  });
  const ways = threeWays([figure, hoax]);

  it('runs its examples', () => {
    expect(() => compileRules([figure, hoax], { checkExamples: true })).not.toThrow();
  });

  it('looks in the sentences before the match', () => {
    expect(findingsOf(ways, 'Menurut BPS Kalbar:\nAngka kemiskinan turun 12%.')).toEqual([]);
    expect(findingsOf(ways, 'Menurut BPS Kalbar:\n\nRingkasnya.\nAngka kemiskinan turun 12%.')).toEqual([]);
    // Three sentences up is too far.
    expect(findingsOf(ways, 'Menurut BPS Kalbar. Satu hal. Lain hal. Angka kemiskinan turun 12%.')).toEqual([
      ['T-FIGURE', '12%'],
    ]);
    // A source after the figure does not count for before: 2, after: 0.
    expect(findingsOf(ways, 'Angka kemiskinan turun 12%. Menurut BPS Kalbar.')).toEqual([
      ['T-FIGURE', '12%'],
    ]);
    // At the start of the text there is nothing before.
    expect(findingsOf(ways, '12% warga belum divaksin.')).toEqual([['T-FIGURE', '12%']]);
  });

  it('looks in the sentence after the match, and not past the text’s end', () => {
    expect(findingsOf(ways, 'HOAKS: vaksin mengandung chip. Faktanya, vaksin aman.')).toEqual([]);
    expect(findingsOf(ways, 'HOAKS: vaksin mengandung chip.\nFaktanya, vaksin aman.')).toEqual([]);
    expect(findingsOf(ways, 'Faktanya sudah jelas. Katanya vaksin mengandung chip.')).toEqual([
      ['T-HOAX', 'vaksin mengandung chip'],
    ]);
    expect(findingsOf(ways, 'Katanya vaksin mengandung chip. Sebarkan! Faktanya?')).toEqual([
      ['T-HOAX', 'vaksin mengandung chip'],
    ]);
    expect(findingsOf(ways, 'Katanya vaksin mengandung chip')).toEqual([
      ['T-HOAX', 'vaksin mengandung chip'],
    ]);
  });

  it('leaves the string forms as they were: {before: 0, after: 0} is sentence', () => {
    const scoped = (within: Within) =>
      threeWays([
        rule({
          id: 'T-ANJ',
          kind: 'terms',
          category: 'abuse',
          terms: ['anjing'],
          unless: { patterns: ['rabies'], within },
        }),
      ]);
    const texts = [
      'Anjing itu divaksin rabies.',
      'Dasar anjing. Vaksin rabies gratis.',
      'Vaksin rabies.\nAnjing liar ditangkap.',
      'Dasar anjing',
    ];
    const sentence = scoped('sentence');
    const zero = scoped({ before: 0, after: 0 });
    const text = scoped('text');
    expect(texts.map((t) => findingsOf(sentence, t).length)).toEqual([0, 1, 1, 1]);
    expect(texts.map((t) => findingsOf(zero, t).length)).toEqual([0, 1, 1, 1]);
    expect(texts.map((t) => findingsOf(text, t).length)).toEqual([0, 0, 0, 1]);
  });
});

describe('required rules with anyOfWithin', () => {
  const dated = (anyOfWithin?: Within | { before: number }) =>
    rule({
      id: 'T-DATE',
      kind: 'required',
      category: 'attribution',
      trigger: ['\\b(?:dilaporkan|terjadi)\\b'],
      anyOf: ['\\b\\d{1,2}\\s+(?:Januari|Desember)\\b', '\\b(?:kemarin|hari ini)\\b'],
      ...(anyOfWithin === undefined ? {} : { anyOfWithin }),
      examples: { bad: ['Banjir terjadi di Sambas.'], good: ['Banjir terjadi di Sambas hari ini.'] },
    });
  const text =
    'Banjir terjadi di Sambas hari ini. Longsor terjadi di Bengkayang. Pendaftaran ditutup 30 Desember.';
  const secondTrigger = ['T-DATE', 'terjadi'];

  it('reports the first trigger whose sentence lacks every anyOf', () => {
    const ways = threeWays([dated('sentence')]);
    const found = checkText(ways.plain, text, CTX).findings;
    expect(found).toHaveLength(1);
    expect(found[0]?.start).toBe(text.indexOf('terjadi di Bengkayang'));
    expect(findingsOf(ways, text)).toEqual([secondTrigger]);
    expect(findingsOf(ways, 'Banjir terjadi di Sambas hari ini. Longsor terjadi kemarin.')).toEqual([]);
    // A date elsewhere in the text is not the report's date.
    expect(findingsOf(ways, 'Longsor terjadi di Bengkayang. Pendaftaran ditutup 30 Desember.')).toEqual([
      secondTrigger,
    ]);
    // Only one finding even when both lack a date.
    expect(findingsOf(ways, 'Banjir terjadi. Longsor terjadi.')).toHaveLength(1);
  });

  it('runs its examples', () => {
    for (const anyOfWithin of ['sentence', { before: 1 }, 'text'] as const)
      expect(() => compileRules([dated(anyOfWithin)], { checkExamples: true })).not.toThrow();
  });

  it('reaches the sentences a window gives', () => {
    const ways = threeWays([dated({ before: 0, after: 1 })]);
    expect(findingsOf(ways, text)).toEqual([]);
    expect(findingsOf(ways, 'Longsor terjadi di Bengkayang. Warga mengungsi. Sejak 3 Januari.')).toEqual([
      secondTrigger,
    ]);
  });

  it('keeps the whole text by default: the first trigger, a date anywhere', () => {
    for (const anyOfWithin of [undefined, 'text'] as const) {
      const ways = threeWays([dated(anyOfWithin)]);
      expect(findingsOf(ways, text)).toEqual([]);
      expect(findingsOf(ways, 'Banjir terjadi. Longsor terjadi.')).toEqual([['T-DATE', 'terjadi']]);
      expect(checkText(ways.plain, 'Banjir terjadi. Longsor terjadi.', CTX).findings[0]?.start).toBe(7);
    }
  });

  it('judges each trigger its when/unless allow, and looks at the draft’s end without a trigger', () => {
    const guarded = rule({
      ...dated('sentence'),
      unless: { patterns: ['\\bsimulasi\\b'], within: 'sentence' },
    });
    const ways = threeWays([guarded]);
    expect(findingsOf(ways, 'Simulasi banjir terjadi di Sambas. Longsor terjadi hari ini.')).toEqual([]);
    expect(findingsOf(ways, 'Simulasi banjir terjadi di Sambas. Longsor terjadi di Bengkayang.')).toEqual([
      secondTrigger,
    ]);
    const closing = threeWays([
      rule({ id: 'T-END', kind: 'required', anyOf: ['#\\w+'], anyOfWithin: { before: 1 } }),
    ]);
    expect(findingsOf(closing, 'Info banjir. #InfoKalbar\nTerima kasih.')).toEqual([]);
    expect(findingsOf(closing, '#InfoKalbar Info banjir.\nSalam.\nTerima kasih.')).toEqual([['T-END', '']]);
  });

  it('still asks for the agency’s hashtags in the whole text', () => {
    const ways = threeWays([
      rule({ ...dated('sentence'), agencyHashtags: true, examples: { bad: [], good: [] } }),
    ]);
    const agency = {
      id: 'dinkes',
      name: 'Dinas Kesehatan',
      shortName: 'Dinkes',
      requiredHashtags: ['#DinkesKalbar'],
      officialPhones: [],
    };
    const ctx = { ...CTX, agency };
    expect(findingsOf(ways, 'Banjir terjadi di Sambas hari ini.', ctx)).toEqual([['T-DATE', '']]);
    expect(findingsOf(ways, 'Banjir terjadi di Sambas. #DinkesKalbar', ctx)).toEqual([['T-DATE', 'terjadi']]);
  });
});

/** Building and verifying audits new patterns with recheck: sized for a loaded 2-core machine. */
const SLOW = { timeout: 60_000 };

describe('a library using windows', () => {
  const sources = {
    'meta.yaml': 'id: uji\npublisher: Uji\n',
    'guidelines/windows.yaml': `- id: UJI-ANGKA
  kind: pattern
  category: credibility
  severity: warning
  message: {id: 'Sebutkan sumber angka %s.', en: 'Name the source of %s.'}
  patterns: ['\\b\\d+(?:[.,]\\d+)?\\s?%']
  unless:
    - {patterns: ['\\b(?:menurut|sumber)\\s+\\p{Lu}'], within: {before: 2}}
  examples:
    bad: ['Angka kemiskinan turun 12%.']
    good: ["Menurut BPS Kalbar:\\nAngka kemiskinan turun 12%."]
- id: UJI-TANGGAL
  kind: required
  category: attribution
  severity: suggestion
  message: {id: 'Kapan %s?', en: 'When %s?'}
  trigger: ['\\bterjadi\\b']
  anyOf: ['\\b\\d{1,2}\\s+Desember\\b', '\\bhari ini\\b']
  anyOfWithin: sentence
  examples:
    bad: ['Longsor terjadi di Bengkayang. Pendaftaran ditutup 30 Desember.']
    good: ['Longsor terjadi di Bengkayang hari ini.']
`,
  };

  it('builds, verifies, and checks with the windows', SLOW, async () => {
    const built = buildBundleFromSources(sources, { now: new Date('2026-11-30T00:00:00Z') });
    const rules = built.bundle.guidelines;
    expect(rules.map((r) => r.id)).toEqual(['UJI-ANGKA', 'UJI-TANGGAL']);
    const verified = await verifyBundle(new TextEncoder().encode(built.json), { trusted: true });
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    const compiled = compileRules(verified.bundle.guidelines, { checkExamples: true });
    const found = checkText(compiled, 'Longsor terjadi di Bengkayang. Pendaftaran ditutup 30 Desember.', CTX);
    expect(found.findings.map((f) => f.ruleId)).toEqual(['UJI-TANGGAL']);
  });

  it('refuses a window too wide, naming the file and the field', SLOW, () => {
    const wide = sources['guidelines/windows.yaml'].replace(
      'anyOfWithin: sentence',
      'anyOfWithin: {after: 6}',
    );
    expect(() =>
      buildBundleFromSources({ ...sources, 'guidelines/windows.yaml': wide }, { now: new Date() }),
    ).toThrow(
      "guidelines[1].anyOfWithin.after (guidelines/windows.yaml): at most 5 sentences before or after the match's own",
    );
  });
});
