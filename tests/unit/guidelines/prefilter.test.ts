import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRuleSources } from '@/lib/cli/rule-sources';
import { type CheckContext, checkText, compileRules } from '@/lib/guidelines';
import { COLLOQUIAL } from '@/lib/guidelines/colloquial';
import { literalsKey } from '@/lib/guidelines/compile-memo';
import { unlessConditions } from '@/lib/guidelines/compiled';
import type { LibraryRegex } from '@/lib/guidelines/library-regex';
import { buildPrefilter, known, literalsTable, prefilterFrom } from '@/lib/guidelines/prefilter';
import { requiredLiteralSets, requiredLiterals } from '@/lib/guidelines/required-literals';
import { compileLibraryPattern } from '@/lib/guidelines/safe-regex';
import { tokenize } from '@/lib/guidelines/text-utils';
import { buildWordPass } from '@/lib/guidelines/word-pass';
import { benchCaptions } from '@/scripts/captions';
import { loadCorpus } from '@/tests/corpus/evaluate-corpus';
import { CTX, rule } from './rule-fixtures';

/**
 * The batch path's regex prefilter and remembered word lookups (docs/guidelines.md § Batch
 * prefilter) may only skip work that cannot find anything: the same findings with them as without,
 * on the shipped rules, on the corpus and on generated texts built from the very words the patterns
 * and lexicons look for.
 */
const rules = loadRuleSources();

/** Every library pattern source with the flags it is compiled with. */
function librarySources(): Array<{ source: string; caseSensitive: boolean }> {
  const out: Array<{ source: string; caseSensitive: boolean }> = [];
  for (const rule of rules) {
    if (rule.kind === 'pattern')
      for (const source of rule.patterns) out.push({ source, caseSensitive: rule.caseSensitive });
    if (rule.kind === 'required') {
      for (const source of [...rule.anyOf, ...(rule.trigger ?? [])])
        out.push({ source, caseSensitive: rule.caseSensitive });
    }
    for (const condition of ['when' in rule ? rule.when : undefined, ...unlessConditions(rule)]) {
      if (condition)
        for (const source of condition.patterns) out.push({ source, caseSensitive: condition.caseSensitive });
    }
  }
  return out;
}

/** Pieces of text: the literals the patterns need, in several cases, and what sits around them. */
function pieces(): string[] {
  const words = new Set<string>();
  for (const { source, caseSensitive } of librarySources())
    for (const literal of (requiredLiteralSets(source, caseSensitive) ?? []).flat()) {
      words.add(literal);
      words.add(literal.toLowerCase());
      words.add(literal.toUpperCase());
      words.add(literal.charAt(0).toUpperCase() + literal.slice(1).toLowerCase());
    }
  return [
    ...words,
    ' ',
    '  ',
    '\n',
    '. ',
    ', ',
    '(',
    ')',
    ':',
    '/',
    '-',
    '#',
    '%',
    '12',
    '2',
    '0812 3456 7890',
    'Budi Santoso',
    'ſ',
    'K',
    'İ',
    'é',
    'Rp',
    'No.',
    'anak',
    'Kota',
    // Normalised lexicon words, plain and in the forms that take the general normalisation.
    'goblok',
    'Goblokmu',
    'g o b l o k',
    'a.n.j.i.n.g',
    'b@bi',
    'gblk',
    'bangsaaat',
    'g0bl0k',
    'jual ganja',
  ];
}

const CONTEXTS: CheckContext[] = [
  { platform: 'facebook', field: 'caption', lang: 'id' },
  { platform: 'youtube', field: 'description', lang: 'en' },
  { platform: 'youtube', field: 'title', lang: 'id' },
];

