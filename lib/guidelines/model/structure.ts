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

/** One draft as every extractor sees it: the text and facts computed once and shared. */
export interface StructureInput {
  text: string;
  /** Lowercased words of the text (features.ts normaliseText, no tables). */
  words: ReadonlyArray<{ key: string }>;
}

type Extractor = (input: StructureInput, memo: Memo) => boolean;

// ---- base detections (each a plain regular expression, linear on any input)
const DAY = /\b(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\b/i;
const NUMERIC_DATE = /\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b/;
const MONTH_DATE =
  /\b\d{1,2}\s+(?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|jan|feb|mar|apr|jun|jul|agu|agt|sep|okt|nov|des)\b/i;
const RELATIVE_TIME =
  /\b(?:hari ini|kemarin|besok|tadi|barusan|pagi ini|siang ini|sore ini|malam ini|pekan lalu|minggu lalu|baru-baru ini|beberapa waktu lalu)\b/i;
/** "SINGKAWANG –", "PONTIANAK, KALBAR -" at the start of the text. */
const DATELINE = /^\s*[A-Z][A-Z.]{2,}(?:[ ,]+[A-Z][A-Z.]+)*\s*[,(]?[^\n]{0,30}?[–—-]\s/;
const CREDIT =
  /(?:\b(?:foto|dok|dokumentasi|sumber|kredit|credit|video|grafis|ilustrasi)\s*[.:]|📷|📸|🎥|\(foto\b|\bfoto\s+oleh\b|\bfoto\s*\/)/i;
const WEAK_CREDIT =
  /(?:\b(?:foto|dok|sumber)\s*[.:]?\s*(?:ist\b|istimewa|internet|google|net\b|medsos|grup|wa\b|whatsapp)|foto-foto menyusul|foto menyusul|dokumentasi menyusul)/i;
const PLACE =
  /(?:📍|\b(?:bertempat|berlokasi)\b|\bdi\s+(?:aula|gedung|kantor|ruang|balai|halaman|lapangan|pendopo|rumah\s+(?:jabatan|dinas|radakng)|hotel|masjid|gereja|sekolah|sdn?|smp|sma|smk|puskesmas|rsud|desa|kelurahan|kecamatan|kabupaten|kota|jalan|jl)\b|\b(?:desa|kelurahan|kecamatan|dusun)\s+[A-Z])/i;
const REPORT =
  /\b(?:melaksanakan|menggelar|mengikuti|menghadiri|meninjau|melakukan|membuka|menutup|menyerahkan|menyalurkan|menerima|mendampingi|memimpin|meresmikan|mengunjungi|dihadiri|didampingi|berlangsung|diselenggarakan|digelar|dilaksanakan|dibuka|diresmikan|kegiatan|rapat|acara|kunjungan|audiensi|sosialisasi|pelatihan|peresmian|pengukuhan|pelantikan|launching|apel|upacara)\b/i;
const FIGURE =
  /(?:\d+(?:[.,]\d+)?\s*(?:%|persen\b)|\b\d+(?:[.,]\d+)?\s*(?:ribu|juta|miliar|triliun|ton|hektare|ha)\b|\b\d{1,3}(?:\.\d{3})+\b|\b(?:ratusan|ribuan|puluhan|jutaan)\b)/i;
const SUPERLATIVE =
  /(?:\bse-?(?:indonesia|kalimantan|kalbar|nasional|asia|dunia)\b|\bter(?:baik|tinggi|besar|banyak|cepat|murah|bersih|rendah|aman|lengkap|maju|kaya|luas|ramah|pertama)\b|\bpaling\s+\w+|\bnomor\s+(?:1|satu)\b|\bperingkat\s+(?:1|pertama|satu)\b|\bpertama\s+di\s+indonesia\b|\b100\s*(?:%|persen)|\bterbukti\b|\bdijamin\b|\bsatu-satunya\b)/i;
/** `word` matching with its first letter in either case (the rest of the pattern stays case-sensitive). */
const eitherCase = (word: string): string => `[${word[0]?.toUpperCase()}${word[0]}]${word.slice(1)}`;
const SOURCE_CUES = [
  'menurut',
  'kata',
  'ujar',
  'ungkap',
  'jelas',
  'tutur',
  'sebut',
  'papar',
  'terang',
  'dikutip dari',
  'bersumber dari',
  'berdasarkan',
  'sumber\\s*:',
  'data',
  'laporan',
  'rilis',
  'survei',
  'hasil',
];
/** A cue followed within a few words by a capitalised name or a year ("menurut BPS", "kata Kepala Dinas Sosial"). */
const NAMED_SOURCE = new RegExp(
  `\\b(?:${SOURCE_CUES.map(eitherCase).join('|')})\\s+(?:(?:resmi|terbaru|dari|yang|pada|tahun|sementara)\\s+){0,3}(?:\\p{Lu}[\\p{L}.]+|\\d{4})`,
  'u',
);
const SOURCE_ORG =
  /\b(?:BPS|BMKG|BPBD|Kemenkes|Dinkes|Dinas|Badan|Kementerian|Bappeda|Polda|Polres|KPU|Bawaslu|WHO|Unicef|BPJS|OJK|BI|Bank Indonesia|Satgas|Pusdatin)\b/;
const UNNAMED_SOURCE =
  /\b(?:menurut|kata|info dari|kabar dari|sumber)\s+(?:seorang|salah satu|salah seorang|beberapa|para|orang|pihak|sumber|warga|netizen|warganet|grup|teman|kenalan|orang dalam|internal)\b|\b(?:katanya|kabarnya|konon|dengar-dengar|denger-denger|versi warganet|data terbaru|sumber terpercaya|sumber yang enggan|orang dalam)\b/i;
const RUMOUR =
  /\b(?:beredar|viral|viralkan|sebarkan|bagikan|share|forward|terusan dari|grup sebelah|info a1|belum tentu benar|benarkah|apa benar)\b/i;
const LONG_DIGITS = /\d{10,}/;
const DIGIT_GROUPS = /\b\d{3,5}[- .]\d{3,5}[- .]\d{3,5}\b/;
const PHONE = /(?:\+62|\b62|\b0)8\d{1,3}[- .]?\d{3,4}[- .]?\d{3,5}\b/;
const HOTLINE = /\b(?:112|110|113|115|119|129|1500[- ]?\d{3}|0800[- ]?\d{3,4}[- ]?\d{3,4})\b/;
const ID_LABEL =
  /\b(?:nik|no\.?\s*kk|kk|npwp|nip|nisn|rek(?:ening)?|no\.?\s*(?:hp|wa|telp|tlp)|hp|wa|telp|whatsapp|e-?ktp|ktp)\b\s*[.:]?\s*[\d+]/i;
const ADDRESS =
  /(?:\bRT\.?\s*0?\d{1,3}\s*\/\s*(?:RW\.?\s*)?0?\d{1,3}\b|\b(?:jalan|jl|jln|gg|gang|komplek|kompleks|perum|perumahan)\.?\s+[A-Z0-9][\p{L}.]*|\bno\.?\s*\d+[a-z]?\b|\bblok\s+[A-Z]\d*\b)/iu;
const AGE =
  /(?:\(\s*\d{1,2}\s*(?:th|thn|tahun)?\s*\)|,\s*\d{1,2}\s*(?:th|thn|tahun)\b|\busia\s+\d{1,2}\s+tahun\b)/i;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/;
/** An honorific or an initial followed by a capitalised name. */
const PERSON =
  /\b(?:Bapak|Ibu|Pak|Bu|Sdr|Sdri|Saudara|Saudari|Mas|Mbak|Bang|Kak|Tuan|Nyonya|Almarhum|An|Inisial)\.?\s+[A-Z][a-z]+|\b[A-Z][a-z]{2,}\s+(?:bin|binti)\s+[A-Z][a-z]+/;
const QUESTION = /\?/;
const SHOUT = /!{2,}|\b[A-Z]{4,}(?:\s+[A-Z]{3,}){3,}\b/;

/** Facts computed once per draft and shared by the extractors (crosses read them). */
class Memo {
  private readonly known = new Map<RegExp, boolean>();
  constructor(private readonly text: string) {}
  has(pattern: RegExp): boolean {
    let value = this.known.get(pattern);
    if (value === undefined) {
      value = pattern.test(this.text);
      this.known.set(pattern, value);
    }
    return value;
  }
  get dated(): boolean {
    return this.has(NUMERIC_DATE) || this.has(MONTH_DATE) || this.has(DAY) || this.has(DATELINE);
  }
  get credited(): boolean {
    return this.has(CREDIT) && !this.has(WEAK_CREDIT);
  }
  get sourced(): boolean {
    return this.has(NAMED_SOURCE) || this.has(SOURCE_ORG);
  }
  get personal(): boolean {
    return this.has(LONG_DIGITS) || this.has(PHONE) || this.has(ID_LABEL) || this.has(EMAIL);
  }
}

const words = (input: StructureInput) => input.words.length;

/** Every extractor this code knows, by versioned name (the order of a file's list is the file's). */
export const STRUCTURE_EXTRACTORS: Readonly<Record<string, Extractor>> = {
  'date-day@1': (_, m) => m.has(DAY),
  'date-numeric@1': (_, m) => m.has(NUMERIC_DATE),
  'date-month@1': (_, m) => m.has(MONTH_DATE),
  'date-relative-only@1': (_, m) => m.has(RELATIVE_TIME) && !m.dated,
  'no-date@1': (_, m) => !m.dated,
  'dateline@1': (_, m) => m.has(DATELINE),
  'credit@1': (_, m) => m.has(CREDIT),
  'credit-weak@1': (_, m) => m.has(WEAK_CREDIT),
  'no-credit@1': (_, m) => !m.credited,
  'place@1': (_, m) => m.has(PLACE),
  'no-place@1': (_, m) => !m.has(PLACE),
  'report-voice@1': (_, m) => m.has(REPORT),
  'report-no-date@1': (_, m) => m.has(REPORT) && !m.dated,
  'report-no-place@1': (_, m) => m.has(REPORT) && !m.has(PLACE),
  'report-no-credit@1': (_, m) => m.has(REPORT) && !m.credited,
  'report-bare@1': (_, m) => m.has(REPORT) && !m.dated && !m.has(PLACE) && !m.credited,
  'figure@1': (_, m) => m.has(FIGURE),
  'superlative@1': (_, m) => m.has(SUPERLATIVE),
  'named-source@1': (_, m) => m.sourced,
  'unnamed-source@1': (_, m) => m.has(UNNAMED_SOURCE),
  'figure-no-source@1': (_, m) => m.has(FIGURE) && !m.sourced,
  'superlative-no-source@1': (_, m) => m.has(SUPERLATIVE) && !m.sourced,
  'claim-unnamed-source@1': (_, m) => (m.has(FIGURE) || m.has(SUPERLATIVE)) && m.has(UNNAMED_SOURCE),
  'rumour-frame@1': (_, m) => m.has(RUMOUR),
  'question@1': (_, m) => m.has(QUESTION),
  'shouting@1': (_, m) => m.has(SHOUT),
  'long-digits@1': (_, m) => m.has(LONG_DIGITS),
  'digit-groups@1': (_, m) => m.has(DIGIT_GROUPS),
  'phone@1': (_, m) => m.has(PHONE),
  'hotline@1': (_, m) => m.has(HOTLINE),
  'id-label-digits@1': (_, m) => m.has(ID_LABEL),
  'email@1': (_, m) => m.has(EMAIL),
  'address@1': (_, m) => m.has(ADDRESS),
  'age@1': (_, m) => m.has(AGE),
  'person@1': (_, m) => m.has(PERSON),
  'person-address@1': (_, m) => m.has(PERSON) && m.has(ADDRESS),
  'person-digits@1': (_, m) => m.has(PERSON) && m.personal,
  'person-age@1': (_, m) => m.has(PERSON) && m.has(AGE),
  'address-digits@1': (_, m) => m.has(ADDRESS) && m.personal,
  'digits-no-hotline@1': (_, m) => m.personal && !m.has(HOTLINE),
  'length-short@1': (input) => words(input) < 30,
  'length-medium@1': (input) => words(input) >= 30 && words(input) < 100,
  'length-long@1': (input) => words(input) >= 100,
};

export const STRUCTURE_NAMES: readonly string[] = Object.keys(STRUCTURE_EXTRACTORS);

export const isStructureName = (name: string): boolean => Object.hasOwn(STRUCTURE_EXTRACTORS, name);

/** The values (0 or 1) of the named extractors on one draft, in the order of `names`. */
export function structureValues(input: StructureInput, names: readonly string[]): Float64Array {
  const memo = new Memo(input.text);
  const out = new Float64Array(names.length);
  names.forEach((name, k) => {
    const extractor = STRUCTURE_EXTRACTORS[name];
    if (!extractor) throw new Error(`unknown structural feature "${name}"`);
    out[k] = extractor(input, memo) ? 1 : 0;
  });
  return out;
}
