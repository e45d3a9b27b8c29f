import { log } from '@/lib/log';
import { PLATFORMS } from '@/lib/platforms/registry';
import type { PlatformId } from '@/lib/platforms/types';
import { originPattern } from './origin';

/**
 * Optional host permissions, checked at run time. Chrome MV3 grants `host_permissions` at install
 * and lists the library origins under `optional_host_permissions`; Firefox MV2 (WXT's default
 * Firefox target) has no `optional_host_permissions` and lists them under `optional_permissions`;
 * Firefox MV3 treats even `host_permissions` as optional (the user may withhold or revoke them).
 * So nothing here assumes a grant: we ask `permissions.contains` and request from a user gesture.
 */

export type PermissionOutcome =
  | { granted: true }
  | {
      granted: false;
      /**
       * denied: the admin said no. gesture: asked outside a click (Firefox refuses
       * "permissions.request may only be called from a user input handler"). undeclared: the
       * manifest does not list the origin as optional. unavailable: no permissions API here.
       * timeout: the prompt got no answer in time (the page stops waiting; see options-model).
       */
      reason: 'denied' | 'gesture' | 'undeclared' | 'unavailable' | 'failed' | 'timeout';
      detail?: string;
    };

type ManifestLike = {
  manifest_version?: number;
  optional_host_permissions?: unknown;
  optional_permissions?: unknown;
};

/** The optional origin patterns the manifest declares, whichever manifest version it is. */
export function declaredOptionalOrigins(manifest: ManifestLike): string[] {
  const listed = [manifest.optional_host_permissions, manifest.optional_permissions].flatMap((value) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [],
  );
  // optional_permissions also holds API names ("downloads"); origins are the ones with "://".
  return [...new Set(listed.filter((item) => item.includes('://') || item === '<all_urls>'))];
}

/** Does a host-permission match pattern cover this URL? (Path and port are ignored for hosts.) */
export function patternCovers(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return true;
  const match = /^(\*|https?):\/\/(\*|\*\.[^/]+|[^/*]+)\/.*$/.exec(pattern);
  if (!match) return false;
  const [, scheme, host] = match as unknown as [string, string, string];
  const target = new URL(url);
  const targetScheme = target.protocol.slice(0, -1);
  if (scheme === '*' ? !['http', 'https'].includes(targetScheme) : scheme !== targetScheme) return false;
  const hostname = host.replace(/:\d+$/, '');
  if (hostname === '*') return true;
  if (hostname.startsWith('*.')) {
    const base = hostname.slice(2);
    return target.hostname === base || target.hostname.endsWith(`.${base}`);
  }
  return target.hostname === hostname;
}

function manifest(): ManifestLike {
  try {
    return browser.runtime.getManifest() as ManifestLike;
  } catch (error) {
    log.warn('permissions: no manifest', error);
    return {};
  }
}

/** Whether this build may ask for the URL's origin at all. */
export function isOriginRequestable(url: string, from: ManifestLike = manifest()): boolean {
  return declaredOptionalOrigins(from).some((pattern) => patternCovers(pattern, url));
}

function failure(error: unknown): PermissionOutcome {
  const detail = error instanceof Error ? error.message : String(error);
  // Firefox: "permissions.request may only be called from a user input handler";
  // Chrome: "This function must be called during a user gesture".
  if (/user (input|gesture)|user-input|during a user gesture/i.test(detail))
    return { granted: false, reason: 'gesture', detail };
  // Chrome: "Only permissions specified in the manifest may be requested";
  // Firefox: "Cannot request origin permission for … since it was not declared in optional_permissions".
  if (/specified in the manifest|not declared|optional_permissions/i.test(detail))
    return { granted: false, reason: 'undeclared', detail };
  return { granted: false, reason: 'failed', detail };
}

/**
 * Ask for `origins`. Call it synchronously from the click handler, before any `await`: Firefox
 * forgets the user gesture across an await and then rejects the request.
 */
function request(origins: string[]): Promise<PermissionOutcome> {
  const api = browser.permissions as typeof browser.permissions | undefined;
  if (!api?.request) return Promise.resolve({ granted: false, reason: 'unavailable' });
  let pending: Promise<boolean>;
  try {
    pending = api.request({ origins });
  } catch (error) {
    return Promise.resolve(failure(error));
  }
  return pending.then(
    (granted): PermissionOutcome => (granted ? { granted: true } : { granted: false, reason: 'denied' }),
    failure,
  );
}

async function contains(origins: string[]): Promise<boolean> {
  const api = browser.permissions as typeof browser.permissions | undefined;
  if (!api?.contains) return false;
  try {
    return await api.contains({ origins });
  } catch (error) {
    // Counted as "not granted": the page then offers to ask, which is what the admin can do.
    log.warn('permissions: contains failed', origins, error);
    return false;
  }
}

/** Request access to a library URL's origin (from the Save or Test click; see `request`). */
export function requestOriginAccess(
  url: string,
  from: ManifestLike = manifest(),
): Promise<PermissionOutcome> {
  return requestOriginsAccess([url], from);
}

/**
 * Request the origins of several URLs (the library and the desk) in one prompt: a second
 * `permissions.request` while the first prompt is open is refused by the browser.
 */
export function requestOriginsAccess(
  urls: readonly string[],
  from: ManifestLike = manifest(),
): Promise<PermissionOutcome> {
  if (!urls.every((url) => isOriginRequestable(url, from)))
    return Promise.resolve({ granted: false, reason: 'undeclared' });
  return request([...new Set(urls.map(originPattern))]);
}

export function hasOriginAccess(url: string): Promise<boolean> {
  return contains([originPattern(url)]);
}

/** Firefox MV3 may have withheld the platform hosts; Chrome and Firefox MV2 grant them at install. */
export function hasPlatformAccess(platform: PlatformId): Promise<boolean> {
  return contains(PLATFORMS[platform].matches);
}

export function requestPlatformAccess(platform: PlatformId): Promise<PermissionOutcome> {
  return request(PLATFORMS[platform].matches);
}
