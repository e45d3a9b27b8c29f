import { describe, expect, it } from 'vitest';
import { checkText, compileRules, limitsFor, RuleSetError, scoreFindings } from '@/lib/guidelines';
import { RuleListSchema } from '@/lib/guidelines/schema';
import { CTX, rule } from './rule-fixtures';

const spelling = rule({
  id: 'SP',
  kind: 'substitution',
  category: 'spelling',
  affixes: true,
  pairs: [
    { from: 'himbau', to: 'imbau' },
    { from: 'praktek', to: 'praktik' },
    { from: 'ramadhan', to: 'Ramadan' },
  ],
});

describe('substitution', () => {
  const compiled = compileRules([spelling]);
  const fix = (text: string) =>
    checkText(compiled, text, CTX).findings.map((f) => [text.slice(f.start, f.end), f.replacements]);

  it('keeps the case of the original', () => {
    expect(fix('Himbauan')).toEqual([['Himbauan', ['Imbauan']]]);
    expect(fix('HIMBAUAN')).toEqual([['HIMBAUAN', ['IMBAUAN']]]);
    expect(fix('himbauan')).toEqual([['himbauan', ['imbauan']]]);
  });

  it('keeps every case-sensitive form of a pair, not only the first one written', () => {
    const titles = compileRules([
      rule({
        kind: 'substitution',
        caseSensitive: true,
        pairs: [
          { from: 'PJ Gubernur', to: 'Pj. Gubernur' },
          { from: 'Pj Gubernur', to: 'Pj. Gubernur' },
        ],
      }),
    ]);
    const found = (text: string) =>
      checkText(titles, text, CTX).findings.map((f) => [text.slice(f.start, f.end), f.replacements]);
    expect(found('PJ Gubernur hadir')).toEqual([['PJ Gubernur', ['Pj. Gubernur']]]);
    expect(found('Pj Gubernur hadir')).toEqual([['Pj Gubernur', ['Pj. Gubernur']]]);
    expect(found('Pj. Gubernur hadir')).toEqual([]);
  });

  it('covers affixed forms with nasal assimilation', () => {
    expect(fix('menghimbau')).toEqual([['menghimbau', ['mengimbau']]]);
    expect(fix('dihimbau')).toEqual([['dihimbau', ['diimbau']]]);
    expect(fix('mempraktekkan')).toEqual([['mempraktekkan', ['mempraktikkan']]]);
    expect(fix('Dihimbaukan')).toEqual([['Dihimbaukan', ['Diimbaukan']]]);
  });

  it('keeps the capital of a proper-noun replacement', () => {
    expect(fix('bulan ramadhan')).toEqual([['ramadhan', ['Ramadan']]]);
  });

  it('matches whole words only, with Unicode-aware boundaries', () => {
    expect(fix('himbaué')).toEqual([]);
    expect(fix('éhimbau')).toEqual([]);
    expect(fix('xhimbau himbau_x')).toEqual([]);
    expect(fix('(himbau)')).toEqual([['himbau', ['imbau']]]);
  });

  it('reports UTF-16 offsets after emoji and surrogate pairs', () => {
    const text = '😀👍🏽 himbau';
    const [finding] = checkText(compiled, text, CTX).findings;
    expect(finding).toMatchObject({ start: 7, end: 13 });
    expect(text.slice(finding!.start, finding!.end)).toBe('himbau');
  });

  it('drops a generated form that is a correct word of another pair', () => {
    // meN- + "pungkiri" and meN- + "mungkiri" are both "memungkiri": the correct word must not fire.
    const compiled2 = compileRules([
      rule({ kind: 'substitution', affixes: true, pairs: [{ from: 'pungkiri', to: 'mungkiri' }] }),
    ]);
    expect(checkText(compiled2, 'tidak dapat dipungkiri', CTX).findings).toHaveLength(1);
    expect(checkText(compiled2, 'tidak dapat memungkiri', CTX).findings).toHaveLength(0);
  });

  it('rejects a pair that replaces a word with itself', () => {
    expect(() =>
      compileRules([rule({ kind: 'substitution', pairs: [{ from: 'Kalbar', to: 'kalbar' }] })]),
    ).toThrow(RuleSetError);
  });
});

