import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  DeskSchema,
  LibrarySourceSchema,
  libraryUrlError,
  parseStoredSettings,
  SettingsSchema,
} from '@/lib/settings/schema';
import { makeKeyPair, publicMembers } from './keys';

describe('settings defaults', () => {
  it('start in Bahasa Indonesia, every platform on, no agency, the built-in library', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      schemaVersion: 1,
      identity: { agencyId: null, adminName: '', adminRole: '', handles: {} },
      library: { url: null, publicKey: null },
      language: 'id',
      platforms: { facebook: true, instagram: true, youtube: true },
      sidebarCollapsed: {},
      desk: { url: null, token: null },
      marks: { facebook: true, instagram: true, youtube: true },
      debug: false,
    });
  });
});

describe('library URL rule', () => {
  it('allows https anywhere and plain http only on localhost / 127.0.0.1 (with any port)', () => {
    expect(libraryUrlError('https://biro.kalbarprov.go.id/pustaka.json')).toBeNull();
    expect(libraryUrlError('http://localhost:8080/library.json')).toBeNull();
    expect(libraryUrlError('http://127.0.0.1:43117/library.json')).toBeNull();
    expect(libraryUrlError('http://biro.kalbarprov.go.id/pustaka.json')).toBe('options.error.url.https');
    expect(libraryUrlError('ftp://biro.kalbarprov.go.id/pustaka.json')).toBe('options.error.url.https');
    expect(libraryUrlError('biro.kalbarprov.go.id/pustaka.json')).toBe('options.error.url.invalid');
    expect(libraryUrlError('https://admin:rahasia@biro.kalbarprov.go.id/')).toBe(
      'options.error.url.credentials',
    );
  });

  it('needs a key with a URL, and a URL with a key', async () => {
    const key = publicMembers((await makeKeyPair()).publicJwk);
    const urlOnly = LibrarySourceSchema.safeParse({
      url: 'https://biro.kalbarprov.go.id/p.json',
      publicKey: null,
    });
    expect(urlOnly.success).toBe(false);
    expect(urlOnly.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['publicKey'], 'options.error.key.required'],
    ]);
    const keyOnly = LibrarySourceSchema.safeParse({ url: null, publicKey: key });
    expect(keyOnly.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['url'], 'options.error.url.required'],
    ]);
    expect(
      LibrarySourceSchema.safeParse({ url: 'https://biro.kalbarprov.go.id/p.json', publicKey: key }).success,
    ).toBe(true);
  });
});

describe('reading stored settings (migration of malformed values)', () => {
  it('returns the defaults for nothing, garbage or an array', () => {
    expect(parseStoredSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseStoredSettings('{"identity":')).toEqual(DEFAULT_SETTINGS);
    expect(parseStoredSettings([1, 2])).toEqual(DEFAULT_SETTINGS);
  });

  it('fills fields missing from an older, smaller shape', () => {
    const old = { identity: { agencyId: 'dinkes' } };
    expect(parseStoredSettings(old)).toEqual({
      ...DEFAULT_SETTINGS,
      identity: { ...DEFAULT_SETTINGS.identity, agencyId: 'dinkes' },
    });
  });

  it('replaces only the malformed parts, field by field', async () => {
    const key = publicMembers((await makeKeyPair()).publicJwk);
    const stored = {
      schemaVersion: 1,
      identity: {
        agencyId: 'dinkes',
        adminName: 'Rina',
        adminRole: 'Pranata Humas',
        handles: { facebook: 'dinkes.kalbar', instagram: '..bad..' },
      },
      library: { url: 'https://biro.kalbarprov.go.id/p.json', publicKey: key },
      language: 'fr',
      platforms: { facebook: false, instagram: 'yes', youtube: true },
      sidebarCollapsed: { facebook: true },
    };
    const settings = parseStoredSettings(stored);
    expect(settings.identity.agencyId).toBe('dinkes');
    expect(settings.identity.adminName).toBe('Rina');
    // The bad Instagram handle is dropped alone: the Facebook one and the rest of the identity stay.
    expect(settings.identity.handles).toEqual({ facebook: 'dinkes.kalbar' });
    expect(settings.library).toEqual({ url: 'https://biro.kalbarprov.go.id/p.json', publicKey: key });
    expect(settings.language).toBe('id');
    expect(settings.platforms).toEqual(DEFAULT_SETTINGS.platforms);
    expect(settings.sidebarCollapsed).toEqual({ facebook: true });
    expect(SettingsSchema.safeParse(settings).success).toBe(true);
  });

  it('drops a library source that breaks the URL-needs-key rule, keeping the rest', () => {
    const settings = parseStoredSettings({
      identity: { agencyId: 'dinkes' },
      library: { url: 'https://biro.kalbarprov.go.id/p.json', publicKey: null },
      language: 'en',
    });
    expect(settings.library).toEqual({ url: null, publicKey: null });
    expect(settings.identity.agencyId).toBe('dinkes');
    expect(settings.language).toBe('en');
  });

  it('never keeps a private key found in storage', async () => {
    const { privateJwk } = await makeKeyPair();
    const settings = parseStoredSettings({
      library: { url: 'https://biro.kalbarprov.go.id/p.json', publicKey: privateJwk },
      language: 'en',
    });
    expect(settings.library.publicKey).toBeNull();
    expect(settings.language).toBe('en');
  });
});

