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
    id: 'memuat klaim atau angka tanpa sumber yang jelas',
    en: 'make claims or give figures without a clear source',
  },
  attribution: {
    id: 'tidak menyebut sumber, kredit, waktu, atau tempat kegiatan',
    en: 'do not name the source, credit, date or place of an activity',
  },
  confidential: {
    id: 'membocorkan dokumen, rapat, atau data internal yang belum boleh diumumkan',
    en: 'leak internal documents, meetings or data not yet cleared for release',
  },
  misinformation: {
    id: 'menyebarkan kabar belum terverifikasi, hoaks, atau klaim pengobatan ajaib',
    en: 'spread unverified rumours, hoaxes or miracle-cure claims',
  },
  'personal-data': {
    id: 'memuat data pribadi warga (NIK, nomor telepon, alamat, rekening)',
    en: "contain residents' personal data (ID numbers, phone numbers, addresses, accounts)",
  },
  'child-protection': {
    id: 'dapat mengungkap identitas anak atau korban',
    en: 'may reveal the identity of a child or a victim',
  },
  'hate-speech': {
    id: 'menyudutkan atau menyerang kelompok suku, agama, ras, atau golongan',
    en: 'blame or attack an ethnic, religious, racial or social group',
  },
  neutrality: {
    id: 'berpihak pada peserta pemilu atau berkampanye',
    en: 'take sides with an election candidate or campaign',
  },
  'illegal-content': {
    id: 'mempromosikan judi, narkoba, pinjol ilegal, atau perdagangan terlarang',
    en: 'promote gambling, drugs, illegal loans or illegal trade',
  },
  abuse: {
    id: 'berisi makian atau hinaan',
    en: 'contain insults or abusive language',
  },
};

/**
 * A draft classifier's finding: it is a statistical hint, not a rule's verdict, and says so.
 * `words` are the driving words, already quoted.
 */
export function draftMessage(category: DraftHeadCategory, words: string, lang: Language): string {
  const trait = DRAFT_TRAITS[category][lang];
  return lang === 'id'
    ? `Mirip draf yang ${trait} — periksa kembali. Petunjuk statistik, bukan aturan; kata yang paling berpengaruh: ${words}.`
    : `Resembles drafts that ${trait} — please review. A statistical hint, not a rule; the words that weighed most: ${words}.`;
}