describe('terms', () => {
  const insults = rule({
    id: 'AB',
    kind: 'terms',
    category: 'abuse',
    severity: 'error',
    terms: ['anjing', 'sumber: google', 'rapat tertutup'],
    exceptions: ['anjing pelacak'],
    unless: { within: 'text', patterns: ['\\brabies\\b'] },
  });
  const compiled = compileRules([insults]);
  const spans = (text: string) =>
    checkText(compiled, text, CTX).findings.map((f) => text.slice(f.start, f.end));

  it('is case-insensitive and matches phrases across runs of whitespace and punctuation tokens', () => {
    expect(spans('ANJING')).toEqual(['ANJING']);
    expect(spans('Sumber:  Google')).toEqual(['Sumber:  Google']);
    expect(spans('rapat\n tertutup')).toEqual(['rapat\n tertutup']);
    expect(spans('rapat. Tertutup')).toEqual([]);
  });

  it('honours exceptions and context', () => {
    expect(spans('unit anjing pelacak')).toEqual([]);
    expect(spans('vaksinasi rabies untuk anjing')).toEqual([]);
  });

  it('puts the match into the message in the chosen language', () => {
    const [id] = checkText(compiled, 'anjing', CTX).findings;
    const [en] = checkText(compiled, 'anjing', { ...CTX, lang: 'en' }).findings;
    expect(id?.message).toBe('temuan anjing');
    expect(en?.message).toBe('finding anjing');
  });

  it('supports case-sensitive terms', () => {
    const party = compileRules([rule({ kind: 'terms', caseSensitive: true, terms: ['PAN'] })]);
    expect(checkText(party, 'Partai PAN', CTX).findings).toHaveLength(1);
    expect(checkText(party, 'pan penggorengan', CTX).findings).toHaveLength(0);
  });

  it('needs its `when` context in the same sentence', () => {
    const hostile = compileRules([
      rule({ kind: 'terms', terms: ['usir'], when: { patterns: ['\\bkaum\\b'] } }),
    ]);
    expect(checkText(hostile, 'Usir kaum itu.', CTX).findings).toHaveLength(1);
    expect(checkText(hostile, 'Kaum muda hadir. Usir tikus dari lumbung.', CTX).findings).toHaveLength(0);
  });
});

