import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/schema';
import {
  applyImported,
  exportSettingsFile,
  parseSettingsFile,
  SETTINGS_FILE_FORMAT,
} from '@/lib/settings/transfer';
import { makeKeyPair, publicMembers } from './keys';

async function configured(): Promise<Settings> {
  return {
    schemaVersion: 1,
    identity: {
      agencyId: 'dkp',
      adminName: 'Rina',
      adminRole: 'Pranata Humas',
      handles: { facebook: 'dkp.kalbar', youtube: '@dkpkalbar' },
    },
    library: {
      url: 'https://biro.kalbarprov.go.id/pustaka.json',
      publicKey: publicMembers((await makeKeyPair()).publicJwk),
    },
    language: 'en',
    platforms: { facebook: true, instagram: false, youtube: true },
    sidebarCollapsed: { facebook: true },
    desk: { url: 'https://meja.kalbarprov.go.id', token: 'spd_Zm9vYmFyYmF6cXV4cXV1eA' },
    marks: { facebook: false, instagram: true, youtube: true },
    debug: true,
  };
}

describe('settings file export / import', () => {
  it('round-trips: export then import restores the same settings (UI state stays per browser)', async () => {
    const settings = await configured();
    const text = exportSettingsFile(settings, new Date('2026-11-26T06:00:00Z'));
    const file = JSON.parse(text);
    expect(file.format).toBe(SETTINGS_FILE_FORMAT);
    expect(file.exportedAt).toBe('2026-11-26T06:00:00.000Z');
    expect(file.settings.sidebarCollapsed).toBeUndefined();
    expect(file.settings.debug).toBeUndefined();
    expect(file.settings.desk).toEqual(settings.desk);
    const imported = parseSettingsFile(text);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const fresh = { ...DEFAULT_SETTINGS, sidebarCollapsed: { youtube: true } };
    expect(applyImported(fresh, imported.settings)).toEqual({
      ...settings,
      sidebarCollapsed: { youtube: true },
      debug: false,
    });
  });

  it('recognises a file from another tool and refuses it by name', () => {
    const bundle = JSON.stringify({ format: 'satu-pintu/library@1', id: 'kalbar', version: 3 });
    expect(parseSettingsFile(bundle)).toEqual({
      ok: false,
      error: { key: 'options.import.foreign', params: { format: 'satu-pintu/library@1' } },
    });
    expect(parseSettingsFile('{"theme":"dark"}')).toEqual({
      ok: false,
      error: { key: 'options.import.foreign', params: { format: '?' } },
    });
    expect(parseSettingsFile('not json at all')).toEqual({
      ok: false,
      error: { key: 'options.import.notJson' },
    });
  });

  it('refuses a settings file with one bad field as a whole, saying where', async () => {
    const file = JSON.parse(exportSettingsFile(await configured()));
    file.settings.identity.handles.instagram = '.bad';
    expect(parseSettingsFile(JSON.stringify(file))).toEqual({
      ok: false,
      error: {
        key: 'options.import.invalid',
        params: { path: 'settings.identity.handles.instagram', detail: 'options.error.handle.instagram' },
      },
    });
  });

  it('refuses a file too large to be settings before parsing it', () => {
    expect(parseSettingsFile(`{"format":"${SETTINGS_FILE_FORMAT}","pad":"${'x'.repeat(300_000)}"}`)).toEqual({
      ok: false,
      error: { key: 'options.import.tooLarge' },
    });
  });
});
