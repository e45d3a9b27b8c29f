/**
 * The placeholder grammar of library captions, shared by the sidebar (fills them), approvals (matches
 * a filled caption against its template) and `library lint` (rejects unknown ones). Pure, no zod:
 * the content script uses it.
 */

/** `{{name}}`; names are compared after `normalisePlaceholderName`, so `{{agency.shortName}}` works. */
export const PLACEHOLDER_PATTERN = /\{\{\s*([\p{L}\p{N}_.-]+)\s*\}\}/gu;

/** `{{Agency Name}}`-style variants are written by hand: compare loosely. */
export function normalisePlaceholderName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s.-]+/g, '_');
}

/** The placeholders the bureau may use in captions, in normalised form. */
export const PLACEHOLDERS = {
  agencyName: 'agency_name',
  agencyShortName: 'agency_shortname',
  date: 'date',
  location: 'location',
} as const;
export const KNOWN_PLACEHOLDERS: readonly string[] = Object.values(PLACEHOLDERS);

/** Placeholder names in `template`, normalised, in order of first appearance, without duplicates. */
export function placeholderNames(template: string): string[] {
  return [
    ...new Set([...template.matchAll(PLACEHOLDER_PATTERN)].map((m) => normalisePlaceholderName(m[1] ?? ''))),
  ];
}

export interface FilledTemplate {
  /** The text with every placeholder that has a value replaced; the others stay as `{{name}}`. */
  text: string;
  /** Placeholders still without a value (the admin must fill them before inserting). */
  missing: string[];
}

/**
 * Replace each `{{name}}` with `values[normalised name]`. An empty value counts as missing, so a
 * half-filled caption never goes into the editor.
 */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>): FilledTemplate {
  const missing = new Set<string>();
  const text = template.replace(PLACEHOLDER_PATTERN, (whole, raw: string) => {
    const name = normalisePlaceholderName(raw);
    const value = values[name];
    if (value === undefined || value.trim() === '') {
      missing.add(name);
      return whole;
    }
    return value;
  });
  return { text, missing: [...missing] };
}