describe('pattern', () => {
  it('validates NIK province and date (+40 for women)', () => {
    const nik = compileRules([
      rule({ kind: 'pattern', validator: 'nik', patterns: ['(?<!\\d)\\d(?:[ .-]?\\d){15}(?!\\d)'] }),
    ]);
    const count = (text: string) => checkText(nik, text, CTX).findings.length;
    expect(count('6171045203850002')).toBe(1); // woman born 12-03-85
    expect(count('6171 0412 0385 0002')).toBe(1);
    expect(count('1234567890123456')).toBe(0); // day 78
    expect(count('9971041203850002')).toBe(0); // province 99
    expect(count('6171043102850002')).toBe(0); // 31 February
  });

  it('nik-implausible takes exactly the labelled numbers that nik turns away, so the two never report the same digits', () => {
    const source = '\\bNIK\\s*(?<value>\\d(?:[ .-]?\\d){15})(?!\\d)';
    const both = compileRules([
      rule({ id: 'T-NIK', kind: 'pattern', validator: 'nik', group: 'value', patterns: [source] }),
      rule({
        id: 'T-NIK-LABEL',
        kind: 'pattern',
        validator: 'nik-implausible',
        group: 'value',
        patterns: [source],
      }),
    ]);
    const ids = (text: string) => checkText(both, text, CTX).findings.map((f) => f.ruleId);
    expect(ids('NIK 6171045203850002')).toEqual(['T-NIK']);
    expect(ids('NIK 6171043102850002')).toEqual(['T-NIK-LABEL']); // 31 February: a typo, still personal data
    expect(ids('NIK ganda diperbaiki')).toEqual([]);
  });

  it('allows official phones from the library and the agency', () => {
    const phone = compileRules([
      rule({
        kind: 'pattern',
        validator: 'phone',
        patterns: ['(?<![\\d+])(?:\\+62|62|0)[\\s-]?8[1-9](?:[\\s.-]?\\d){6,10}(?!\\d)'],
      }),
    ]);
    const text = 'Hubungi 0811-5678-9012 atau +62 812 3456 7890';
    expect(checkText(phone, text, CTX).findings).toHaveLength(2);
    const ctx = {
      ...CTX,
      allowlists: { phones: ['081156789012'] },
      agency: {
        id: 'a',
        name: 'A',
        shortName: 'A',
        requiredHashtags: [],
        officialPhones: ['0812-3456-7890'],
      },
    };
    expect(checkText(phone, text, ctx).findings).toHaveLength(0);
    expect(
      checkText(phone, text, { ...CTX, allowlists: { phones: ['081156789012'] } }).findings,
    ).toHaveLength(1);
  });

  it('reports a named group and fills replacement templates', () => {
    const rp = compileRules([
      rule({ kind: 'pattern', patterns: ['\\b(?<rp>Rp)\\.\\s?(?<n>\\d)'], replacements: ['$<rp>$<n>'] }),
    ]);
    const [f] = checkText(rp, 'Biaya Rp. 5.000', CTX).findings;
    expect(f).toMatchObject({ start: 6, end: 11, replacements: ['Rp5'] });
  });

  it('uses a Unicode-aware \\b', () => {
    const word = compileRules([rule({ kind: 'pattern', patterns: ['\\bpasca\\b'] })]);
    expect(checkText(word, 'pascaé', CTX).findings).toHaveLength(0);
    expect(checkText(word, 'pasca banjir', CTX).findings).toHaveLength(1);
  });

  it('allows hosts on the domain allow-list (wildcards included)', () => {
    const links = compileRules([
      rule({ kind: 'pattern', validator: 'domain', allowDomains: ['*.go.id'], patterns: ['https?://\\S+'] }),
    ]);
    expect(checkText(links, 'https://ppid.kalbarprov.go.id/a', CTX).findings).toHaveLength(0);
    expect(checkText(links, 'https://forms.gle/x', CTX).findings).toHaveLength(1);
    expect(
      checkText(links, 'https://forms.gle/x', { ...CTX, allowlists: { domains: ['forms.gle'] } }).findings,
    ).toHaveLength(0);
  });

  it('rejects unsafe and invalid regexes naming the rule', () => {
    const attempt = (pattern: string) => () =>
      compileRules([rule({ id: 'BAD-1', kind: 'pattern', patterns: [pattern] })]);
    for (const pattern of ['(a+)+$', '(\\w+\\s?)*x', '(a|ab)*c', '(x)\\1', '(?<n>a)\\k<n>', '[a-']) {
      expect(attempt(pattern)).toThrow(RuleSetError);
    }
    try {
      attempt('(a+)+$')();
    } catch (error) {
      expect((error as RuleSetError).problems[0]).toMatchObject({ ruleId: 'BAD-1' });
      expect((error as RuleSetError).problems[0]!.message).toMatch(/nested quantifiers/);
    }
    expect(attempt('(?:[\\s.-]?\\d){6,11}')).not.toThrow();
  });
});

