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
 * A draft classifier's finding: it is a statistical hint, not a rule's verdict, and says so.
 * `words` are the driving words, already quoted.
 */
export function draftMessage(category: DraftHeadCategory, words: string, lang: Language): string {
  const trait = DRAFT_TRAITS[category][lang];
  return lang === 'id'
    ? `Mirip draf yang ${trait} — periksa kembali (petunjuk statistik). Kata penentu: ${words}.`
    : `Resembles drafts that ${trait} — please review (a statistical hint). Deciding words: ${words}.`;
}
