import { signal } from '@preact/signals';
import { approvals } from './messages/approvals';
import { common } from './messages/common';
import { library } from './messages/library';
import { options } from './messages/options';
import { popup } from './messages/popup';
import { sidebar } from './messages/sidebar';
import type { Language } from './types';

export type { Language, Message, MessageTable } from './types';
export { LANGUAGES } from './types';

/**
 * The one i18n layer for every UI string. `browser.i18n` cannot switch language at run time, and
 * the admin chooses the language in the options page, so the tables live here (typed: a key
 * missing in one language does not compile) and `_locales/` only carries the manifest's name.
 */
export const messages = { ...common, ...sidebar, ...popup, ...options, ...library, ...approvals };
export type MessageKey = keyof typeof messages;

/** The current UI language; pages and the sidebar set it from the settings. */
export const language = signal<Language>('id');

export type MessageParams = Record<string, string | number>;

/** Translate `key` into the current (or given) language, filling `{name}` placeholders. */
export function t(key: MessageKey, params?: MessageParams, lang: Language = language.value): string {
  const text = messages[key][lang];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
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