describe('required', () => {
  const credit = rule({
    kind: 'required',
    anyOf: ['(?:^|\\n)(?:sumber|foto)\\s*:'],
    suggestion: '\n\nSumber: ',
  });
  const dated = rule({
    id: 'R2',
    kind: 'required',
    trigger: ['\\bmeninjau\\b'],
    anyOf: ['\\(\\d{1,2}/\\d{1,2}/\\d{4}\\)'],
  });
  const tags = rule({
    id: 'R3',
    kind: 'required',
    category: 'hashtags',
    agencyHashtags: true,
    examples: { bad: [], good: [] },
  });
  const compiled = compileRules([credit, dated, tags]);

  it('fires at the end of the text with the suggestion, and not on empty text', () => {
    expect(checkText(compiled, 'Halo warga', CTX).findings).toEqual([
      expect.objectContaining({ ruleId: 'T-1', start: 10, end: 10, replacements: ['\n\nSumber: '] }),
    ]);
    expect(checkText(compiled, 'Halo\nFoto: Biro Adpim', CTX).findings).toEqual([]);
    expect(checkText(compiled, '', CTX)).toEqual({ verdict: 'ready', score: 100, findings: [] });
  });

  it('only fires when its trigger matches, at the trigger', () => {
    const text = 'Gubernur meninjau banjir.\nFoto: Adpim';
    expect(checkText(compiled, text, CTX).findings).toEqual([
      expect.objectContaining({ ruleId: 'R2', start: 9, end: 17 }),
    ]);
    expect(
      checkText(compiled, 'Gubernur meninjau banjir, Senin (2/6/2025).\nFoto: Adpim', CTX).findings,
    ).toEqual([]);
  });

  it("requires the agency's hashtags", () => {
    const agency = {
      id: 'dinkes',
      name: 'Dinas Kesehatan',
      shortName: 'Dinkes',
      requiredHashtags: ['#KalbarSehat'],
      officialPhones: [],
    };
    const missing = checkText(compiled, 'Halo\nFoto: A', { ...CTX, agency }).findings;
    expect(missing).toEqual([
      expect.objectContaining({
        ruleId: 'R3',
        message: 'temuan #KalbarSehat',
        replacements: ['\n\n#KalbarSehat'],
      }),
    ]);
    expect(checkText(compiled, 'Halo\nFoto: A #kalbarsehat', { ...CTX, agency }).findings).toEqual([]);
    expect(checkText(compiled, 'Halo\nFoto: A #KalbarSehatSelalu', { ...CTX, agency }).findings).toHaveLength(
      1,
    );
  });
});

describe('limit', () => {
  const limits = compileRules([
    rule({
      id: 'IG-C',
      kind: 'limit',
      category: 'platform-limits',
      severity: 'error',
      scope: { platforms: ['instagram'], fields: ['caption'] },
      measure: 'chars',
      max: 10,
    }),
    rule({
      id: 'IG-H',
      kind: 'limit',
      category: 'platform-limits',
      severity: 'error',
      scope: { platforms: ['instagram'] },
      measure: 'hashtags',
      max: 2,
    }),
    rule({
      id: 'YT-B',
      kind: 'limit',
      category: 'platform-limits',
      severity: 'error',
      scope: { platforms: ['youtube'], fields: ['description'] },
      measure: 'bytes',
      max: 6,
    }),
    rule({
      id: 'YT-T',
      kind: 'limit',
      category: 'platform-limits',
      severity: 'error',
      scope: { platforms: ['youtube'], fields: ['caption'] },
      segment: 'first-line',
      measure: 'chars',
      max: 5,
    }),
    rule({ id: 'CAPS', kind: 'limit', measure: 'capsRatio', max: 0.5, minLetters: 5 }),
    rule({ id: 'EMO', kind: 'limit', measure: 'emoji', max: 3 }),
    rule({ id: 'MEN', kind: 'limit', measure: 'mentions', max: 1 }),
    rule({ id: 'LINES', kind: 'limit', measure: 'lines', max: 2 }),
  ]);
  const ig = { ...CTX, platform: 'instagram' } as const;
  const ids = (text: string, ctx: Parameters<typeof checkText>[2] = CTX) =>
    checkText(limits, text, ctx).findings.map((f) => f.ruleId);

  it('counts characters as code points and marks the overflow', () => {
    const text = '😀😀😀😀😀😀😀😀😀😀😀';
    const finding = checkText(limits, text, ig).findings.find((f) => f.ruleId === 'IG-C');
    expect(finding).toMatchObject({ start: 20, end: 22 });
    expect(ids('😀😀😀😀😀😀😀😀😀😀', ig)).not.toContain('IG-C');
  });

  it('counts hashtags and marks the excess ones', () => {
    const text = '#a #b #c #d';
    const finding = checkText(limits, text, ig).findings.find((f) => f.ruleId === 'IG-H');
    expect(finding).toMatchObject({ start: 6, end: 11, message: 'temuan 4/2' });
    expect(ids('#a #b a#c &#38;', ig)).not.toContain('IG-H');
  });

  it('counts UTF-8 bytes', () => {
    const yt = { ...CTX, platform: 'youtube', field: 'description' } as const;
    expect(ids('éééé', yt)).toContain('YT-B');
    expect(ids('ééé', yt)).not.toContain('YT-B');
  });

  it('measures the first line of a YouTube draft as the title', () => {
    const yt = { ...CTX, platform: 'youtube', field: 'caption' } as const;
    expect(ids('Judul panjang\nx', yt)).toContain('YT-T');
    expect(ids('Judul\ndeskripsi panjang sekali', yt)).not.toContain('YT-T');
  });

  it('measures caps ratio, emoji, mentions and lines', () => {
    expect(ids('PENGUMUMAN PENTING')).toContain('CAPS');
    expect(ids('BPBD')).not.toContain('CAPS');
    expect(ids('a 😀 b 👍🏽 c 👨‍👩‍👧')).not.toContain('EMO');
    expect(ids('a 😀 b 👍🏽 c 👨‍👩‍👧 🎉')).toContain('EMO');
    expect(ids('@a @b')).toContain('MEN');
    expect(ids('surel a@b.id')).not.toContain('MEN');
    expect(ids('1\n2\n3')).toContain('LINES');
  });

  it('gives the sidebar its counters from the platform-limits rules', () => {
    expect(limitsFor(limits, 'instagram', 'caption')).toEqual({ chars: 10, hashtags: 2 });
    expect(limitsFor(limits, 'youtube', 'description')).toEqual({ bytes: 6 });
    expect(limitsFor(limits, 'facebook', 'caption')).toEqual({});
  });
});

