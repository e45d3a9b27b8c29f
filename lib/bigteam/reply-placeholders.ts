import { placeholderNames } from '@/lib/library/placeholders';

/**
 * The placeholders of reply templates, in normalised form (lib/library/placeholders.ts): the
 * citizen's name, typed by the admin, and the agency's identity and PPID from the library.
 */
export const REPLY_PLACEHOLDERS = {
  user: 'user',
  agencyName: 'agency_name',
  agencyShortName: 'agency_shortname',
  ppidName: 'ppid_name',
  ppidContact: 'ppid_contact',
} as const;
export const KNOWN_REPLY_PLACEHOLDERS: readonly string[] = Object.values(REPLY_PLACEHOLDERS);

/** Placeholders of `text` that no reply may use (the bureau's typo, e.g. `{{ppid.phone}}`). */
export function unknownReplyPlaceholders(text: string): string[] {
  return placeholderNames(text).filter((name) => !KNOWN_REPLY_PLACEHOLDERS.includes(name));
}
