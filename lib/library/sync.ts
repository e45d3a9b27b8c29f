import type { SatuPintuDb } from '@/lib/db/database';
import { backoffDelay } from './backoff';
import { type LoadedBundle, loadBundle, storeBundle, updateEtag } from './bundle-store';
import { type FetchFailure, fetchBundle } from './fetch-bundle';
import type { LibraryBundle } from './schema';
import type { Jwk } from './signature';
import { INITIAL_LIBRARY_STATUS, type LibraryStatus, type SyncError } from './status-schema';
import { bundleSha256, readTrust, type TrustRecord, withAccepted, writeTrust } from './trust-store';
import { type RejectReason, verifyBundle } from './verify-bundle';

export interface LibrarySource {
  url: string | null;
  publicKey: Jwk | null;
}

/** Everything the sync needs from the outside world, so tests can drive it without a browser. */
export interface SyncDeps {
  db: SatuPintuDb;
  getSource: () => Promise<LibrarySource>;
  /** The embedded default library's bytes (public/library/kalbar.json). */
  loadEmbedded: () => Promise<Uint8Array>;
  /** Is the optional host permission for this URL's origin granted? */
  hasPermission: (url: string) => Promise<boolean>;
  readStatus: () => Promise<LibraryStatus>;
  writeStatus: (status: LibraryStatus) => Promise<void>;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => Date;
  random?: () => number;
}

export interface SyncOptions {
  /** "Sync now" and a changed source ignore the backoff; alarms respect it. */
  force?: boolean;
}

/** Identifies the key a bundle was accepted with; rollback marks and the pinned library id hang on it. */
export function keyId(jwk: Jwk | null): string | null {
  return jwk && typeof jwk.x === 'string' && typeof jwk.y === 'string' ? `${jwk.x}.${jwk.y}` : null;
}

export function rejectToError(reason: RejectReason, at: number): SyncError {
  switch (reason.code) {
    case 'too-large':
      return { code: 'too-large', bytes: reason.bytes, at };
    case 'missing-key':
      return { code: 'missing-key', at };
    case 'signature':
      return { code: 'signature', detail: reason.detail, at };
    case 'json':
      return { code: 'json', detail: reason.detail, at };
    case 'schema':
      return { code: 'schema', path: reason.path, detail: reason.detail, at };
    case 'rollback':
      return { code: 'rollback', version: reason.version, currentVersion: reason.currentVersion, at };
    case 'library-id':
      return {
        code: 'library-id',
        libraryId: reason.libraryId,
        currentLibraryId: reason.currentLibraryId,
        at,
      };
    case 'expired':
      return { code: 'expired', expiresAt: reason.expiresAt, at };
  }
}

export function fetchFailureToError(failure: FetchFailure, at: number): SyncError {
  switch (failure.code) {
    case 'http':
      return { code: 'http', httpStatus: failure.status, url: failure.url, at };
    case 'timeout':
      return { code: 'timeout', url: failure.url, at };
    case 'network':
      return { code: 'network', detail: failure.detail, url: failure.url, at };
    case 'too-large':
      return { code: 'too-large', bytes: failure.bytes, at };
  }
}

/** "Biro Adpim (0561-123456, humas@kalbarprov.go.id)": whom to contact, from the bundle in use. */
export function describeContact(bundle: Pick<LibraryBundle, 'contact' | 'publisher'>): string {
  const contact = bundle.contact;
  if (!contact) return bundle.publisher;
  const ways = [contact.phone, contact.email, contact.url].filter((way): way is string => Boolean(way));
  return ways.length > 0 ? `${contact.name} (${ways.join(', ')})` : contact.name;
}

/** The status fields that describe the library in use. */
export function describeLoaded(loaded: LoadedBundle | null): Partial<LibraryStatus> {
  if (!loaded) return {};
  const { bundle, stored } = loaded;
  return {
    libraryId: bundle.id,
    version: bundle.version,
    publisher: bundle.publisher,
    contact: describeContact(bundle),
    source: stored.source,
    sourceUrl: stored.sourceUrl ?? null,
    issuedAt: bundle.issuedAt,
    expiresAt: bundle.expiresAt,
    captionCount: bundle.captions.length,
    updatedAt: stored.storedAt,
  };
}

