import { LANGUAGES } from '@/lib/i18n/types';
import { PLATFORM_IDS, type PlatformId } from '@/lib/platforms/types';
import { HANDLE_RULES } from './handles';
import type { Settings } from './schema';

/**
 * The settings as the content script reads them, without zod (zod alone would be about a third of
 * the content script). Same storage item as `store.ts`; every field is narrowed and falls back to
 * its default exactly as `parseStoredSettings` salvages it — a unit test holds the two together on
 * generated input, so this is the schema's reading, not a second opinion. Types come from the
 * schema (type-only imports cost nothing at run time).
 */
export const SETTINGS_STORAGE_KEY = 'local:settings';

/** What a page-side surface (sidebar, inline marks) needs of the settings. */
export type SettingsView = Pick<
  Settings,
  'language' | 'identity' | 'platforms' | 'marks' | 'debug' | 'sidebarCollapsed'
>;

const MAX_AGENCY_ID = 200;
const MAX_ADMIN_TEXT = 120;

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function adminText(value: unknown): string {
  if (typeof value !== 'string') return '';
  const trimmed = value.trim();
  return trimmed.length <= MAX_ADMIN_TEXT ? trimmed : '';
}

/** A full per-platform switch record, or null when any platform is missing or not a boolean. */
function switches(value: unknown): Record<PlatformId, boolean> | null {
  const source = record(value);
  const out = {} as Record<PlatformId, boolean>;
  for (const platform of PLATFORM_IDS) {
    const on = source[platform];
    if (typeof on !== 'boolean') return null;
    out[platform] = on;
  }
  return out;
}

function identityOf(raw: unknown): Settings['identity'] {
  const identity = record(raw);
  const agencyId = identity.agencyId;
  const handlesIn = record(identity.handles);
  const handles: Partial<Record<PlatformId, string>> = {};
  for (const platform of PLATFORM_IDS) {
    const handle = handlesIn[platform];
    if (typeof handle === 'string' && HANDLE_RULES[platform].pattern.test(handle)) handles[platform] = handle;
  }
  return {
    agencyId:
      typeof agencyId === 'string' && agencyId.length > 0 && agencyId.length <= MAX_AGENCY_ID
        ? agencyId
        : null,
    adminName: adminText(identity.adminName),
    adminRole: adminText(identity.adminRole),
    handles,
  };
}

/** The content script's reading of whatever is stored; defaults for anything missing or malformed. */
export function readSettingsView(raw: unknown): SettingsView {
  const settings = record(raw);
  const collapsedIn = record(settings.sidebarCollapsed);
  const collapsedValid = Object.entries(collapsedIn).every(
    ([key, value]) => (PLATFORM_IDS as readonly string[]).includes(key) && typeof value === 'boolean',
  );
  return {
    language: LANGUAGES.find((lang) => lang === settings.language) ?? 'id',
    identity: identityOf(settings.identity),
    platforms: switches(settings.platforms) ?? { facebook: true, instagram: true, youtube: true },
    marks: switches(settings.marks) ?? { facebook: true, instagram: true, youtube: true },
    debug: typeof settings.debug === 'boolean' ? settings.debug : false,
    sidebarCollapsed: collapsedValid ? (collapsedIn as Settings['sidebarCollapsed']) : {},
  };
}

/**
 * The stored settings with one platform's sidebar collapse choice written. Only `sidebarCollapsed`
 * changes, and it is written as valid settings (its readable entries kept, the new one set); every
 * other field is left exactly as stored for the options page's schema to read.
 */
export function withSidebarCollapsed(
  raw: unknown,
  platform: PlatformId,
  collapsed: boolean,
): Record<string, unknown> {
  const settings = record(raw);
  return {
    ...settings,
    sidebarCollapsed: { ...readSettingsView(settings).sidebarCollapsed, [platform]: collapsed },
  };
}
