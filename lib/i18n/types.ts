/** A UI string in both languages. Bahasa Indonesia is the default; English must be complete. */
export interface Message {
  id: string;
  en: string;
}
export type MessageTable = Record<string, Message>;
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