describe('required literals of a pattern', () => {
  it('reads the strings every match must contain', () => {
    expect(requiredLiterals('\\b(?:[Mm]enurut|berdasarkan)\\s+\\p{Lu}')).toEqual(['menurut', 'berdasarkan']);
    expect(requiredLiterals('\\bNPWP\\b\\s*:')).toEqual(['npwp']);
    expect(requiredLiterals('[<>]')).toEqual(['<', '>']);
    expect(requiredLiterals('(?<=\\d)\\s+%')).toEqual(['%']);
    // Across a part it does not know: what follows the unknown part.
    expect(requiredLiterals('[a-z0-9.-]{0,100}\\.(?:id|com)\\b')).toEqual(['.id', '.com']);
    // A string that contains another of the set is dropped.
    expect(requiredLiterals('(?:https?://)?(?:bit\\.ly|t\\.ly)/')).toEqual(['t.ly/']);
    expect(requiredLiterals('\\b[Ss]isw[ai]\\b')).toEqual(['siswa', 'siswi']);
    // A case-sensitive pattern keeps its case (looked for in the text as written).
    expect(requiredLiterals(',\\s*(?:MM|SH|MSi)\\b', true)).toEqual(['MM', 'SH', 'MSi']);
    expect(requiredLiterals('\\b[Ss]isw[ai]\\b', true)).toEqual(['Siswa', 'Siswi', 'siswa', 'siswi']);
  });

  it('reads sets of them, one string of each set in every match, the most selective first', () => {
    // A common first word ("jangan") no longer lets the pattern run on its own.
    expect(requiredLiteralSets('\\b(?:jangan|jgn)\\s+(?:jual|sewakan)\\b')).toEqual([
      ['jual', 'sewakan'],
      ['jgn', 'jangan'],
    ]);
    // The first set is requiredLiterals' (what the page's table holds).
    expect(requiredLiteralSets('\\bNPWP\\b\\s*:')).toEqual([['npwp'], [':']]);
    // Inside a repetition of at least one: still required; of zero or more, or in one branch: not.
    expect(requiredLiteralSets('(?:ibu\\s+kota)+')).toEqual([['kota'], ['ibu']]);
    expect(requiredLiteralSets('(?:ibu\\s+)?kota')).toEqual([['kota']]);
    // Alternatives: what every branch starts with, and what every branch ends with.
    expect(requiredLiteralSets('(?:ibu\\s+kota|desa)')).toEqual([
      ['kota', 'desa'],
      ['ibu', 'desa'],
    ]);
    // A set another implies adds nothing: "t.ly/x" holds "/x", "t.ly" and "ly/".
    expect(requiredLiteralSets('(?:bit\\.ly|t\\.ly)/x')).toEqual([['t.ly/x']]);
    expect(requiredLiteralSets('\\p{Lu}{5,}')).toBeUndefined();
    expect(requiredLiteralSets('(unclosed')).toBeUndefined();
  });

  it('gives up when a match needs no literal or the syntax is unknown', () => {
    expect(requiredLiterals('\\p{Lu}{5,}')).toBeUndefined();
    expect(requiredLiterals('(?:nomor)?\\s*\\d+')).toBeUndefined();
    expect(requiredLiterals('(?:abc|\\d+)')).toBeUndefined();
    expect(requiredLiterals('[^abc]+')).toBeUndefined();
    expect(requiredLiterals('(?<=\\bmenurut )\\p{Lu}')).toBeUndefined();
    expect(requiredLiterals('(unclosed')).toBeUndefined();
    // Non-ASCII letters fold in ways lower-casing does not mirror: no literal from them.
    expect(requiredLiterals('ſ')).toBeUndefined();
  });
});

