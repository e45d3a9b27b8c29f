/**
 * Structural features of a draft for the draft classifier: what character n-grams cannot see, an
 * absence ("an activity report with no date, place or credit") or a shape ("a figure with no named
 * source nearby", "a name next to an address and a phone number"). Pure: no DOM, browser or Node API.
 *
 * Each extractor has a versioned name; a model file lists the names it was trained with
 * (`features.structure`), and a file naming one this code does not know is refused (drafts-schema.ts):
 * a changed extractor gets a new version rather than silently changing what old weights mean.
 * Every value is 0 or 1 and enters the head's logit unscaled by the text's length.
 */
import type { NormalWord } from './features';

/** One draft as every extractor sees it: the text and its words (features.ts normaliseText, no tables). */
export interface StructureInput {
  text: string;
  words: readonly NormalWord[];
}

type Extractor = (input: StructureInput, facts: Facts) => boolean;

// Word classes: one Map lookup per word of the draft tells every class the word belongs to (a few
// alternations of words as regular expressions cost 5–90 µs each on a 400-character caption).
const DAY = 1;
const MONTH = 1 << 1;
const REPORT = 1 << 2;
const RUMOUR = 1 << 3;
const SOURCE_CUE = 1 << 4;
const VAGUE = 1 << 5;
const SUPERLATIVE = 1 << 6;
const STREET = 1 << 7;
const ID_LABEL = 1 << 8;
const HONORIFIC = 1 << 9;
const PLACE_NOUN = 1 << 10;
const ADMIN_AREA = 1 << 11;
const CREDIT = 1 << 12;
const WEAK = 1 << 13;
const QUANTITY = 1 << 14;
const FILLER = 1 << 15;
const HEARSAY = 1 << 16;
const RELATIVE = 1 << 17;
const PLACE_CUE = 1 << 18;
const AGE_UNIT = 1 << 19;

const CLASSES: ReadonlyArray<[number, string]> = [
  [DAY, 'senin selasa rabu kamis jumat jum sabtu minggu ahad'],
  [
    MONTH,
    'januari februari maret april mei juni juli agustus september oktober november desember jan feb mar apr jun jul agu agt sep okt nov des',
  ],
  [
    REPORT,
    'melaksanakan menggelar mengikuti menghadiri meninjau melakukan membuka menutup menyerahkan menyalurkan menerima mendampingi memimpin meresmikan mengunjungi dihadiri didampingi berlangsung diselenggarakan digelar dilaksanakan dibuka diresmikan kegiatan rapat acara kunjungan audiensi sosialisasi pelatihan peresmian pengukuhan pelantikan launching apel upacara',
  ],
  [RUMOUR, 'beredar viral viralkan sebarkan bagikan share forward benarkah'],
  [
    SOURCE_CUE,
    'menurut kata ujar ungkap jelas tutur sebut papar terang dikutip bersumber berdasarkan data laporan rilis survei hasil',
  ],
  [
    VAGUE,
    'seorang salah beberapa para orang pihak sumber warga netizen warganet grup teman kenalan internal',
  ],
  [HEARSAY, 'katanya kabarnya konon'],
  [
    SUPERLATIVE,
    'terbaik tertinggi terbesar terbanyak tercepat termurah terbersih terendah teraman terlengkap termaju terkaya terluas teramah pertama paling terbukti dijamin',
  ],
  [STREET, 'jalan jl jln gg gang komplek kompleks perum perumahan'],
  [ID_LABEL, 'nik kk npwp nip nisn rek rekening hp wa telp tlp whatsapp ktp'],
  [HONORIFIC, 'bapak ibu pak bu sdr sdri saudara saudari mas mbak bang kak tuan nyonya almarhum inisial'],
  [
    PLACE_NOUN,
    'aula gedung kantor ruang balai halaman lapangan pendopo hotel masjid gereja sekolah sd sdn smp sma smk puskesmas rsud desa kelurahan kecamatan kabupaten kota jalan jl',
  ],
  [ADMIN_AREA, 'desa kelurahan kecamatan dusun'],
  [CREDIT, 'foto dok dokumentasi sumber kredit credit video grafis ilustrasi'],
  [WEAK, 'ist istimewa internet google net medsos grup wa whatsapp menyusul'],
  [QUANTITY, 'persen ribu juta miliar triliun ton hektare ha ratusan ribuan puluhan jutaan'],
  [FILLER, 'resmi terbaru dari yang pada tahun sementara'],
  [RELATIVE, 'kemarin besok tadi barusan'],
  [PLACE_CUE, 'bertempat berlokasi'],
  [AGE_UNIT, 'tahun th thn'],
];
const WORD_CLASS = new Map<string, number>();
for (const [bit, list] of CLASSES)
  for (const word of list.split(' ')) WORD_CLASS.set(word, (WORD_CLASS.get(word) ?? 0) | bit);
