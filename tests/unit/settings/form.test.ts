import { describe, expect, it } from 'vitest';
import { firstInvalid, readForm, type SettingsForm, toForm } from '@/lib/settings/form';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/schema';
import { makeKeyPair, publicMembers } from './keys';

const current: Settings = { ...DEFAULT_SETTINGS, sidebarCollapsed: { youtube: true } };

function form(patch: Partial<SettingsForm> = {}): SettingsForm {
  return { ...toForm(current), ...patch };
}

describe('reading the options form', () => {
  it('turns a valid form into settings, normalising handles and keeping UI state', async () => {
    const { publicJwk } = await makeKeyPair();
    const result = readForm(
      form({
        agencyId: 'dkp',
        adminName: '  Rina Wati ',
        adminRole: 'Pranata Humas',
        handles: {
          facebook: 'https://www.facebook.com/dkp.kalbar',
          instagram: '@dkp_kalbar',
          youtube: 'DKPKalbar',
        },
        platforms: { facebook: true, instagram: false, youtube: true },
        language: 'en',
        libraryUrl: ' https://biro.kalbarprov.go.id/pustaka.json ',
        libraryKey: JSON.stringify(publicJwk),
      }),
      current,
    );
    expect(result).toEqual({
      ok: true,
      settings: {
        schemaVersion: 1,
        identity: {
          agencyId: 'dkp',
          adminName: 'Rina Wati',
          adminRole: 'Pranata Humas',
          handles: { facebook: 'dkp.kalbar', instagram: 'dkp_kalbar', youtube: '@DKPKalbar' },
        },
        library: { url: 'https://biro.kalbarprov.go.id/pustaka.json', publicKey: publicMembers(publicJwk) },
        language: 'en',
        platforms: { facebook: true, instagram: false, youtube: true },
        sidebarCollapsed: { youtube: true },
        desk: { url: null, token: null },
        marks: { facebook: true, instagram: true, youtube: true },
        debug: false,
      },
    });
  });

  it('reports every bad field at once, each with its own message, in page order', () => {
    const result = readForm(
      form({
        handles: { facebook: 'dkp', instagram: 'ok_name', youtube: '@x' },
        libraryUrl: 'http://biro.kalbarprov.go.id/pustaka.json',
        libraryKey: '{"kty":"EC","crv":"P-256","x":"a","y":"b","d":"secret"}',
      }),
      current,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      'handle.facebook': 'options.error.handle.facebook',
      'handle.youtube': 'options.error.handle.youtube',
      libraryUrl: 'options.error.url.https',
      // The key also has malformed coordinates, but that it is private matters most.
      libraryKey: 'options.error.key.private',
    });
    expect(firstInvalid(result.errors)).toBe('handle.facebook');
  });

  it('says a private key is private even when the rest of it is well formed', async () => {
    const { privateJwk } = await makeKeyPair();
    const result = readForm(
      form({ libraryUrl: 'https://biro.kalbarprov.go.id/p.json', libraryKey: JSON.stringify(privateJwk) }),
      current,
    );
    expect(result).toEqual({ ok: false, errors: { libraryKey: 'options.error.key.private' } });
  });

  it('asks for the key when only a URL is given, and for the URL when only a key is', async () => {
    const { publicJwk } = await makeKeyPair();
    expect(readForm(form({ libraryUrl: 'https://biro.kalbarprov.go.id/p.json' }), current)).toEqual({
      ok: false,
      errors: { libraryKey: 'options.error.key.required' },
    });
    expect(readForm(form({ libraryKey: JSON.stringify(publicJwk) }), current)).toEqual({
      ok: false,
      errors: { libraryUrl: 'options.error.url.required' },
    });
  });

  it('round-trips settings through the form unchanged', async () => {
    const { publicJwk } = await makeKeyPair();
    const settings: Settings = {
      ...current,
      identity: {
        agencyId: 'dkp',
        adminName: 'Rina',
        adminRole: 'Admin',
        handles: { youtube: '@dkpkalbar' },
      },
      library: { url: 'http://localhost:8080/p.json', publicKey: publicMembers(publicJwk) },
      desk: { url: 'https://meja.kalbarprov.go.id', token: 'spd_Zm9vYmFyYmF6cXV4cXV1eA' },
      marks: { facebook: false, instagram: true, youtube: false },
      debug: true,
    };
    expect(readForm(toForm(settings), settings)).toEqual({ ok: true, settings });
  });

  it('reads the desk fields: trims, drops a trailing slash, and names the field that is wrong', () => {
    const token = 'spd_Zm9vYmFyYmF6cXV4cXV1eA';
    const read = readForm(
      form({ deskUrl: ' https://meja.kalbarprov.go.id/ ', deskToken: ` ${token} ` }),
      current,
    );
    expect(read.ok && read.settings.desk).toEqual({ url: 'https://meja.kalbarprov.go.id', token });
    expect(readForm(form({ deskUrl: 'http://meja.kalbarprov.go.id', deskToken: token }), current)).toEqual({
      ok: false,
      errors: { deskUrl: 'options.error.url.https' },
    });
    expect(readForm(form({ deskUrl: 'https://meja.kalbarprov.go.id' }), current)).toEqual({
      ok: false,
      errors: { deskToken: 'options.error.desk.tokenRequired' },
    });
    expect(
      firstInvalid({ deskToken: 'options.error.desk.token', libraryKey: 'options.error.key.json' }),
    ).toBe('libraryKey');
  });
});