describe('regex prefilter', () => {
  const sources = librarySources();
  const withLiterals = sources.filter(({ source, caseSensitive }) => requiredLiterals(source, caseSensitive));

  it('knows literals for most shipped patterns', () => {
    expect(withLiterals.length / sources.length).toBeGreaterThan(0.8);
  });

  it('never rules out a shipped pattern on a text it matches (generated texts)', () => {
    const regexes = withLiterals.map(({ source, caseSensitive }) => ({
      source,
      re: compileLibraryPattern(source, caseSensitive),
      caseSensitive,
      sets: requiredLiteralSets(source, caseSensitive)!,
    }));
    const texts = fc
      .array(fc.constantFrom(...pieces()), { minLength: 1, maxLength: 30 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(texts, (text) => {
        let lower = text.toLowerCase();
        lower = lower.replaceAll('ſ', 's');
        for (const { source, re, caseSensitive, sets } of regexes) {
          re.lastIndex = 0;
          if (!re.test(text)) continue;
          // Case-sensitive literals are looked for in the text as written (prefilter.ts).
          const seen = caseSensitive ? text : lower;
          for (const set of sets)
            if (!set.some((l) => seen.includes(l)))
              throw new Error(`${source} matches ${JSON.stringify(text)} without any of ${set}`);
        }
      }),
      { numRuns: 1500 },
    );
  }, 300_000);

  it('never rules out a shipped pattern on a text it matches (corpus and benchmark captions)', () => {
    const texts = [...loadCorpus().map((d) => d.text), ...benchCaptions(300, 400).map((c) => c.text)];
    let matched = 0;
    for (const { source, caseSensitive } of withLiterals) {
      const re = compileLibraryPattern(source, caseSensitive);
      const sets = requiredLiteralSets(source, caseSensitive)!;
      for (const text of texts) {
        re.lastIndex = 0;
        if (!re.test(text)) continue;
        matched += 1;
        const seen = caseSensitive ? text : text.toLowerCase().replaceAll('ſ', 's');
        for (const set of sets)
          if (!set.some((l) => seen.includes(l)))
            throw new Error(`${source} matches ${JSON.stringify(text)} without any of ${set}`);
      }
    }
    // Not vacuous: the shipped patterns do match these texts.
    expect(matched).toBeGreaterThan(1000);
  }, 300_000);

  it('gives the same findings as the plain engine (corpus, benchmark captions, generated texts)', () => {
    const plain = compileRules(rules, { colloquial: COLLOQUIAL });
    const fast = compileRules(rules, {
      colloquial: COLLOQUIAL,
      prefilter: buildPrefilter,
      wordPass: buildWordPass,
    });
    const same = (text: string, ctx: CheckContext) => {
      expect(checkText(fast, text, ctx), text).toEqual(checkText(plain, text, ctx));
    };
    const texts = [...loadCorpus().map((d) => d.text), ...benchCaptions(300, 400).map((c) => c.text)];
    for (const text of texts) for (const ctx of CONTEXTS) same(text, ctx);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces()), { minLength: 1, maxLength: 40 }).map((p) => p.join('')),
        fc.constantFrom(...CONTEXTS),
        (text, ctx) => {
          same(text, ctx);
        },
      ),
      { numRuns: 400 },
    );
  }, 300_000);

  it('runs no regex of a rule when none can match (a draft without the words the rule needs)', () => {
    const fast = compileRules(rules, {
      colloquial: COLLOQUIAL,
      prefilter: buildPrefilter,
      wordPass: buildWordPass,
    });
    const prefilter = buildPrefilter(
      (fast as unknown as { compiled: Parameters<typeof buildPrefilter>[0] }).compiled,
    );
    const possible = prefilter.scan('Selamat pagi');
    expect(prefilter.slotOf.size).toBeGreaterThan(50);
    expect(possible.reduce((sum, v) => sum + v, 0)).toBeLessThan(prefilter.slotOf.size / 4);
  });
});

describe('the page’s prefilter, from the background’s table of literals', () => {
  it('has every library pattern’s literals, as the reader gives them', () => {
    const table = new Map(literalsTable(rules));
    const sources = librarySources();
    expect(table.size).toBe(new Set(sources.map((s) => `${s.caseSensitive}/${s.source}`)).size);
    for (const { source, caseSensitive } of sources)
      expect(known([...table])(source, caseSensitive)).toEqual(
        requiredLiterals(source, caseSensitive) ?? null,
      );
  });

  it('gives the same findings as the plain engine (corpus and benchmark captions)', () => {
    const plain = compileRules(rules);
    const table = literalsTable(rules);
    // As the sidebar compiles: its regexes made when a check first needs them.
    const page = compileRules(rules, {
      prefilter: (compiled) => prefilterFrom(compiled, known(table)),
      lazyRegexes: true,
    });
    const texts = [...loadCorpus().map((d) => d.text), ...benchCaptions(200, 400).map((c) => c.text)];
    for (const text of texts)
      for (const ctx of CONTEXTS)
        expect(checkText(page, text, ctx), text).toEqual(checkText(plain, text, ctx));
  }, 300_000);

  it('skips a pattern only on what the table says: a missing entry always runs', () => {
    const shout = [rule({ kind: 'pattern', patterns: ['\\bhalo\\b'] })];
    const wrong = compileRules(shout, {
      prefilter: (compiled) => prefilterFrom(compiled, known([[literalsKey('\\bhalo\\b', false), ['zzz']]])),
    });
    const empty = compileRules(shout, { prefilter: (compiled) => prefilterFrom(compiled, known([])) });
    expect(checkText(wrong, 'halo semua', CTX).findings).toEqual([]);
    expect(checkText(empty, 'halo semua', CTX).findings.map((f) => f.ruleId)).toEqual(['T-1']);
  });
});