/**
 * Makes sure a library is in use: the embedded default is stored when nothing is, or when the
 * extension ships a newer embedded version and no remote source has taken over.
 */
export async function ensureEmbedded(deps: SyncDeps, { replaceRemote }: { replaceRemote: boolean }) {
  const current = await loadBundle(deps.db);
  if (current && current.stored.source === 'remote' && !replaceRemote) return current;
  const bytes = await deps.loadEmbedded();
  const result = await verifyBundle(bytes, { trusted: true });
  // The embedded file is built and tested in the repository; failing here is a release bug.
  if (!result.ok) throw new Error(`embedded library is invalid: ${JSON.stringify(result.reason)}`);
  const isSame =
    current?.stored.source === 'embedded' &&
    current.bundle.id === result.bundle.id &&
    current.bundle.version >= result.bundle.version;
  if (isSame) return current;
  await storeBundle(deps.db, {
    raw: result.raw,
    bundle: result.bundle,
    source: 'embedded',
    sourceUrl: null,
    keyId: null,
    etag: null,
    now: (deps.now?.() ?? new Date()).getTime(),
  });
  return loadBundle(deps.db);
}

/**
 * The key's rollback record. Databases from before the record existed hold the remote bundle the key
 * accepted: it seeds the record, so an upgrade does not open a window for an older bundle.
 */
async function trustFor(
  db: SatuPintuDb,
  thisKey: string,
  current: LoadedBundle | null,
): Promise<TrustRecord | null> {
  const stored = await readTrust(db, thisKey);
  if (stored || current?.stored.source !== 'remote' || current.stored.keyId !== thisKey) return stored;
  const record = withAccepted(null, current.bundle.id, {
    version: current.bundle.version,
    sha256: await bundleSha256(current.stored.raw),
  });
  await writeTrust(db, thisKey, record);
  return record;
}

