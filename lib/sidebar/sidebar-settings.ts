import { storage } from '#imports';
import { LANGUAGES, type Language } from '@/lib/i18n/types';
import { PLATFORM_IDS, type PlatformId } from '@/lib/platforms/types';
import type { Settings } from '@/lib/settings/schema';

/**
 * The few settings the sidebar reads, straight from the storage item the options page writes
 * (`local:settings`, validated there with the full zod schema). The content script does not
 * import that schema: zod's classic API alone is ~22 KB gzipped of the content script's 60 KB
 * budget. So each field read here is narrowed by hand and falls back to its default, field by
 * field, like `parseStoredSettings` does — nothing malformed gets through, nothing throws.
 */
export interface SidebarSettings {
  language: Language;
  identity: Pick<Settings['identity'], 'agencyId' | 'adminName' | 'adminRole' | 'handles'>;
  enabled: boolean;
  collapsed: boolean | undefined;
  /** Inline marks over the composer's text on this platform (on unless switched off). */
  marks: boolean;
  /** Technical detail in the console (lib/log.ts); off unless switched on in the options page. */
  debug: boolean;
}

const SETTINGS_KEY = 'local:settings';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
function text(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

/** The sidebar's view of whatever is stored; defaults for anything missing or malformed. */
export function readSidebarSettings(raw: unknown, platform: PlatformId): SidebarSettings {
  const settings = record(raw);
  const identity = record(settings.identity);
  const handles = record(identity.handles);
  const language = LANGUAGES.find((lang) => lang === settings.language) ?? 'id';
  const enabled = record(settings.platforms)[platform];
  const collapsed = record(settings.sidebarCollapsed)[platform];
  const agencyId = identity.agencyId;
  return {
    language,
    identity: {
      agencyId: typeof agencyId === 'string' && agencyId !== '' ? agencyId : null,
      adminName: text(identity.adminName),
      adminRole: text(identity.adminRole),
      handles: Object.fromEntries(
        PLATFORM_IDS.flatMap((id) => (typeof handles[id] === 'string' ? [[id, handles[id]]] : [])),
      ),
    },
    enabled: enabled !== false,
    collapsed: typeof collapsed === 'boolean' ? collapsed : undefined,
    marks: record(settings.marks)[platform] !== false,
    debug: settings.debug === true,
  };
}

/** Stored `sidebarCollapsed` with this platform's choice set; every other setting left as it was. */
export function withCollapsed(
  raw: unknown,
  platform: PlatformId,
  collapsed: boolean,
): Record<string, unknown> {
  const settings = record(raw);
  return { ...settings, sidebarCollapsed: { ...record(settings.sidebarCollapsed), [platform]: collapsed } };
}

export async function getSidebarSettings(platform: PlatformId): Promise<SidebarSettings> {
  return readSidebarSettings(await storage.getItem<unknown>(SETTINGS_KEY), platform);
}

export function watchSidebarSettings(
  platform: PlatformId,
  callback: (settings: SidebarSettings) => void,
): () => void {
  return storage.watch<unknown>(SETTINGS_KEY, (value) => callback(readSidebarSettings(value, platform)));
}

export async function saveSidebarCollapsed(platform: PlatformId, collapsed: boolean): Promise<void> {
  await storage.setItem(
    SETTINGS_KEY,
    withCollapsed(await storage.getItem<unknown>(SETTINGS_KEY), platform, collapsed),
  );
}

/** A change signal only: the library itself is asked from the background (`getLibrary`). */
export function watchLibraryVersion(callback: (version: string) => void): () => void {
  return storage.watch<unknown>('local:libraryStatus', (value) => {
    const status = record(value);
    callback(`${text(status.libraryId)}@${String(status.version)}@${String(status.updatedAt)}`);
  });
}