describe('repetition and capitalization', () => {
  const compiled = compileRules([
    rule({ id: 'PUN', kind: 'repetition', mode: 'punctuation' }),
    rule({ id: 'DUP', kind: 'repetition', mode: 'words' }),
    rule({
      id: 'CAP',
      kind: 'capitalization',
      category: 'naming',
      names: ['Kalimantan Barat'],
      heads: ['Dinas Kesehatan'],
      tails: ['Provinsi Kalimantan Barat'],
      agencies: true,
    }),
  ]);

  it('finds repeated punctuation and doubled words', () => {
    const text = 'Ayo!!! Siapa?? yang yang datang\ndatang';
    const found = checkText(compiled, text, CTX).findings.map((f) => [
      f.ruleId,
      text.slice(f.start, f.end),
      f.replacements,
    ]);
    expect(found).toEqual([
      ['PUN', '!!!', ['!']],
      ['PUN', '??', ['?']],
      ['DUP', 'yang yang', ['yang']],
    ]);
  });

  it('reports a hashtag written again, in any case, at each repeat and not at its first use', () => {
    const tags = compileRules([rule({ id: 'TAG', kind: 'repetition', mode: 'hashtags' })]);
    const text = 'Pasar murah #PasarMurah di #Sambas. #pasarmurah #Kalbar #PASARMURAH #PasarMurahKalbar';
    const found = checkText(tags, text, CTX).findings.map((f) => [text.slice(f.start, f.end), f.start]);
    expect(found).toEqual([
      ['#pasarmurah', text.indexOf('#pasarmurah')],
      ['#PASARMURAH', text.indexOf('#PASARMURAH')],
    ]);
    expect(checkText(tags, 'Nomor #2026 dan #2026, warna&#35;35 #Kalbar', CTX).findings).toEqual([]);
  });

  it('fixes the capitalisation of official names, longest name first', () => {
    const text = 'di dinas kesehatan provinsi kalimantan barat dan kalimantan Barat';
    const found = checkText(compiled, text, CTX).findings.map((f) => [
      text.slice(f.start, f.end),
      f.replacements,
    ]);
    expect(found).toEqual([
      ['dinas kesehatan provinsi kalimantan barat', ['Dinas Kesehatan Provinsi Kalimantan Barat']],
      ['kalimantan Barat', ['Kalimantan Barat']],
    ]);
    expect(checkText(compiled, 'KALIMANTAN BARAT', CTX).findings).toEqual([]);
  });

  it('uses the agency directory from the context', () => {
    const agencies = [
      {
        id: 'bpbd',
        name: 'Badan Penanggulangan Bencana Daerah',
        shortName: 'BPBD',
        requiredHashtags: [],
        officialPhones: [],
      },
    ];
    const text = 'badan penanggulangan bencana daerah siaga';
    expect(checkText(compiled, text, { ...CTX, agencies }).findings).toEqual([
      expect.objectContaining({
        ruleId: 'CAP',
        start: 0,
        end: 35,
        replacements: ['Badan Penanggulangan Bencana Daerah'],
      }),
    ]);
  });
});