async function runSync(deps: SyncDeps, options: SyncOptions): Promise<LibraryStatus> {
  const now = deps.now ?? (() => new Date());
  const started = now().getTime();
  const previous = await deps.readStatus();
  const source = await deps.getSource();

  const finish = async (patch: Partial<LibraryStatus>): Promise<LibraryStatus> => {
    const loaded = await loadBundle(deps.db);
    const status: LibraryStatus = {
      ...INITIAL_LIBRARY_STATUS,
      ...previous,
      ...describeLoaded(loaded),
      sourceUrl: source.url,
      syncing: false,
      lastAttemptAt: started,
      ...patch,
    };
    await deps.writeStatus(status);
    return status;
  };
  const fail = (error: SyncError) => {
    const failures = previous.failures + 1;
    return finish({ error, failures, nextRetryAt: started + backoffDelay(failures, deps.random) });
  };
  const succeed = (patch: Partial<LibraryStatus> = {}) =>
    finish({ error: null, failures: 0, nextRetryAt: null, lastSuccessAt: started, ...patch });

  if (!source.url) {
    // No remote source (or the admin removed it): the embedded default is the library.
    await ensureEmbedded(deps, { replaceRemote: true });
    return finish({ error: null, failures: 0, nextRetryAt: null });
  }

  // Never leave the admin without a library while the remote one is not there yet.
  const current = await ensureEmbedded(deps, { replaceRemote: false });

  if (!options.force && previous.nextRetryAt !== null && started < previous.nextRetryAt) {
    return finish({ lastAttemptAt: previous.lastAttemptAt });
  }
  await deps.writeStatus({ ...previous, ...describeLoaded(current), syncing: true });

  if (!source.publicKey) return fail({ code: 'missing-key', at: started });
  if (!(await deps.hasPermission(source.url)))
    return fail({ code: 'permission', url: source.url, at: started });

  const thisKey = keyId(source.publicKey);
  const sameSource =
    current?.stored.source === 'remote' &&
    current.stored.sourceUrl === source.url &&
    current.stored.keyId === thisKey;
  const trust = thisKey ? await trustFor(deps.db, thisKey, current) : null;

  const fetched = await fetchBundle(source.url, {
    etag: sameSource ? current.stored.etag : null,
    fetch: deps.fetch,
    timeoutMs: deps.timeoutMs,
  });
  if (fetched.kind === 'failed') return fail(fetchFailureToError(fetched.failure, started));
  if (fetched.kind === 'not-modified') return succeed();

  const verified = await verifyBundle(fetched.bytes, {
    signature: fetched.signature,
    publicKey: source.publicKey,
    trust,
    rejectExpired: true,
    now: now(),
  });
  if (!verified.ok) {
    const error = rejectToError(verified.reason, started);
    // A key that verified bundles before is the right key: the bureau changed the file without
    // signing it again (or someone altered it). Say so, so that admins do not replace a good key.
    if (error.code === 'signature' && error.detail === 'mismatch' && trust) error.knownKey = true;
    return fail(error);
  }
  // The same bytes we already hold (server lost its ETag): nothing new, not an error.
  if (sameSource && current.stored.raw === verified.raw) {
    await updateEtag(deps.db, fetched.etag);
    return succeed();
  }
  try {
    const mark = { version: verified.bundle.version, sha256: await bundleSha256(verified.raw) };
    await storeBundle(deps.db, {
      raw: verified.raw,
      bundle: verified.bundle,
      source: 'remote',
      sourceUrl: source.url,
      keyId: thisKey,
      etag: fetched.etag,
      now: started,
      ...(thisKey
        ? { trust: { keyId: thisKey, record: withAccepted(trust, verified.bundle.id, mark) } }
        : {}),
    });
  } catch (error) {
    return fail({
      code: 'storage',
      detail: error instanceof Error ? error.message : String(error),
      at: started,
    });
  }
  return succeed();
}

/**
 * One sync of the library: signature → schema → version strictly greater → not expired → stored
 * atomically with the previous good bundle kept. Failures keep the last good library and record
 * their reason in the status. Concurrent calls share the running sync.
 */
export function createSync(deps: SyncDeps): (options?: SyncOptions) => Promise<LibraryStatus> {
  let running: Promise<LibraryStatus> | null = null;
  return (options = {}) => {
    running ??= runSync(deps, options).finally(() => {
      running = null;
    });
    return running;
  };
}

/**
 * Fetches and verifies a source without storing anything (the options page's "test"), with the same
 * library-id and rollback checks a sync would make under this key, so "test" never promises a
 * library that the sync will then refuse.
 */
export async function testLibrarySource(
  source: { url: string; publicKey: Jwk },
  deps: Pick<SyncDeps, 'fetch' | 'timeoutMs' | 'now'> & { db?: SatuPintuDb },
): Promise<{ ok: true; bundle: LibraryBundle } | { ok: false; error: SyncError }> {
  const thisKey = keyId(source.publicKey);
  const trust = deps.db && thisKey ? await readTrust(deps.db, thisKey) : null;
  const at = (deps.now?.() ?? new Date()).getTime();
  const fetched = await fetchBundle(source.url, { fetch: deps.fetch, timeoutMs: deps.timeoutMs });
  if (fetched.kind === 'failed') return { ok: false, error: fetchFailureToError(fetched.failure, at) };
  if (fetched.kind === 'not-modified') return { ok: false, error: { code: 'http', httpStatus: 304, at } };
  const verified = await verifyBundle(fetched.bytes, {
    signature: fetched.signature,
    publicKey: source.publicKey,
    trust,
    rejectExpired: true,
    now: deps.now?.(),
  });
  return verified.ok
    ? { ok: true, bundle: verified.bundle }
    : { ok: false, error: rejectToError(verified.reason, at) };
}