describe('desk, inline marks and diagnostics settings', () => {
  const TOKEN = 'spd_Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXhxdXV4';

  it('reads settings stored before they existed (schema version 1 without them) with their defaults', () => {
    // The shape every profile had before the desk, the marks and the debug switch.
    const v1 = {
      schemaVersion: 1,
      identity: { agencyId: 'dinkes', adminName: 'Rina', adminRole: 'Admin', handles: {} },
      library: { url: null, publicKey: null },
      language: 'en',
      platforms: { facebook: true, instagram: false, youtube: true },
      sidebarCollapsed: { youtube: true },
    };
    expect(SettingsSchema.safeParse(v1).success).toBe(true);
    expect(parseStoredSettings(v1)).toEqual({
      ...v1,
      desk: { url: null, token: null },
      marks: { facebook: true, instagram: true, youtube: true },
      debug: false,
    });
  });

  it('takes a desk as an https (or loopback http) address with a bearer token, both or neither', () => {
    const parse = (desk: unknown) => DeskSchema.safeParse(desk);
    expect(parse({ url: 'https://meja.kalbarprov.go.id', token: TOKEN }).success).toBe(true);
    expect(parse({ url: 'http://127.0.0.1:8787', token: TOKEN }).success).toBe(true);
    expect(parse({ url: null, token: null }).success).toBe(true);
    const messages = (desk: unknown) => parse(desk).error?.issues.map((issue) => [issue.path, issue.message]);
    expect(messages({ url: 'http://meja.kalbarprov.go.id', token: TOKEN })).toEqual([
      [['url'], 'options.error.url.https'],
    ]);
    expect(messages({ url: 'https://meja.kalbarprov.go.id', token: null })).toEqual([
      [['token'], 'options.error.desk.tokenRequired'],
    ]);
    expect(messages({ url: null, token: TOKEN })).toEqual([[['url'], 'options.error.desk.urlRequired']]);
    expect(messages({ url: 'https://meja.kalbarprov.go.id', token: 'has spaces inside it' })).toEqual([
      [['token'], 'options.error.desk.token'],
    ]);
  });

  it('salvages a malformed desk as no desk without losing anything else', () => {
    const settings = parseStoredSettings({
      language: 'en',
      desk: { url: 'ftp://meja', token: TOKEN },
      marks: { facebook: false, instagram: true, youtube: true },
      debug: 'yes',
    });
    expect(settings.desk).toEqual({ url: null, token: null });
    expect(settings.marks).toEqual({ facebook: false, instagram: true, youtube: true });
    expect(settings.debug).toBe(false);
    expect(settings.language).toBe('en');
  });
});
