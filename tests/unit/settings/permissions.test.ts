import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { originPattern } from '@/lib/settings/origin';
import {
  declaredOptionalOrigins,
  hasOriginAccess,
  hasPlatformAccess,
  isOriginRequestable,
  patternCovers,
  requestOriginAccess,
  requestOriginsAccess,
  requestPlatformAccess,
} from '@/lib/settings/permissions';

const OPTIONAL = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];
/** What `wxt build` (Chrome MV3) writes. */
const CHROME_MV3 = { manifest_version: 3, optional_host_permissions: OPTIONAL };
/** What `wxt build -b firefox` (MV2) must write: origins live in optional_permissions. */
const FIREFOX_MV2 = { manifest_version: 2, optional_permissions: ['downloads', ...OPTIONAL] };

describe('origin patterns', () => {
  it('drop the port: Firefox patterns cannot carry one, Chrome reads "no port" as any port', () => {
    expect(originPattern('http://localhost:8080/library.json')).toBe('http://localhost/*');
    expect(originPattern('http://127.0.0.1:43117/x/y.json?z=1')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://biro.kalbarprov.go.id:8443/pustaka.json')).toBe(
      'https://biro.kalbarprov.go.id/*',
    );
  });

  it('match hosts the way browsers do (scheme, wildcard subdomains, any port)', () => {
    expect(patternCovers('https://*/*', 'https://biro.kalbarprov.go.id/p.json')).toBe(true);
    expect(patternCovers('https://*/*', 'http://biro.kalbarprov.go.id/p.json')).toBe(false);
    expect(patternCovers('http://localhost/*', 'http://localhost:5173/p.json')).toBe(true);
    expect(patternCovers('http://localhost/*', 'http://localhost.evil.example/p.json')).toBe(false);
    expect(patternCovers('*://*.kalbarprov.go.id/*', 'https://biro.kalbarprov.go.id/')).toBe(true);
    expect(patternCovers('*://*.kalbarprov.go.id/*', 'https://kalbarprov.go.id/')).toBe(true);
    expect(patternCovers('*://*.kalbarprov.go.id/*', 'https://notkalbarprov.go.id/')).toBe(false);
    expect(patternCovers('<all_urls>', 'https://anything.example/')).toBe(true);
  });

  it('read the optional origins from either manifest version', () => {
    expect(declaredOptionalOrigins(CHROME_MV3)).toEqual(OPTIONAL);
    expect(declaredOptionalOrigins(FIREFOX_MV2)).toEqual(OPTIONAL);
    expect(isOriginRequestable('http://localhost:8080/p.json', FIREFOX_MV2)).toBe(true);
    // A Firefox MV2 build without optional_permissions (WXT drops optional_host_permissions there).
    expect(isOriginRequestable('https://biro.kalbarprov.go.id/p.json', { manifest_version: 2 })).toBe(false);
    expect(isOriginRequestable('http://192.168.1.5/p.json', CHROME_MV3)).toBe(false);
  });
});

describe('requesting access at run time', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('asks for the port-less origin pattern and reports the grant', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    expect(await requestOriginAccess('http://localhost:8080/library.json', CHROME_MV3)).toEqual({
      granted: true,
    });
    expect(request).toHaveBeenCalledWith({ origins: ['http://localhost/*'] });
  });

  it('asks for the library and the desk in one prompt, and refuses if either is undeclared', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    expect(
      await requestOriginsAccess(
        [
          'https://biro.kalbarprov.go.id/p.json',
          'https://meja.kalbarprov.go.id',
          'https://biro.kalbarprov.go.id/x',
        ],
        CHROME_MV3,
      ),
    ).toEqual({ granted: true });
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith({
      origins: ['https://biro.kalbarprov.go.id/*', 'https://meja.kalbarprov.go.id/*'],
    });
    expect(
      await requestOriginsAccess(
        ['https://meja.kalbarprov.go.id', 'http://meja.kalbarprov.go.id'],
        CHROME_MV3,
      ),
    ).toEqual({ granted: false, reason: 'undeclared' });
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('calls permissions.request synchronously, so the click’s user gesture is still alive', () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    void requestOriginAccess('https://biro.kalbarprov.go.id/p.json', FIREFOX_MV2);
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('reports a refusal', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    expect(await requestOriginAccess('https://biro.kalbarprov.go.id/p.json', CHROME_MV3)).toEqual({
      granted: false,
      reason: 'denied',
    });
  });

  it('recognises Firefox rejecting a request made outside a user gesture', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockRejectedValue(
      new Error('permissions.request may only be called from a user input handler'),
    );
    expect(await requestOriginAccess('https://biro.kalbarprov.go.id/p.json', FIREFOX_MV2)).toMatchObject({
      granted: false,
      reason: 'gesture',
    });
  });

  it('recognises Chrome throwing synchronously outside a user gesture', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() => {
      throw new Error('This function must be called during a user gesture');
    });
    expect(await requestOriginAccess('https://biro.kalbarprov.go.id/p.json', CHROME_MV3)).toMatchObject({
      granted: false,
      reason: 'gesture',
    });
  });

  it('recognises Firefox refusing an origin the manifest does not declare', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockRejectedValue(
      new Error(
        'Cannot request origin permission for https://x/* since it was not declared in optional_permissions',
      ),
    );
    expect(await requestOriginAccess('https://biro.kalbarprov.go.id/p.json', FIREFOX_MV2)).toMatchObject({
      granted: false,
      reason: 'undeclared',
    });
  });

  it('does not ask at all when this build cannot declare the origin', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    expect(
      await requestOriginAccess('https://biro.kalbarprov.go.id/p.json', { manifest_version: 2 }),
    ).toEqual({
      granted: false,
      reason: 'undeclared',
    });
    expect(request).not.toHaveBeenCalled();
  });

  it('checks a grant with permissions.contains, and treats an API failure as "no access"', async () => {
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    expect(await hasOriginAccess('http://127.0.0.1:43117/p.json')).toBe(true);
    expect(contains).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    contains.mockRejectedValue(new Error('Invalid host permission'));
    expect(await hasOriginAccess('http://127.0.0.1:43117/p.json')).toBe(false);
  });

  it('checks and requests a platform’s hosts (Firefox MV3 may withhold them)', async () => {
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    expect(await hasPlatformAccess('facebook')).toBe(false);
    expect(contains).toHaveBeenCalledWith({ origins: ['https://*.facebook.com/*'] });
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    expect(await requestPlatformAccess('youtube')).toEqual({ granted: true });
    expect(request).toHaveBeenCalledWith({ origins: ['https://studio.youtube.com/*'] });
  });
});
