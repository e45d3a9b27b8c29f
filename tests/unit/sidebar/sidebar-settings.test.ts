import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseStoredSettings } from '@/lib/settings/schema';
import { withSidebarCollapsed } from '@/lib/settings/settings-view';
import { readSidebarSettings } from '@/lib/sidebar/sidebar-settings';

describe('the sidebar’s view of the settings', () => {
  it('reads what the options page stores', () => {
    const stored = {
      ...DEFAULT_SETTINGS,
      language: 'en',
      identity: {
        agencyId: 'dinkes',
        adminName: 'Rina',
        adminRole: 'Humas',
        handles: { instagram: 'dinkeskalbar' },
      },
      platforms: { facebook: true, instagram: false, youtube: true },
      sidebarCollapsed: { facebook: true },
    };
    expect(readSidebarSettings(stored, 'facebook')).toEqual({
      language: 'en',
      identity: {
        agencyId: 'dinkes',
        adminName: 'Rina',
        adminRole: 'Humas',
        handles: { instagram: 'dinkeskalbar' },
      },
      enabled: true,
      collapsed: true,
      marks: true,
      debug: false,
    });
    expect(readSidebarSettings(stored, 'instagram')).toMatchObject({ enabled: false, collapsed: undefined });
  });

  it('falls back field by field on anything malformed, never throws', () => {
    for (const raw of [
      undefined,
      null,
      42,
      'x',
      [],
      { language: 'fr', identity: 'x', sidebarCollapsed: [] },
    ]) {
      expect(readSidebarSettings(raw, 'youtube')).toEqual({
        language: 'id',
        identity: { agencyId: null, adminName: '', adminRole: '', handles: {} },
        enabled: true,
        collapsed: undefined,
        marks: true,
        debug: false,
      });
    }
    expect(
      readSidebarSettings({ identity: { agencyId: 7, adminName: 3 } }, 'youtube').identity,
    ).toMatchObject({
      agencyId: null,
      adminName: '',
    });
  });

  it('reads the inline-marks switch per platform, on unless switched off', () => {
    const stored = { ...DEFAULT_SETTINGS, marks: { facebook: false, instagram: true, youtube: true } };
    expect(readSidebarSettings(stored, 'facebook').marks).toBe(false);
    expect(readSidebarSettings(stored, 'instagram').marks).toBe(true);
    expect(readSidebarSettings({ marks: { youtube: 'no' } }, 'youtube').marks).toBe(true);
  });

  it('reads the debug switch, off unless exactly true', () => {
    expect(readSidebarSettings({ ...DEFAULT_SETTINGS, debug: true }, 'facebook').debug).toBe(true);
    expect(readSidebarSettings({ debug: 'yes' }, 'facebook').debug).toBe(false);
  });

  it('remembers the collapse per platform without touching the other settings', () => {
    const stored = { ...DEFAULT_SETTINGS, language: 'en', sidebarCollapsed: { instagram: true } };
    const next = withSidebarCollapsed(stored, 'facebook', true);
    expect(next).toEqual({ ...stored, sidebarCollapsed: { instagram: true, facebook: true } });
    // What we write is still valid settings for the options page's own schema.
    expect(parseStoredSettings(next)).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'en',
      sidebarCollapsed: next.sidebarCollapsed,
    });
  });
});
