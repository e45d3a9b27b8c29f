import { describe, expect, it } from 'vitest';
import { loadRuleSources } from '@/lib/cli/rule-sources';
import { type CheckContext, checkText, compileRules } from '@/lib/guidelines';
import { COLLOQUIAL } from '@/lib/guidelines/colloquial';
import {
  foldSpelling,
  foldWord,
  isQuoted,
  normalizedTokens,
  stemWord,
  stripClitics,
} from '@/lib/guidelines/normalize';
import { tokenize } from '@/lib/guidelines/text-utils';
import { CTX, rule } from './rule-fixtures';

const insults = rule({
  id: 'INS',
  kind: 'terms',
  category: 'abuse',
  severity: 'error',
  normalize: true,
  forms: 'clitics',
  unlessQuoted: true,
  terms: ['goblok', 'bangsat', 'dasar anjing', 'babi'],
});
const selling = rule({
  id: 'JUAL',
  kind: 'terms',
  category: 'illegal-content',
  normalize: true,
  forms: 'stem',
  terms: ['jual ganja'],
});
const compiled = compileRules([insults, selling], { colloquial: COLLOQUIAL });
const spans = (text: string) =>
  checkText(compiled, text, CTX).findings.map((f) => [f.ruleId, text.slice(f.start, f.end)]);

describe('normalisation before matching', () => {
  it('folds digits and symbols for letters, repeated letters, look-alike letters and diacritics', () => {
    expect(foldWord('g0bl0k')).toBe('goblok');
    expect(foldWord('bangsaaaat')).toBe('bangsat');
    expect(foldWord('gоblоk')).toBe('goblok'); // Cyrillic о
    expect(foldWord('ｇｏｂｌｏｋ')).toBe('goblok'); // full-width
    expect(foldWord('gòblók')).toBe('goblok');
    expect(foldWord('anak2')).toBe('anak');
    expect(foldWord('2025')).toBe('2025');
  });

  it('maps colloquial spellings through the dictionary derived from Ibrohim & Budi (2019)', () => {
    expect(foldWord('gblk', COLLOQUIAL)).toBe('goblok');
    expect(foldWord('bgst', COLLOQUIAL)).toBe('bangsat');
    expect(foldWord('anjg', COLLOQUIAL)).toBe('anjing');
    // Without the dictionary (the content script's keystroke checks) only spelling is folded.
    expect(foldWord('gblk')).toBe('gblk');
    const plain = compileRules([insults]);
    expect(checkText(plain, 'Dasar gblk', CTX).findings).toEqual([]);
    expect(checkText(plain, 'Dasar g0bl0k', CTX).findings).toHaveLength(1);
  });

  it('folds no key of one or two letters and no standard word into a lexicon word', () => {
    expect([...COLLOQUIAL.keys()].filter((key) => key.length < 3)).toEqual([]);
    // "saat" and "bangga" fold to "sat" and "banga"; "e" and "ek" are letters and interjections.
    for (const word of ['e', 'ek', 'saat', 'bangga', 'yg'])
      expect(foldWord(foldSpelling(word), COLLOQUIAL)).toBe(foldSpelling(word));
  });

  it('joins letters spelled out with spaces, dots or dashes, and letters glued to symbols', () => {
    const keys = (text: string) =>
      normalizedTokens(text, tokenize(text), COLLOQUIAL).map((t) => [t.key, text.slice(t.start, t.end)]);
    expect(keys('dasar g o b l o k!')).toEqual([
      ['dasar', 'dasar'],
      ['goblok', 'g o b l o k'],
      ['!', '!'],
    ]);
    expect(keys('a.n.j.i.n.g')).toEqual([['anjing', 'a.n.j.i.n.g']]);
    expect(keys('b@bi')).toEqual([['babi', 'b@bi']]);
    expect(keys('goblok!')).toEqual([
      ['goblok', 'goblok'],
      ['!', '!'],
    ]);
  });

  it('reports findings at the original offsets of the text as written', () => {
    expect(spans('Admin g0bl0kkk, bangsaaat!')).toEqual([
      ['INS', 'g0bl0kkk'],
      ['INS', 'bangsaaat'],
    ]);
    expect(spans('dasar a-n-j-i-n-g kau')).toEqual([['INS', 'dasar a-n-j-i-n-g']]);
    expect(spans('Kamu b@bi')).toEqual([['INS', 'b@bi']]);
    expect(spans('Dasar gblk')).toEqual([['INS', 'gblk']]);
  });

  it('matches clitics but not longer words that contain a flagged word', () => {
    expect(spans('goblokmu itu')).toEqual([['INS', 'goblokmu']]);
    expect(spans('Babinsa dan pantai; kebodohan bukan takdir; asuransi')).toEqual([]);
  });

  it('leaves quoted speech alone when the rule asks for it', () => {
    expect(spans('Terdakwa menulis "dasar goblok" di kolom komentar.')).toEqual([]);
    expect(isQuoted('kata “babi” tadi', 6, 10)).toBe(true);
    expect(isQuoted('babi "x"', 0, 4)).toBe(false);
  });

  it('matches inflected forms through the Indonesian stemmer when forms is stem', () => {
    expect(stemWord('dijualnya')).toBe('jual');
    expect(stemWord('penjualan')).toBe('jual');
    expect(stripClitics('kaupukul')).toBe('pukul');
    expect(spans('Kami menjual ganja kering')).toEqual([['JUAL', 'menjual ganja']]);
    expect(spans('Dijual ganjanya')).toEqual([['JUAL', 'Dijual ganjanya']]);
  });
});

