import type { Agency } from './schema';

/** The placeholders a caption may contain, with what fills them. */
export const PLACEHOLDERS = ['agency.name', 'agency.shortName', 'date', 'location'] as const;
export type PlaceholderName = (typeof PLACEHOLDERS)[number];

export interface PlaceholderValues {
  agency?: Pick<Agency, 'name' | 'shortName'> | null;
  /** Already formatted as admins write it, e.g. "Kamis (26/11/2026)" (formatDayDate in lib/i18n). */
  date?: string;
  location?: string;
}

const PATTERN = /\{\{\s*([\w.]+)\s*\}\}/g;

/** Placeholder names used in a text (unknown ones too, so `library lint` can report them). */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PATTERN)].map((match) => match[1] as string))];
}

/** Fills the known placeholders that have a value; the others stay visible for the admin to fill. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PATTERN, (whole, name: string) => {
    switch (name) {
      case 'agency.name':
        return values.agency?.name ?? whole;
      case 'agency.shortName':
        return values.agency?.shortName ?? whole;
      case 'date':
        return values.date ?? whole;
      case 'location':
        return values.location ?? whole;
      default:
        return whole;
    }
  });
}