describe('results', () => {
  const compiled = compileRules([
    rule({ id: 'E', kind: 'terms', severity: 'error', terms: ['slot gacor'] }),
    rule({ id: 'W', kind: 'terms', severity: 'warning', terms: ['gacor'] }),
    rule({ id: 'S', kind: 'terms', severity: 'suggestion', terms: ['online'] }),
    rule({ id: 'OLD', kind: 'terms', terms: ['kuno'], validUntil: '2020-12-31' }),
    rule({ id: 'IG', kind: 'terms', terms: ['reels'], scope: { platforms: ['instagram'] } }),
  ]);

  it('sorts overlapping findings by start then end, and derives verdict and score', () => {
    const result = checkText(compiled, 'slot gacor online', CTX);
    expect(result.findings.map((f) => [f.ruleId, f.start, f.end])).toEqual([
      ['E', 0, 10],
      ['W', 5, 10],
      ['S', 11, 17],
    ]);
    expect(result.verdict).toBe('blocked');
    expect(result.score).toBe(100 - 30 - 8 - 2);
    expect(checkText(compiled, 'gacor', CTX).verdict).toBe('review');
    expect(checkText(compiled, 'online', CTX).verdict).toBe('ready');
  });

  it('caps the cost of one rule at twice its weight', () => {
    expect(checkText(compiled, 'gacor gacor gacor gacor', CTX).score).toBe(84);
    expect(scoreFindings([])).toBe(100);
  });

  it('applies validity dates (a bare day is a day in WIB, UTC+7) and platform scope', () => {
    // 23:00 WIB on the last valid day: still in force; 00:30 WIB the next day: not any more.
    expect(
      checkText(compiled, 'kuno', { ...CTX, now: new Date('2020-12-31T16:00:00Z') }).findings,
    ).toHaveLength(1);
    expect(
      checkText(compiled, 'kuno', { ...CTX, now: new Date('2020-12-31T17:30:00Z') }).findings,
    ).toHaveLength(0);
    expect(checkText(compiled, 'kuno', { ...CTX, now: new Date('2021-01-02') }).findings).toHaveLength(0);
    expect(checkText(compiled, 'reels', CTX).findings).toHaveLength(0);
    expect(checkText(compiled, 'reels', { ...CTX, platform: 'instagram' }).findings).toHaveLength(1);
  });

  it('checks a 100,000-character draft completely', () => {
    const chunk = 'Warga diminta waspada. slot gacor bukan informasi resmi. ';
    const text = chunk.repeat(Math.ceil(100_000 / chunk.length)).slice(0, 100_000);
    const result = checkText(compiled, text, CTX);
    const expected = text.split('slot gacor').length - 1;
    expect(result.findings.filter((f) => f.ruleId === 'E')).toHaveLength(expected);
    expect(result.findings.at(-1)!.end).toBeLessThanOrEqual(100_000);
  });
});

