/**
 * Caption templates: `{{name}}` placeholders filled from the agency identity and today's date;
 * the ones nobody but the admin knows (e.g. `{{location}}`) become inputs in the sidebar.
 * Pure: the sidebar shows exactly `fillPlaceholders(...).text`, and insert puts in that same text.
 */

const PLACEHOLDER = /\{\{\s*([\p{L}\p{N}_.-]+)\s*\}\}/gu;

/** Placeholder names in `template`, in order of first appearance, without duplicates. */
export function placeholderNames(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => normaliseName(match[1] ?? '')))];
}

/** `{{Agency Name}}`-style variants are written by hand in the library: compare loosely. */
export function normaliseName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s.-]+/g, '_');
}

export interface FilledTemplate {
  /** The text with every known placeholder replaced; unknown ones stay as `{{name}}`. */
  text: string;
  /** Placeholders still without a value (the admin must fill them before inserting). */
  missing: string[];
}

/**
 * Replace each `{{name}}` with `values[name]` (names compared after `normaliseName`). A value that
 * is an empty string counts as missing, so a half-filled caption never goes into the editor.
 */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>): FilledTemplate {
  const missing = new Set<string>();
  const text = template.replace(PLACEHOLDER, (whole, raw: string) => {
    const name = normaliseName(raw);
    const value = values[name];
    if (value === undefined || value.trim() === '') {
      missing.add(name);
      return whole;
    }
    return value;
  });
  return { text, missing: [...missing] };
}

export interface PlaceholderSources {
  /** Today's date written the Indonesian way, e.g. "Kamis (26/11/2026)" (formatDayDate). */
  dayDate: string;
  agency?: {
    name?: string;
    shortName?: string;
    region?: string;
    handles?: Partial<Record<string, string>>;
  } | null;
  identity?: { adminName?: string; adminRole?: string; handles?: Partial<Record<string, string>> } | null;
  platform?: string;
  /** What the admin typed into the placeholder inputs in the sidebar (highest priority). */
  admin?: Readonly<Record<string, string>>;
}

/**
 * The values the sidebar knows without asking. Several names per value because captions are
 * written by people ("{{instansi}}", "{{agency}}", "{{tanggal}}", "{{date}}").
 */
export function placeholderValues(sources: PlaceholderSources): Record<string, string> {
  const values: Record<string, string> = {};
  const put = (names: string[], value: string | undefined) => {
    if (value === undefined || value.trim() === '') return;
    for (const name of names) values[name] = value;
  };
  put(['date', 'tanggal', 'today', 'hari_tanggal', 'day_date'], sources.dayDate);
  put(['agency', 'agency_name', 'instansi', 'nama_instansi', 'opd'], sources.agency?.name);
  put(
    ['agency_shortname', 'agency_short', 'agency_short_name', 'singkatan', 'singkatan_instansi'],
    sources.agency?.shortName,
  );
  put(['region', 'wilayah', 'daerah'], sources.agency?.region);
  put(['admin', 'admin_name', 'nama_admin'], sources.identity?.adminName);
  put(['admin_role', 'jabatan', 'jabatan_admin'], sources.identity?.adminRole);
  const platform = sources.platform;
  if (platform) {
    const handle = sources.identity?.handles?.[platform] ?? sources.agency?.handles?.[platform];
    put(['handle', 'akun', 'account'], handle);
  }
  for (const [name, value] of Object.entries(sources.admin ?? {})) put([normaliseName(name)], value);
  return values;
}