const classOf = (key: string): number => WORD_CLASS.get(key) ?? 0;

// Shapes of characters: each starts with a rare character or a digit, so it fails fast elsewhere.
const NUMERIC_DATE = /\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b/;
/** "SINGKAWANG –", "PONTIANAK, KALBAR -" at the start of the text. */
const DATELINE = /^\s*[A-Z][A-Z.]{2,}(?:[ ,]+[A-Z][A-Z.]+)*\s*[,(]?[^\n]{0,30}?[–—-]\s/;
const PERCENT = /\d\s*%/;
const THOUSANDS = /\b\d{1,3}(?:\.\d{3})+\b/;
const HUNDRED_PERCENT = /\b100\s*(?:%|persen)/;
const SOURCE_ORG =
  /\b(?:BPS|BMKG|BPBD|Kemenkes|Dinkes|Dinas|Badan|Kementerian|Bappeda|Polda|Polres|KPU|Bawaslu|WHO|Unicef|BPJS|OJK|BI|Bank Indonesia|Satgas|Pusdatin)\b/;
const LONG_DIGITS = /\d{10,}/;
const DIGIT_GROUPS = /\b\d{3,5}[- .]\d{3,5}[- .]\d{3,5}\b/;
const PHONE = /(?:\+62|\b62|\b0)8\d{1,3}[- .]?\d{3,4}[- .]?\d{3,5}\b/;
const HOTLINE = /\b(?:112|110|113|115|119|129|1500[- ]?\d{3}|0800[- ]?\d{3,4}[- ]?\d{3,4})\b/;
const RT_RW = /\b[Rr][Tt]\.?\s*\d{1,3}\s*\/\s*(?:[Rr][Ww]\.?\s*)?\d{1,3}\b/;
const AGE = /\(\s*\d{1,2}\s*(?:th|thn|tahun)?\s*\)|,\s*\d{1,2}\s*(?:th|thn|tahun)\b/;
const EMAIL = /\w@[\w-]+\.\w/;
const PHRASES: ReadonlyArray<[string, string]> = [
  [
    'relative',
    ' hari ini | pagi ini | siang ini | sore ini | malam ini | pekan lalu | minggu lalu | baru baru ini | beberapa waktu lalu ',
  ],
  ['weak', ' foto foto menyusul | foto menyusul | dokumentasi menyusul '],
  [
    'superlative',
    ' se indonesia | se kalimantan | se kalbar | se nasional | se asia | se dunia | nomor satu | peringkat pertama | peringkat satu | satu satunya ',
  ],
  [
    'unnamed',
    ' dengar dengar | denger denger | versi warganet | data terbaru | sumber terpercaya | sumber yang enggan | orang dalam | info dari | kabar dari ',
  ],
  ['rumour', ' terusan dari | grup sebelah | info a1 | belum tentu benar | apa benar '],
];

/** Phrases by their first word: [the phrase list's name, the words after the first]. */
const PHRASE_START = new Map<string, Array<[string, string[]]>>();
for (const [name, list] of PHRASES)
  for (const phrase of list.split('|')) {
    const [first, ...rest] = phrase.trim().split(' ') as [string, ...string[]];
    PHRASE_START.set(first, [...(PHRASE_START.get(first) ?? []), [name, rest]]);
  }

const isUpper = (c: number) =>
  (c >= 65 && c <= 90) || (c > 127 && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase());
const isDigit = (c: number) => c >= 48 && c <= 57;

/** What the extractors read, computed in one pass over the words and a few shape tests. */
class Facts {
  private readonly known = new Map<RegExp, boolean>();
  readonly seen: number;
  readonly phrase: Set<string>;
  dayOrMonth = false;
  monthDate = false;
  relative = false;
  credit = false;
  weakCredit = false;
  place = false;
  quantity = false;
  superlative = false;
  namedSource = false;
  unnamed = false;
  idLabel = false;
  street = false;
  person = false;
  ageWords = false;
  shouting = false;

  constructor(
    readonly text: string,
    readonly words: readonly NormalWord[],
  ) {
    let seen = 0;
    let capsRun = 0;
    const n = words.length;
    for (let i = 0; i < n; i += 1) {
      const word = words[i] as NormalWord;
      const c = classOf(word.key);
      seen |= c;
      const next = words[i + 1];
      const nextClass = next ? classOf(next.key) : 0;
      const nextUpper = next ? isUpper(text.charCodeAt(next.start)) : false;
      const after = this.charAfter(word.end);
      if (c & MONTH && i > 0 && (words[i - 1] as NormalWord).key === 'num') {
        this.monthDate = true;
        this.dayOrMonth = true;
      }
      if (c & DAY) this.dayOrMonth = true;
      if (c & RELATIVE) this.relative = true;
      if (
        c & CREDIT &&
        (after === 58 || after === 46 || after === 47 || text.charCodeAt(word.start - 1) === 40)
      )
        this.credit = true;
      if (c & CREDIT && nextClass & WEAK && next && next.key !== 'menyusul') this.weakCredit = true;
      if (c & PLACE_CUE) this.place = true;
      if (word.key === 'di' && (nextClass & PLACE_NOUN || (next?.key === 'rumah' && words[i + 2])))
        this.place = true;
      if (c & ADMIN_AREA && nextUpper) this.place = true;
      if (c & QUANTITY && (word.key.endsWith('an') || (i > 0 && (words[i - 1] as NormalWord).key === 'num')))
        this.quantity = true;
      if (c & SUPERLATIVE) this.superlative = true;
      if (c & SOURCE_CUE) {
        if (word.key === 'sumber' ? after === 58 : true) {
          if (nextClass & VAGUE)
            this.unnamed = word.key === 'menurut' || word.key === 'kata' || word.key === 'sumber';
          for (let j = i + 1; j < Math.min(n, i + 5); j += 1) {
            const w = words[j] as NormalWord;
            if (classOf(w.key) & FILLER) continue;
            const first = text.charCodeAt(w.start);
            if (isUpper(first) || (w.end - w.start === 4 && isDigit(first))) this.namedSource = true;
            break;
          }
        }
      }
      if (c & HEARSAY) this.unnamed = true;
      if (c & ID_LABEL && this.digitAfter(word.end)) this.idLabel = true;
      if (c & STREET && next && (nextUpper || isDigit(text.charCodeAt(next.start)))) this.street = true;
      if ((word.key === 'no' || word.key === 'nomor') && next?.key === 'num' && next.start - word.end <= 3)
        this.street = true;
      if (word.key === 'blok' && nextUpper) this.street = true;
      if (c & HONORIFIC && isUpper(text.charCodeAt(word.start)) && nextUpper) this.person = true;
      if ((word.key === 'bin' || word.key === 'binti') && nextUpper && i > 0) this.person = true;
      if (
        word.key === 'usia' &&
        next?.key === 'num' &&
        nextClass === 0 &&
        words[i + 2] &&
        classOf((words[i + 2] as NormalWord).key) & AGE_UNIT
      )
        this.ageWords = true;
      capsRun = this.allCaps(word) ? capsRun + 1 : 0;
      if (capsRun >= 4) this.shouting = true;
    }
    this.seen = seen;
    this.phrase = new Set();
    for (let i = 0; i < n; i += 1) {
      const starting = PHRASE_START.get((words[i] as NormalWord).key);
      if (starting)
        for (const [name, rest] of starting)
          if (rest.every((key, k) => words[i + 1 + k]?.key === key)) this.phrase.add(name);
    }
  }

  private charAfter(end: number): number {
    let k = end;
    while (this.text.charCodeAt(k) === 32) k += 1;
    return this.text.charCodeAt(k);
  }

  private digitAfter(end: number): boolean {
    for (let k = end; k < end + 4 && k < this.text.length; k += 1) {
      const c = this.text.charCodeAt(k);
      if (isDigit(c) || c === 43) return true;
      if (c !== 32 && c !== 46 && c !== 58) return false;
    }
    return false;
  }

  private allCaps(word: NormalWord): boolean {
    if (word.end - word.start < 3) return false;
    for (let k = word.start; k < word.end; k += 1) {
      const c = this.text.charCodeAt(k);
      if (c >= 97 && c <= 122) return false;
    }
    return isUpper(this.text.charCodeAt(word.start));
  }

  has(pattern: RegExp): boolean {
    let value = this.known.get(pattern);
    if (value === undefined) {
      value = pattern.test(this.text);
      this.known.set(pattern, value);
    }
    return value;
  }
  get dated(): boolean {
    return this.dayOrMonth || this.has(NUMERIC_DATE) || this.has(DATELINE);
  }
  get relativeTime(): boolean {
    return this.relative || this.phrase.has('relative');
  }
  get credited(): boolean {
    return (this.credit || this.has(CAMERA)) && !this.weak;
  }
  get weak(): boolean {
    return this.weakCredit || this.phrase.has('weak');
  }
  get located(): boolean {
    return this.place || this.text.includes('📍');
  }
  get report(): boolean {
    return (this.seen & REPORT) !== 0;
  }
  get figure(): boolean {
    return this.quantity || this.has(PERCENT) || this.has(THOUSANDS);
  }
  get claim(): boolean {
    return this.superlative || this.phrase.has('superlative') || this.has(HUNDRED_PERCENT);
  }
  get sourced(): boolean {
    return this.namedSource || this.has(SOURCE_ORG);
  }
  get unnamedSource(): boolean {
    return this.unnamed || this.phrase.has('unnamed');
  }
  get rumour(): boolean {
    return (this.seen & RUMOUR) !== 0 || this.phrase.has('rumour');
  }
  get address(): boolean {
    return this.street || this.has(RT_RW);
  }
  get age(): boolean {
    return this.ageWords || this.has(AGE);
  }
  get personal(): boolean {
    return this.has(LONG_DIGITS) || this.has(PHONE) || this.idLabel || this.has(EMAIL);
  }
}
const CAMERA = /📷|📸|🎥/u;

/** Every extractor this code knows, by versioned name (the order of a file's list is the file's). */
export const STRUCTURE_EXTRACTORS: Readonly<Record<string, Extractor>> = {
  'date-day@1': (_, f) => (f.seen & DAY) !== 0,
  'date-numeric@1': (_, f) => f.has(NUMERIC_DATE),
  'date-month@1': (_, f) => f.monthDate,
  'date-relative-only@1': (_, f) => f.relativeTime && !f.dated,
  'no-date@1': (_, f) => !f.dated,
  'dateline@1': (_, f) => f.has(DATELINE),
  'credit@1': (_, f) => f.credit || f.has(CAMERA),
  'credit-weak@1': (_, f) => f.weak,
  'no-credit@1': (_, f) => !f.credited,
  'place@1': (_, f) => f.located,
  'no-place@1': (_, f) => !f.located,
  'report-voice@1': (_, f) => f.report,
  'report-no-date@1': (_, f) => f.report && !f.dated,
  'report-no-place@1': (_, f) => f.report && !f.located,
  'report-no-credit@1': (_, f) => f.report && !f.credited,
  'report-bare@1': (_, f) => f.report && !f.dated && !f.located && !f.credited,
  'figure@1': (_, f) => f.figure,
  'superlative@1': (_, f) => f.claim,
  'named-source@1': (_, f) => f.sourced,
  'unnamed-source@1': (_, f) => f.unnamedSource,
  'figure-no-source@1': (_, f) => f.figure && !f.sourced,
  'superlative-no-source@1': (_, f) => f.claim && !f.sourced,
  'claim-unnamed-source@1': (_, f) => (f.figure || f.claim) && f.unnamedSource,
  'rumour-frame@1': (_, f) => f.rumour,
  'question@1': (input) => input.text.includes('?'),
  'shouting@1': (input, f) => f.shouting || input.text.includes('!!'),
  'long-digits@1': (_, f) => f.has(LONG_DIGITS),
  'digit-groups@1': (_, f) => f.has(DIGIT_GROUPS),
  'phone@1': (_, f) => f.has(PHONE),
  'hotline@1': (_, f) => f.has(HOTLINE),
  'id-label-digits@1': (_, f) => f.idLabel,
  'email@1': (_, f) => f.has(EMAIL),
  'address@1': (_, f) => f.address,
  'age@1': (_, f) => f.age,
  'person@1': (_, f) => f.person,
  'person-address@1': (_, f) => f.person && f.address,
  'person-digits@1': (_, f) => f.person && f.personal,
  'person-age@1': (_, f) => f.person && f.age,
  'address-digits@1': (_, f) => f.address && f.personal,
  'digits-no-hotline@1': (_, f) => f.personal && !f.has(HOTLINE),
  'length-short@1': (input) => input.words.length < 30,
  'length-medium@1': (input) => input.words.length >= 30 && input.words.length < 100,
  'length-long@1': (input) => input.words.length >= 100,
};

export const STRUCTURE_NAMES: readonly string[] = Object.keys(STRUCTURE_EXTRACTORS);

export const isStructureName = (name: string): boolean => Object.hasOwn(STRUCTURE_EXTRACTORS, name);

/** The values (0 or 1) of the named extractors on one draft, in the order of `names`. */
export function structureValues(input: StructureInput, names: readonly string[]): Float64Array {
  const facts = new Facts(input.text, input.words);
  const out = new Float64Array(names.length);
  names.forEach((name, k) => {
    const extractor = STRUCTURE_EXTRACTORS[name];
    if (!extractor) throw new Error(`unknown structural feature "${name}"`);
    out[k] = extractor(input, facts) ? 1 : 0;
  });
  return out;
}
