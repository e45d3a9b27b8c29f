import { liveQuery } from 'dexie';
import { appendAudit } from '@/lib/approvals/audit-log';
import type { SatuPintuDb } from '@/lib/db/database';
import { loadBundle } from '@/lib/library/bundle-store';
import { runLogged } from '@/lib/library/run-logged';
import { log, logFailure } from '@/lib/log';
import { onMessage } from '@/lib/messaging/protocol';
import { PLATFORM_IDS, type PlatformId } from '@/lib/platforms/types';
import { getSettings, watchSettings } from '@/lib/settings/store';
import { type BigTeamLibrary, createBigTeamService } from './service';
import { type BigTeamState, type BigTeamStore, EMPTY_BIGTEAM_STATE } from './state';
import { showBadgeCount } from './toolbar-badge';

const OUTBOX_ALARM = 'bigteam-outbox';
const REFRESH_ALARM = 'bigteam-refresh';

const stateItem = storage.defineItem<Partial<BigTeamState>>('local:bigteam.state', {
  fallback: EMPTY_BIGTEAM_STATE,
});

/** Only this worker writes the item; a missing part (an older shape) starts empty. */
const storedState: BigTeamStore = {
  read: async () => ({ ...EMPTY_BIGTEAM_STATE, ...((await stateItem.getValue()) ?? {}) }),
  write: (state) => stateItem.setValue(state),
};

let cache: { key: string; library: BigTeamLibrary } | undefined;

/** The bundle in use, parsed once per stored version (the sidebar asks on every library panel). */
async function loadLibrary(db: SatuPintuDb): Promise<BigTeamLibrary | null> {
  const loaded = await loadBundle(db);
  if (!loaded) return null;
  const key = `${loaded.stored.slot}:${loaded.stored.version}:${loaded.stored.storedAt}`;
  if (cache?.key !== key) cache = { key, library: loaded.bundle };
  return cache.library;
}

function platformOf(value: unknown): PlatformId {
  if (!(PLATFORM_IDS as readonly unknown[]).includes(value))
    throw new Error(`unknown platform ${String(value)}`);
  return value as PlatformId;
}

function text(value: unknown, max: number): string {
  if (typeof value !== 'string' || value.length > max) throw new Error('expected a string');
  return value;
}

/** Background wiring of the big team (docs/big-team.md): requests, replies, commitment, desk outbox. */
export function setupBigTeam(db: SatuPintuDb): void {
  const service = createBigTeamService({
    loadLibrary: () => loadLibrary(db),
    getIdentity: async () => (await getSettings()).identity,
    getDesk: async () => (await getSettings()).desk,
    store: storedState,
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    schedule: (at) => {
      if (at === null) runLogged('big team: clear outbox alarm', () => browser.alarms.clear(OUTBOX_ALARM));
      else
        runLogged('big team: outbox alarm', () =>
          browser.alarms.create(OUTBOX_ALARM, { when: Math.max(at, Date.now() + 1000) }),
        );
    },
    setOpenCount: (count) => showBadgeCount('requests', count),
    audit: async (entry) => {
      const { identity } = await getSettings();
      await appendAudit(db, { ...entry, agencyId: identity.agencyId, adminName: identity.adminName });
    },
  });

  onMessage('listRequests', ({ data }) =>
    service.listRequests(data?.platform === undefined ? undefined : platformOf(data.platform)),
  );
  onMessage('composerPosted', ({ data }) =>
    service.composerPosted({ platform: platformOf(data.platform), text: text(data.text, 100_000) }),
  );
  onMessage('markRequestDone', ({ data }) =>
    service.markRequestDone({
      requestId: text(data.requestId, 200),
      platform: platformOf(data.platform),
      link: text(data.link, 2000),
    }),
  );
  onMessage('listReplyTemplates', ({ data }) =>
    service.listReplyTemplates({ platform: platformOf(data.platform) }),
  );
  onMessage('replyInserted', ({ data }) =>
    service.replyInserted({ templateId: text(data.templateId, 200), platform: platformOf(data.platform) }),
  );
  onMessage('repliesToday', () => service.repliesToday());
  onMessage('getCommitment', () => service.getCommitment());
  onMessage('commit', ({ data }) => service.commit({ version: text(data.version, 100) }));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) service.flushOutbox().catch(logFailure('big team: outbox'));
    if (alarm.name === REFRESH_ALARM) service.refreshBadge().catch(logFailure('big team: badge'));
  });
  // Requests open and expire with the clock, not only with syncs.
  runLogged('big team: refresh alarm', () => browser.alarms.create(REFRESH_ALARM, { periodInMinutes: 60 }));
  // A desk configured (or its token fixed) sends what waited for it; a new agency sees its own requests.
  watchSettings((next, previous) => {
    if (next.desk.url !== previous.desk.url || next.desk.token !== previous.desk.token)
      service.flushOutbox().catch(logFailure('big team: outbox'));
    if (next.identity.agencyId !== previous.identity.agencyId)
      service.refreshBadge().catch(logFailure('big team: badge'));
  });
  liveQuery(() => db.bundles.get('current')).subscribe({
    next: () => void service.refreshBadge().catch(logFailure('big team: badge')),
    error: (error: unknown) => log.error('big team: bundle watch failed', error),
  });
  service.flushOutbox().catch(logFailure('big team: outbox'));
}
