import type { SatuPintuDb } from '@/lib/db/database';
import { answerModelRequest } from '@/lib/guidelines/model-requests';
import { type LiteralsTable, literalsTable } from '@/lib/guidelines/prefilter';
import { log, logFailure } from '@/lib/log';
import { onMessage } from '@/lib/messaging/protocol';
import { hasOriginAccess } from '@/lib/settings/permissions';
import { getSettings, watchSettings } from '@/lib/settings/store';
import { runLogged } from './run-logged';
import type { LibraryBundle } from './schema';
import { createLibraryService } from './service';

export const SYNC_ALARM = 'satu-pintu-library-sync';
export const RETRY_ALARM = 'satu-pintu-library-retry';
/**
 * Every 15 minutes (docs/library-format.md): a published fix reaches admins within the quarter hour,
 * and the ETag makes an unchanged library a 304. Chrome allows periodic alarms down to 30 s.
 */
export const SYNC_PERIOD_MINUTES = 15;

/** The pattern-literal table of the library in use, read once per bundle the service hands out. */
const tables = new WeakMap<LibraryBundle, LiteralsTable>();
function literalsOf(bundle: LibraryBundle): LiteralsTable {
  let table = tables.get(bundle);
  if (!table) {
    table = literalsTable(bundle.guidelines);
    tables.set(bundle, table);
  }
  return table;
}

/**
 * Background wiring of the library domain: message handlers, alarms, sync. Listeners are added
 * synchronously (MV3 wakes the worker for an event only if its listener exists in the first turn).
 */
export function setupLibrary(db: SatuPintuDb): void {
  const service = createLibraryService({
    db,
    getSource: async () => {
      const { library } = await getSettings();
      return { url: library.url, publicKey: library.publicKey as JsonWebKey | null };
    },
    loadEmbedded: async () => {
      const response = await fetch(browser.runtime.getURL('/library/kalbar.json'));
      return new Uint8Array(await response.arrayBuffer());
    },
    // The library's origin is an optional host permission, granted in the options page. The pattern
    // carries no port: Firefox rejects patterns with one, Chrome reads "no port" as any port.
    hasPermission: hasOriginAccess,
    language: async () => (await getSettings()).language,
    scheduleRetry: (at) => {
      if (at === null) runLogged('library: clear retry alarm', () => browser.alarms.clear(RETRY_ALARM));
      else runLogged('library: retry alarm', () => browser.alarms.create(RETRY_ALARM, { when: at }));
    },
  });

  service.clearStaleSyncing().catch(logFailure('library: clear stale sync flag'));

  const syncInBackground = (force: boolean) => {
    service.sync({ force }).catch((error: unknown) => log.error('library: sync failed', error));
  };

  browser.runtime.onInstalled.addListener(() => {
    runLogged('library: sync alarm', () =>
      browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES }),
    );
    syncInBackground(true);
  });
  browser.runtime.onStartup.addListener(() => {
    runLogged('library: sync alarm', () =>
      browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES }),
    );
    syncInBackground(false);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM) syncInBackground(false);
  });
  // A new URL or key in the options page is a new source: try it at once. Compare with the value the
  // change replaced, not with memory: the change itself may be what woke this worker.
  watchSettings((settings, previous) => {
    if (JSON.stringify(settings.library) !== JSON.stringify(previous.library)) syncInBackground(true);
  });

  onMessage('getLibrary', () => service.getLibrary());
  onMessage('checkModels', async ({ data }) =>
    answerModelRequest((await service.getLibrary()).bundle.models, data),
  );
  onMessage('patternLiterals', async () => literalsOf((await service.getLibrary()).bundle));
  onMessage('syncNow', () => service.sync({ force: true }));
  onMessage('searchCaptions', ({ data }) => service.search(data));
  onMessage('testLibrarySource', ({ data }) => service.testSource(data));
  onMessage('confirmLibrarySwitch', ({ data, sender }) => {
    // Only the extension's own pages (the options page) may change which library a key trusts.
    if (!sender?.url?.startsWith(browser.runtime.getURL('/')))
      throw new Error('not allowed from this sender');
    return service.confirmLibrarySwitch(data);
  });
}
