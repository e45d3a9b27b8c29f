import { type Language, t } from '@/lib/i18n';
import { logFailure } from '@/lib/log';
import { libraryUrlError } from '@/lib/settings/schema';
import { type LoadedBundle, loadBundle } from './bundle-store';
import { describeSyncError } from './describe-status';
import { CaptionSearchSchema, LibrarySourceInputSchema, LibrarySwitchSchema } from './messages';
import type { Caption, LibraryBundle } from './schema';
import { searchCaptions } from './search-captions';
import type { Jwk } from './signature';
import { libraryStatusItem } from './status';
import { type LibraryStatus, parseLibraryStatus } from './status-schema';
import {
  createSync,
  describeLoaded,
  ensureEmbedded,
  keyId,
  type SyncDeps,
  type SyncOptions,
  testLibrarySource,
} from './sync';
import { pinLibraryId } from './trust-store';

export interface LibraryServiceDeps
  extends Omit<SyncDeps, 'readStatus' | 'writeStatus'>,
    Partial<Pick<SyncDeps, 'readStatus' | 'writeStatus'>> {
  language: () => Promise<Language>;
  /** Schedules (or cancels, with null) the backoff retry. */
  scheduleRetry?: (at: number | null) => void;
}

/**
 * What the background answers about the library. Kept apart from the browser wiring so that the
 * handlers are tested with a real Dexie (fake-indexeddb) and a scripted fetch.
 */
export function createLibraryService(deps: LibraryServiceDeps) {
  const syncDeps: SyncDeps = {
    ...deps,
    readStatus: deps.readStatus ?? (async () => parseLibraryStatus(await libraryStatusItem.getValue())),
    writeStatus: deps.writeStatus ?? ((status) => libraryStatusItem.setValue(status)),
  };
  const runSync = createSync(syncDeps);
  // The background is the only writer of the bundles table, so the parsed bundle in use is kept
  // until the next sync instead of being read and re-validated on every getLibrary.
  let cache: LoadedBundle | null = null;
  /** Bumped around every sync: a bundle read while one runs may already be replaced. */
  let generation = 0;
  let running = 0;

  /**
   * Syncs run one after another, each reading the source when it starts. Run side by side, a sync
   * of the old source (e.g. the embedded one at install) could finish last and replace the library
   * that a sync of the newly configured source had just stored.
   */
  let queue: Promise<unknown> = Promise.resolve();
  const sync = (options: SyncOptions = {}): Promise<LibraryStatus> => {
    const next = queue.then(() => syncOnce(options));
    queue = next.catch(logFailure('library: sync'));
    return next;
  };

  const syncOnce = async (options: SyncOptions): Promise<LibraryStatus> => {
    running++;
    generation++;
    try {
      const status = await runSync(options);
      deps.scheduleRetry?.(status.error ? status.nextRetryAt : null);
      return status;
    } finally {
      running--;
      generation++;
      cache = null;
    }
  };

  /** The bundle in use; the embedded default is stored first when the database is empty. */
  const currentBundle = async (): Promise<LoadedBundle> => {
    if (cache) return cache;
    const readAt = generation;
    const loaded = (await loadBundle(deps.db)) ?? (await ensureEmbedded(syncDeps, { replaceRemote: false }));
    if (!loaded) throw new Error('no library available');
    if (running === 0 && readAt === generation) cache = loaded;
    return loaded;
  };

  return {
    sync,

    /** A worker stopped mid-sync leaves `syncing: true` behind; a fresh worker clears it. */
    async clearStaleSyncing(): Promise<void> {
      const status = await syncDeps.readStatus();
      if (status.syncing) await syncDeps.writeStatus({ ...status, syncing: false });
    },

    /**
     * The admin confirmed, in the options page, the switch to the library id the last sync refused
     * (error `library-id`): pin it for the configured key and sync again. Only the refused id can be
     * confirmed, so no other caller can pin an arbitrary library.
     */
    async confirmLibrarySwitch(input: unknown): Promise<LibraryStatus> {
      const { libraryId } = LibrarySwitchSchema.parse(input);
      const status = await syncDeps.readStatus();
      if (status.error?.code !== 'library-id' || status.error.libraryId !== libraryId) {
        throw new Error(`no refused switch to the library "${libraryId}" to confirm`);
      }
      const key = keyId((await deps.getSource()).publicKey);
      if (!key) throw new Error('no library public key configured');
      await pinLibraryId(deps.db, key, libraryId);
      return sync({ force: true });
    },

    async getLibrary(): Promise<{ bundle: LibraryBundle; status: LibraryStatus }> {
      const loaded = await currentBundle();
      const stored = await syncDeps.readStatus();
      // The status item may predate this bundle (first start): describe what is really in use.
      const status = { ...stored, ...describeLoaded(loaded) } as LibraryStatus;
      return { bundle: loaded.bundle, status };
    },

    async search(input: unknown): Promise<Caption[]> {
      const parsed = CaptionSearchSchema.safeParse(input ?? {});
      if (!parsed.success) return [];
      await currentBundle();
      return searchCaptions(deps.db, parsed.data);
    },

    async testSource(input: unknown): Promise<{ ok: boolean; message: string; version?: number }> {
      const lang = await deps.language();
      const parsed = LibrarySourceInputSchema.safeParse(input);
      if (!parsed.success || libraryUrlError(parsed.data.url) !== null) {
        return { ok: false, message: t('library.test.invalidUrl', undefined, lang) };
      }
      const { url } = parsed.data;
      const publicKey = parsed.data.publicKey as Jwk;
      if (!(await deps.hasPermission(url))) {
        const reason = describeSyncError({ code: 'permission', url, at: Date.now() }, lang);
        return { ok: false, message: t('library.test.failed', { reason }, lang) };
      }
      const result = await testLibrarySource({ url, publicKey }, deps);
      if (!result.ok) {
        return {
          ok: false,
          message: t('library.test.failed', { reason: describeSyncError(result.error, lang) }, lang),
        };
      }
      const { bundle } = result;
      return {
        ok: true,
        version: bundle.version,
        message: t(
          'library.test.ok',
          { id: bundle.id, version: bundle.version, captions: bundle.captions.length },
          lang,
        ),
      };
    },
  };
}

export type LibraryService = ReturnType<typeof createLibraryService>;
