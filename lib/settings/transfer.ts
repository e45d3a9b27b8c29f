import { z } from 'zod';
import type { MessageKey, MessageParams } from '@/lib/i18n';
import { type Settings, SettingsSchema } from './schema';

/**
 * The settings file a bureau hands to its agencies. Wrapped in a format tag so that a JSON file from
 * another tool (or a library bundle picked by mistake) is recognised and refused by name.
 */
export const SETTINGS_FILE_FORMAT = 'satu-pintu/settings@1';

/**
 * What travels in the file: everything but this browser's own state (the sidebar's collapse choice
 * and the diagnostics switch).
 */
export const TransferableSettingsSchema = SettingsSchema.omit({ sidebarCollapsed: true, debug: true });
export type TransferableSettings = z.infer<typeof TransferableSettingsSchema>;

export const SettingsFileSchema = z.object({
  format: z.literal(SETTINGS_FILE_FORMAT),
  exportedAt: z.string().optional(),
  settings: TransferableSettingsSchema,
});

/** A settings file can never be this big; refuse before parsing rather than freeze the page. */
export const MAX_SETTINGS_FILE_BYTES = 256 * 1024;

export function exportSettingsFile(settings: Settings, now: Date = new Date()): string {
  const { sidebarCollapsed: _uiState, debug: _debug, ...transferable } = settings;
  const file: z.input<typeof SettingsFileSchema> = {
    format: SETTINGS_FILE_FORMAT,
    exportedAt: now.toISOString(),
    settings: transferable,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportResult =
  | { ok: true; settings: TransferableSettings }
  | { ok: false; error: { key: MessageKey; params?: MessageParams } };

/** Read a settings file strictly: one bad field refuses the whole file (nothing half-imported). */
export function parseSettingsFile(text: string): ImportResult {
  if (text.length > MAX_SETTINGS_FILE_BYTES) return { ok: false, error: { key: 'options.import.tooLarge' } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: { key: 'options.import.notJson' } };
  }
  const format =
    typeof json === 'object' && json !== null && 'format' in json && typeof json.format === 'string'
      ? json.format
      : null;
  if (format !== SETTINGS_FILE_FORMAT)
    return { ok: false, error: { key: 'options.import.foreign', params: { format: format ?? '?' } } };
  const parsed = SettingsFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, settings: parsed.data.settings };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    error: {
      key: 'options.import.invalid',
      params: {
        path: issue ? issue.path.map(String).join('.') || '(root)' : '(root)',
        detail: issue?.message ?? '',
      },
    },
  };
}

/** Apply an imported file over the current settings, keeping this browser's own state. */
export function applyImported(current: Settings, imported: TransferableSettings): Settings {
  return SettingsSchema.parse({
    ...imported,
    sidebarCollapsed: current.sidebarCollapsed,
    debug: current.debug,
  });
}
