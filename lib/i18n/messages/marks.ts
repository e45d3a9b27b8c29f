import type { MessageTable } from '../types';

/** UI strings of the inline marks over the composer's text. Keys start with 'marks.'. */
export const marks = {
  'marks.card': {
    id: 'Temuan: {excerpt} (Alt+Shift+J: temuan berikutnya, Esc: tutup)',
    en: 'Finding: {excerpt} (Alt+Shift+J: next finding, Esc: close)',
  },
  'marks.source': { id: 'Dasar: {source}', en: 'Basis: {source}' },
  'marks.rule': { id: 'Aturan {ruleId}', en: 'Rule {ruleId}' },
  'marks.showInSidebar': { id: 'Lihat di panel', en: 'Show in the panel' },
  'marks.close': { id: 'Tutup', en: 'Close' },
} satisfies MessageTable;

export type MarksMessageKey = keyof typeof marks;
