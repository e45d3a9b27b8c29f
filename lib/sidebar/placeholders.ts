/**
 * Caption templates: `{{name}}` placeholders filled from the agency identity and today's date;
 * the ones nobody but the admin knows (e.g. `{{location}}`) become inputs in the sidebar.
 * Pure: the sidebar shows exactly `fillPlaceholders(...).text`, and insert puts in that same text.
 * The grammar (and `fillPlaceholders`) lives in lib/library/placeholders.ts.
 */
import { normalisePlaceholderName } from '@/lib/library/placeholders';

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
  for (const [name, value] of Object.entries(sources.admin ?? {}))
    put([normalisePlaceholderName(name)], value);
  return values;
}
