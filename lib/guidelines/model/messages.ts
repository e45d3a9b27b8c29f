import type { Language, Message } from '@/lib/i18n/types';
import type { DraftHeadCategory } from './drafts-types';

/**
 * The models' finding messages, Bahasa Indonesia first. Kept beside the models rather than in the
 * library: a model's finding has no rule of its own to carry a message.
 */

/** Abuse model: `%s` is the driving words, `%p` the score as a percentage. */
export const ABUSE_MESSAGES: Record<'abuse' | 'hate-speech', Message> = {
  abuse: {
    id: 'Model bahasa kasar menilai teks ini kemungkinan berisi makian atau hinaan (%p%), terutama karena: %s. Periksa dan ganti kata-kata itu.',
    en: 'The abusive-language model rates this text as likely abusive or insulting (%p%), mainly because of: %s. Check and replace those words.',
  },
  'hate-speech': {
    id: 'Model ujaran kebencian menilai teks ini kemungkinan menyerang kelompok atau orang (%p%), terutama karena: %s. Periksa sebelum terbit.',
    en: 'The hate-speech model rates this text as likely attacking a group or person (%p%), mainly because of: %s. Check it before publishing.',
  },
};

/** What drafts of each category do, completing "Mirip draf yang …" / "Resembles drafts that …". */
const DRAFT_TRAITS: Record<DraftHeadCategory, Message> = {
  credibility: {
    id: 'memuat klaim atau angka tanpa sumber',
    en: 'make claims or give figures without a source',
  },
  attribution: {
    id: 'tidak menyebut sumber, kredit, waktu, atau tempat',
    en: 'omit the source, credit, date or place',
  },
  confidential: { id: 'membocorkan dokumen atau data internal', en: 'leak internal documents or data' },
  misinformation: { id: 'menyebarkan kabar belum terverifikasi', en: 'spread unverified rumours' },
  'personal-data': { id: 'memuat data pribadi warga', en: "expose residents' personal data" },
  'child-protection': {
    id: 'dapat mengungkap identitas anak atau korban',
    en: 'may identify a child or a victim',
  },
  'hate-speech': {
    id: 'menyudutkan suku, agama, ras, atau golongan',
    en: 'blame a group for its ethnicity, religion or race',
  },
  neutrality: { id: 'berpihak pada peserta pemilu', en: 'take sides in an election' },
  'illegal-content': {
    id: 'mempromosikan judi, narkoba, atau barang terlarang',
    en: 'promote gambling, drugs or illegal goods',
  },
  abuse: { id: 'berisi makian atau hinaan', en: 'contain insults' },
};

/**
 * What a structural feature (structure.ts, by name without its version) says about a draft when it
 * drove a head: mostly what is missing. Features without an entry are not named in a message.
 */
export const STRUCTURE_SIGNS: Readonly<Record<string, Message>> = {
  'no-date': { id: 'tanpa tanggal', en: 'no date' },
  'date-relative-only': { id: 'waktu hanya "hari ini"/"kemarin"', en: 'time only as "today"/"yesterday"' },
  'no-credit': { id: 'tanpa kredit foto/sumber', en: 'no photo or source credit' },
  'credit-weak': {
    id: 'kredit tidak jelas ("Istimewa", "menyusul")',
    en: 'a vague credit ("Istimewa", "to follow")',
  },
  'no-place': { id: 'tanpa tempat', en: 'no place' },
  'report-no-date': { id: 'laporan kegiatan tanpa tanggal', en: 'an activity report with no date' },
  'report-no-place': { id: 'laporan kegiatan tanpa tempat', en: 'an activity report with no place' },
  'report-no-credit': { id: 'laporan kegiatan tanpa kredit', en: 'an activity report with no credit' },
  'report-bare': {
    id: 'laporan kegiatan tanpa tanggal/tempat/kredit',
    en: 'an activity report with no date, place or credit',
  },
  figure: { id: 'angka', en: 'a figure' },
  superlative: { id: 'klaim superlatif', en: 'a superlative claim' },
  'unnamed-source': { id: 'sumber tanpa nama', en: 'an unnamed source' },
  'figure-no-source': { id: 'angka tanpa sumber bernama', en: 'a figure with no named source' },
  'superlative-no-source': { id: 'klaim superlatif tanpa sumber', en: 'a superlative with no source' },
  'claim-unnamed-source': { id: 'klaim dari sumber tanpa nama', en: 'a claim from an unnamed source' },
  'rumour-frame': { id: 'bingkai kabar beredar', en: 'a rumour frame' },
  'long-digits': { id: 'deretan angka panjang', en: 'a long run of digits' },
  'digit-groups': { id: 'kelompok angka seperti nomor', en: 'digit groups shaped like a number' },
  phone: { id: 'nomor telepon', en: 'a phone number' },
  'id-label-digits': {
    id: 'label identitas dengan angka (NIK/KK/HP)',
    en: 'an ID label with digits (NIK/KK/phone)',
  },
  email: { id: 'alamat e-mail', en: 'an e-mail address' },
  address: { id: 'bentuk alamat (Jalan/Gang/RT/No.)', en: 'an address shape (street/RT/No.)' },
  age: { id: 'usia', en: 'an age' },
  'person-address': { id: 'nama orang dekat alamat', en: 'a person named next to an address' },
  'person-digits': { id: 'nama orang dengan nomor', en: 'a person named with a number' },
  'person-age': { id: 'nama orang dengan usia', en: 'a person named with an age' },
  'address-digits': { id: 'alamat dengan nomor', en: 'an address with a number' },
  'digits-no-hotline': {
    id: 'nomor yang bukan layanan resmi',
    en: 'a number that is not an official hotline',
  },
};

/** The sign of a structural feature by its versioned name ("no-date@1"), or undefined. */
export const structureSign = (name: string, lang: Language): string | undefined =>
  STRUCTURE_SIGNS[name.replace(/@\d+$/, '')]?.[lang];

/**
 * A draft classifier's finding: it is a statistical hint, not a rule's verdict, and says so.
 * `words` are the driving words, already quoted; `signs` the structural features that drove it.
 */
export function draftMessage(
  category: DraftHeadCategory,
  words: string,
  lang: Language,
  signs: readonly string[] = [],
): string {
  const trait = DRAFT_TRAITS[category][lang];
  const marks =
    signs.length > 0 ? (lang === 'id' ? ` Ciri: ${signs.join('; ')}.` : ` Signs: ${signs.join('; ')}.`) : '';
  return lang === 'id'
    ? `Mirip draf yang ${trait} — periksa kembali (petunjuk statistik). Kata penentu: ${words}.${marks}`
    : `Resembles drafts that ${trait} — please review (a statistical hint). Deciding words: ${words}.${marks}`;
}
