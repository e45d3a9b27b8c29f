import { signal } from '@preact/signals';
import type { Language, MessageTable } from './types';

/** The current UI language; pages and the sidebar set it from the settings. */
export const language = signal<Language>('id');

export type MessageParams = Record<string, string | number>;

/**
 * A `t(key, params?, lang?)` over the given tables. Each surface builds its own from the tables it
 * shows, so a bundle carries only its own strings: the content script's `t` (in-page.ts) knows the
 * sidebar's and the marks' keys, the pages' `t` (index.ts) every key. A key the surface does not
 * carry does not compile.
 */
export function translator<T extends MessageTable>(table: T) {
  return function t(key: keyof T & string, params?: MessageParams, lang: Language = language.value): string {
    const text = (table[key] as T[keyof T])[lang];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}

/** Dates as Indonesian admins write them: "Rabu (26/11/2026)"; English: "Wednesday (26/11/2026)". */
export function formatDayDate(date: Date, lang: Language = language.value): string {
  const day = date.toLocaleDateString(lang === 'id' ? 'id-ID' : 'en-GB', { weekday: 'long' });
  return `${day} (${date.getDate()}/${date.getMonth() + 1}/${date.getFullYear()})`;
}

export function formatDateTime(date: Date | number, lang: Language = language.value): string {
  return new Date(date).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