describe('shipped lexicons and their context guards', () => {
  const rules = loadRuleSources();
  const all = compileRules(rules, { colloquial: COLLOQUIAL });
  const categories = (text: string, ctx: CheckContext = CTX) =>
    [
      ...new Set(
        checkText(all, text, ctx)
          .findings.filter((f) => f.severity !== 'suggestion')
          .map((f) => f.category),
      ),
    ].sort();

  it('catches street names of drugs, gambling slang, wildlife and timber trade, illegal loans', () => {
    expect(categories('Ready inex & ubas, COD Pontianak.')).toContain('illegal-content');
    expect(categories('Situs gacor malam ini, pola maxwin dijamin!')).toContain('illegal-content');
    expect(categories('Dijual anak orangutan jinak, harga nego.')).toContain('illegal-content');
    expect(categories('Kayu belian langsung dari hutan, siap kirim.')).toContain('illegal-content');
    expect(categories('Pinjaman cepat cair cukup KTP tanpa BI checking.')).toContain('illegal-content');
  });

  it('stays quiet on enforcement news and prevention campaigns', () => {
    expect(categories('Polres Kubu Raya menangkap pengedar dan menyita 2 kg sabu.')).not.toContain(
      'illegal-content',
    );
    expect(categories('Stop judi online! Laporkan situs slot gacor ke aduankonten.id.')).not.toContain(
      'illegal-content',
    );
    expect(
      categories('Waspada pinjol ilegal yang menjanjikan pinjaman cepat cair tanpa BI checking.'),
    ).not.toContain('illegal-content');
  });

  it('flags hearsay health scares and miracle cures, not their debunking', () => {
    expect(categories('Katanya vaksin polio bikin lumpuh, jangan dulu ya.')).toContain('misinformation');
    expect(categories('Air rebusan ini menyembuhkan kanker, sembuh total!')).toContain('misinformation');
    expect(
      categories('HOAKS: vaksin polio bikin lumpuh. Faktanya, vaksin polio aman (Kemenkes).'),
    ).not.toContain('misinformation');
  });

  it('flags group blaming and unnamed sources; spares respectful mentions and hotlines', () => {
    expect(categories('Pekerja migran dari etnis itu pembawa penyakit.')).toContain('hate-speech');
    expect(categories('Menurut seorang pejabat, proyek itu selesai bulan depan.')).toContain('credibility');
    expect(categories('Selamat merayakan Gawai Dayak dan Imlek bagi saudara kita umat Konghucu.')).toEqual(
      [],
    );
    expect(categories('Darurat? Hubungi 112, ambulans 119, atau layanan 1500-567.')).toEqual([]);
  });

  it('writes official titles as the law names them', () => {
    const found = checkText(all, 'Walikota Singkawang hadir.', CTX).findings.find(
      (f) => f.ruleId === 'KB-NAMA-04',
    );
    expect(found).toMatchObject({ category: 'naming', replacements: ['Wali Kota'] });
  });
});
