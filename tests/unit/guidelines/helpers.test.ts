import { describe, expect, it } from 'vitest';
import { affixedPairs, nasal } from '@/lib/guidelines/affixes';
import { compileLibraryPattern, toSafeUnicodePattern, UnsafePatternError } from '@/lib/guidelines/safe-regex';
import { matchCase, sentenceBounds, tokenize } from '@/lib/guidelines/text-utils';
import { hostOf, isAllowedHost, isPlausibleNik, normalizePhone } from '@/lib/guidelines/validators';

describe('affixes', () => {
  it('applies meN-/peN- nasal assimilation', () => {
    expect(nasal('me', 'himbau')).toBe('menghimbau');
    expect(nasal('me', 'sosialisasi')).toBe('menyosialisasi');
    expect(nasal('me', 'pengaruh')).toBe('memengaruh');
    expect(nasal('me', 'praktik')).toBe('mempraktik');
    expect(nasal('me', 'taati')).toBe('menaati');
    expect(nasal('pe', 'kaji')).toBe('pengaji');
    expect(nasal('me', 'rubah')).toBe('merubah');
  });

  it('pairs the same affixes on both sides, and leaves phrases alone', () => {
    const pairs = new Map(affixedPairs('ijin', 'izin'));
    expect(pairs.get('perijinan')).toBe('perizinan');
    expect(pairs.get('mengijinkan')).toBe('mengizinkan');
    expect(pairs.get('diijinkan')).toBe('diizinkan');
    expect(affixedPairs('idul fitri', 'Idulfitri')).toEqual([['idul fitri', 'Idulfitri']]);
  });
});

describe('safe regex rewriting', () => {
  it('rewrites \\b and \\w to Unicode-aware forms', () => {
    const re = new RegExp(toSafeUnicodePattern('\\bkota\\b'), 'u');
    expect(re.test('kotá')).toBe(false);
    expect(re.test('di kota.')).toBe(true);
    expect(new RegExp(`^${toSafeUnicodePattern('\\w+')}$`, 'u').test('Kanayatn_é')).toBe(true);
  });

  it('keeps boundary semantics when it simplifies \\b next to a certain word character', () => {
    const full = (p: string) =>
      p.replaceAll(
        '\\b',
        '(?:(?<=[\\p{L}\\p{N}_])(?![\\p{L}\\p{N}_])|(?<![\\p{L}\\p{N}_])(?=[\\p{L}\\p{N}_]))',
      );
    const patterns = [
      '\\bkota\\b',
      '\\b(?:di|ke)\\b',
      '\\b\\d+\\b',
      '\\b[Kk]ota\\b',
      'x?\\b(?:a|-)\\b',
      '(?<=a)\\bb',
      '\\b(?:\\p{Lu}\\p{Ll}+)\\b',
      '-\\b-',
    ];
    const samples = [
      'kota',
      'di kota.',
      'dikota ke',
      'éke',
      '12 ab3',
      'Kota-kota',
      'a-b',
      'xa',
      'ab',
      'a b',
      'Kalbar',
      '--',
      'é-é',
    ];
    for (const p of patterns) {
      const fast = new RegExp(toSafeUnicodePattern(p), 'gu');
      const slow = new RegExp(full(p), 'gu');
      for (const sample of samples) {
        expect(
          [...sample.matchAll(fast)].map((m) => m.index),
          `${p} on ${sample}`,
        ).toEqual([...sample.matchAll(slow)].map((m) => m.index));
      }
    }
  });

  it('checks a leading boundary outside the regex with the same matches', () => {
    const re = compileLibraryPattern('\\b(?:kota|desa)\\b', false);
    expect(re.constructor).not.toBe(RegExp);
    const text = 'dikota Kota ékota desa_x desa. kotadesa';
    expect([...text.matchAll(re)].map((m) => m.index)).toEqual([7, 25]);
    const withAlternation = compileLibraryPattern('\\bkota|desa', false);
    expect(withAlternation.constructor).toBe(RegExp);
    expect([...'didesa'.matchAll(withAlternation)].map((m) => m.index)).toEqual([2]);
  });

  it('names the reason for a rejection', () => {
    expect(() => toSafeUnicodePattern('(?:\\s+\\w+){0,3}')).toThrow(/nested quantifiers/);
    expect(() => toSafeUnicodePattern('(?:a|b)+')).toThrow(/alternatives/);
    expect(() => toSafeUnicodePattern('(a)\\1')).toThrow(UnsafePatternError);
    expect(toSafeUnicodePattern('(?:ab|cd){2}')).toBe('(?:ab|cd){2}');
  });
});