describe('skipHashtags', () => {
  const hits = (extra: Record<string, unknown>, text: string) => {
    const rules = [
      rule({ id: 'T-TERM', kind: 'terms', terms: ['kubu raya', 'pontianak'], ...extra }),
      rule({ id: 'T-SUB', kind: 'substitution', pairs: [{ from: 'himbau', to: 'imbau' }], ...extra }),
      rule({ id: 'T-CAP', kind: 'capitalization', names: ['Kota Pontianak'], ...extra }),
    ];
    return checkText(compileRules(rules), text, CTX).findings.map((f) => [
      f.ruleId,
      text.slice(f.start, f.end),
    ]);
  };
  const text = 'Pontianak himbau warga. #pontianak #kubu raya #himbau #kota pontianak';

  it('reports matches inside hashtags unless the rule skips them', () => {
    expect(hits({}, text)).toContainEqual(['T-TERM', 'kubu raya']);
    expect(hits({}, text)).toContainEqual(['T-SUB', 'himbau']);
    expect(hits({}, text).filter(([id]) => id === 'T-SUB')).toHaveLength(2);
    // "#kota pontianak": the tag is "#kota"; the word after it is prose again.
    expect(hits({ skipHashtags: true }, text)).toEqual([
      ['T-TERM', 'Pontianak'],
      ['T-SUB', 'himbau'],
      ['T-TERM', 'pontianak'],
    ]);
  });
});

describe('when and unless on required rules', () => {
  const required = (extra: Record<string, unknown>) =>
    compileRules([
      rule({ id: 'T-REQ', kind: 'required', anyOf: ['\\bsumber\\b'], trigger: ['\\bdata\\b'], ...extra }),
    ]);
  const ids = (extra: Record<string, unknown>, text: string) =>
    checkText(required(extra), text, CTX).findings.map((f) => f.ruleId);

  it('asks for the source only where the conditions hold', () => {
    expect(ids({}, 'Data warga sudah masuk. Latihan rutin.')).toEqual(['T-REQ']);
    const unless = { unless: { patterns: ['\\blatihan\\b'], within: 'text' } };
    expect(ids(unless, 'Data warga sudah masuk. Latihan rutin.')).toEqual([]);
    expect(ids(unless, 'Data warga sudah masuk.')).toEqual(['T-REQ']);
    const when = { when: { patterns: ['\\bkorban\\b'], within: 'sentence' } };
    expect(ids(when, 'Data korban banjir. Terima kasih.')).toEqual(['T-REQ']);
    expect(ids(when, 'Data panen. Tidak ada korban.')).toEqual([]);
  });
});

describe('several unless conditions', () => {
  const compiled = compileRules([
    rule({
      id: 'T-ANJ',
      kind: 'terms',
      category: 'abuse',
      terms: ['anjing'],
      unless: [
        { patterns: ['\\brabies\\b'], within: 'text' },
        { patterns: ['\\bpelacak\\b'], within: 'sentence' },
        { patterns: ['\\bK9\\b'], within: 'sentence', caseSensitive: true },
      ],
    }),
  ]);
  const ids = (text: string) => checkText(compiled, text, CTX).findings.map((f) => f.ruleId);

  it('leaves a match unreported when any one holds, each within its own scope and case', () => {
    expect(ids('Dasar anjing kau.')).toEqual(['T-ANJ']);
    expect(ids('Dasar anjing kau. Vaksin rabies gratis di puskesmas.')).toEqual([]);
    expect(ids('Anjing pelacak menemukan barang bukti.')).toEqual([]);
    expect(ids('Dasar anjing kau. Anjing pelacak menemukan barang bukti.')).toEqual(['T-ANJ']);
    expect(ids('Unit K9 dan anjing terlatih berjaga.')).toEqual([]);
    expect(ids('Unit k9 dan anjing terlatih berjaga.')).toEqual(['T-ANJ']);
  });

  it('loads from one condition or a list, and refuses an empty list', () => {
    const one = { id: 'X', kind: 'terms', category: 'abuse', severity: 'error', terms: ['a'] };
    const message = { id: 'x', en: 'x' };
    const examples = { bad: ['a'], good: ['b'] };
    const parses = (unless: unknown) =>
      RuleListSchema.safeParse([{ ...one, message, examples, unless }]).success;
    expect(parses({ patterns: ['b'] })).toBe(true);
    expect(parses([{ patterns: ['b'] }, { patterns: ['c'], within: 'text' }])).toBe(true);
    expect(parses([])).toBe(false);
  });
});