describe('the prefilter automaton', () => {
  // Literals over a few letters share prefixes and suffixes (failure links, deep states with few
  // children); "é" takes the path of code units outside ASCII.
  const literal = fc.stringMatching(/^[abcé]{1,6}$/);
  const text = fc.stringMatching(/^[abcdé A-C]{0,60}$/);

  it('takes plain letter strings as their own literals (so the property below is not vacuous)', () => {
    expect(requiredLiterals('abcab', false)).toEqual(['abcab']);
  });

  it('marks exactly the patterns with one literal of each of their sets in the text', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(literal, { minLength: 1, maxLength: 40 }),
        fc.array(text, { maxLength: 8 }),
        (words, texts) => {
          // One rule per literal, its pattern the literal itself (its own required literal).
          const set = words.map((word, i) => ({ id: `T-${i}`, kind: 'pattern' as const, patterns: [word] }));
          const compiled = compileRules(
            set.map((r) => rule(r)),
            { prefilter: buildPrefilter },
          ) as unknown as {
            prefilter: ReturnType<typeof buildPrefilter>;
            compiled: Array<{ regexes: LibraryRegex[] }>;
          };
          for (const sample of texts) {
            const possible = compiled.prefilter.scan(sample);
            const lower = sample.toLowerCase();
            words.forEach((word, i) => {
              const slot = compiled.prefilter.slotOf.get(compiled.compiled[i]!.regexes[0]!);
              // The literal sets the analysis gives ("aéb" under the i flag needs "a" and "b"); a
              // pattern without any has no slot and always runs.
              const needed = requiredLiteralSets(word, false);
              if (!needed) {
                expect(slot).toBeUndefined();
                return;
              }
              const all = needed.every((set) => set.some((l) => lower.includes(l)));
              expect(possible[slot!]).toBe(all ? 1 : 0);
            });
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('remembered word lookups', () => {
  const compiled = compileRules(rules, { colloquial: COLLOQUIAL, wordPass: buildWordPass }) as unknown as {
    wordPass: ReturnType<typeof buildWordPass>;
  };

  it('leaves texts with letters spelled out or leet symbols to the general normalisation', () => {
    expect(compiled.wordPass(tokenize('Dasar goblok, pergi sana')).plain).toBe(true);
    expect(compiled.wordPass(tokenize('Dasar g o b l o k')).plain).toBe(false);
    expect(compiled.wordPass(tokenize('Dasar b@bi')).plain).toBe(false);
    // A lone digit is not a letter spelled out.
    expect(compiled.wordPass(tokenize('Tahap 2 dimulai')).plain).toBe(true);
  });

  it('gives each token its key in every trie, the same when the word is seen again', () => {
    const first = compiled.wordPass(tokenize('Goblokmu tadi'));
    const again = compiled.wordPass(tokenize('goblokmu TADI'));
    expect(first.words.map((w) => w.keys[0])).toEqual(['goblokmu', 'tadi']);
    expect(again.words.map((w) => w.keys)).toEqual(first.words.map((w) => w.keys));
    expect(again.words.map((w) => w.starts)).toEqual(first.words.map((w) => w.starts));
    // Some normalised trie starts at "goblok" (clitics stripped), none at "tadi" (the insult
    // lexicon has "itu babi"-style frames, so "itu" does start terms).
    expect(first.words[0]!.starts.slice(1).some((start) => start !== undefined)).toBe(true);
    expect(first.words[1]!.starts.every((start) => start === undefined)).toBe(true);
  });
});
