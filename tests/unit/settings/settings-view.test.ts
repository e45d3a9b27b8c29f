import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseStoredSettings } from '@/lib/settings/schema';
import { readSettingsView, withSidebarCollapsed } from '@/lib/settings/settings-view';

const pick = (settings: ReturnType<typeof parseStoredSettings>) => ({
  language: settings.language,
  identity: settings.identity,
  platforms: settings.platforms,
  marks: settings.marks,
  debug: settings.debug,
  sidebarCollapsed: settings.sidebarCollapsed,
});

/** Values a damaged, older or hand-edited storage item may hold. */
const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 8 }),
  fc.constant([]),
);
const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', '  Rina  ', 'x'.repeat(121), ` ${'y'.repeat(120)} `, 'dinkes', 'z'.repeat(201)),
  junk,
);
const handle = fc.oneof(fc.constantFrom('dkp.kalbar', '.bad', '@dkpkalbar', 'ab', 'dinkes_kalbar'), junk);
const bool = fc.oneof(fc.boolean(), junk);
const stored = fc.record(
  {
    schemaVersion: fc.oneof(fc.constant(1), junk),
    language: fc.oneof(fc.constantFrom('id', 'en', 'fr'), junk),
    identity: fc.oneof(
      fc.record(
        {
          agencyId: text,
          adminName: text,
          adminRole: text,
          handles: fc.oneof(
            fc.record(
              { facebook: handle, instagram: handle, youtube: handle, tiktok: handle },
              { requiredKeys: [] },
            ),
            junk,
          ),
        },
        { requiredKeys: [] },
      ),
      junk,
    ),
    platforms: fc.oneof(
      fc.record({ facebook: bool, instagram: bool, youtube: bool }, { requiredKeys: [] }),
      junk,
    ),
    marks: fc.oneof(
      fc.record({ facebook: bool, instagram: bool, youtube: bool }, { requiredKeys: [] }),
      junk,
    ),
    debug: bool,
    sidebarCollapsed: fc.oneof(
      fc.record({ facebook: bool, instagram: bool, youtube: bool, tiktok: bool }, { requiredKeys: [] }),
      junk,
    ),
  },
  { requiredKeys: [] },
);

describe('the content script’s zod-free reading of the settings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(readSettingsView(undefined)).toEqual(pick(DEFAULT_SETTINGS));
  });

  it('agrees field by field with the schema’s salvage on generated stored values', () => {
    fc.assert(
      fc.property(stored, (raw) => {
        expect(readSettingsView(raw)).toEqual(pick(parseStoredSettings(raw)));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the collapse choice as valid settings and leaves the rest as stored', () => {
    const raw = { ...DEFAULT_SETTINGS, language: 'en', sidebarCollapsed: { instagram: true, tiktok: 'x' } };
    const next = withSidebarCollapsed(raw, 'facebook', true);
    expect(next).toEqual({ ...raw, sidebarCollapsed: { facebook: true } });
    expect(parseStoredSettings(next).sidebarCollapsed).toEqual({ facebook: true });
    const kept = withSidebarCollapsed({ sidebarCollapsed: { youtube: false } }, 'instagram', true);
    expect(kept.sidebarCollapsed).toEqual({ youtube: false, instagram: true });
  });
});