describe('text utils', () => {
  it('matches case', () => {
    expect(matchCase('PRAKTEK', 'praktik')).toBe('PRAKTIK');
    expect(matchCase('Praktek', 'praktik')).toBe('Praktik');
    expect(matchCase('praktek', 'praktik')).toBe('praktik');
    expect(matchCase('ramadhan', 'Ramadan')).toBe('Ramadan');
  });

  it('tokenizes with UTF-16 offsets', () => {
    const tokens = tokenize('😀 Rp5.000, kotá');
    expect(tokens.map((t) => [t.key, t.start, t.end, t.word])).toEqual([
      ['😀', 0, 2, false],
      ['rp5', 3, 6, true],
      ['.', 6, 7, false],
      ['000', 7, 10, true],
      [',', 10, 11, false],
      ['kotá', 12, 16, true],
    ]);
  });

  it('tokenizes exactly like the reference regex, on the corpus and on odd characters', async () => {
    const { loadCorpus } = await import('@/tests/corpus/evaluate-corpus');
    const reference = (text: string) =>
      [...text.matchAll(/[\p{L}\p{M}\p{N}_]+|\S/gu)].map((m) => [
        m.index,
        m.index + m[0].length,
        m[0].toLowerCase(),
      ]);
    const samples = [
      ...loadCorpus().map((d) => d.text),
      'İstanbul DİNAS e\u0301 a\u00a0b \u200d👨‍👩‍👧 x_1 𝐀𝐁 tab\there\r\nend',
    ];
    for (const text of samples) {
      expect(tokenize(text).map((t) => [t.start, t.end, t.key])).toEqual(reference(text));
    }
  });

  it('does not end a sentence at an abbreviation', () => {
    const text = 'Warga tinggal di Jl. Mawar No. 5. Lainnya aman.';
    const [from, to] = sentenceBounds(text, text.indexOf('No.'), text.indexOf('No.') + 3);
    expect(text.slice(from, to)).toBe('Warga tinggal di Jl. Mawar No. 5.');
  });

  it('ends a sentence at the particle "ya."', () => {
    const text = 'Jangan ikut-ikutan euforia pilkada ya. Tapi kalian tahu sendiri harus memilih siapa.';
    const at = text.indexOf('Tapi');
    const [from, to] = sentenceBounds(text, at, at + 4);
    expect(text.slice(from, to)).toBe(' Tapi kalian tahu sendiri harus memilih siapa.');
    const [first] = sentenceBounds(text, 0, 6);
    expect(text.slice(first, text.indexOf('ya.') + 3)).toBe('Jangan ikut-ikutan euforia pilkada ya.');
  });
});

describe('validators', () => {
  it('checks NIK structure', () => {
    expect(isPlausibleNik('6171045203850002')).toBe(true);
    expect(isPlausibleNik('6171043203850002')).toBe(false); // day 32
    expect(isPlausibleNik('617104520385000')).toBe(false); // 15 digits
  });

  it('normalises phones and hosts', () => {
    expect(normalizePhone('+62 812-3456')).toBe('08123456');
    expect(hostOf('https://www.Kalbarprov.go.id/berita')).toBe('kalbarprov.go.id');
    expect(isAllowedHost('diskes.kalbarprov.go.id', ['*.go.id'])).toBe(true);
    expect(isAllowedHost('go.id.evil.com', ['*.go.id'])).toBe(false);
  });
});
