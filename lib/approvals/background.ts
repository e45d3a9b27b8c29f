import { liveQuery } from 'dexie';
import { z } from 'zod';
import type { SatuPintuDb } from '@/lib/db/database';
import { onMessage } from '@/lib/messaging/protocol';
import { getSettings } from '@/lib/settings/store';
import { ApprovalsService, type ApprovedText, type ApprovedTextMemory } from './approvals-service';
import { loadLibraryView } from './library-view';
import { SubmissionStatusSchema } from './status';
import { DraftApprovalQuerySchema } from './submission';

const OUTBOX_ALARM = 'approvals-outbox';
const REFRESH_ALARM = 'approvals-refresh';

/** Remembered approved texts per tab/platform/field: session storage survives a worker restart, not the browser. */
const approvedTexts = storage.defineItem<Record<string, ApprovedText>>('session:approvals.approvedTexts', {
  fallback: {},
});

const sessionMemory: ApprovedTextMemory = {
  get: async (key) => (await approvedTexts.getValue())[key],
  set: async (key, value) => approvedTexts.setValue({ ...(await approvedTexts.getValue()), [key]: value }),
  delete: async (key) => {
    const all = await approvedTexts.getValue();
    if (!(key in all)) return;
    delete all[key];
    await approvedTexts.setValue(all);
  },
};

async function setBadge(count: number): Promise<void> {
  // Firefox MV2 builds have browserAction instead of action.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ text: count > 0 ? String(count) : '' });
  if (count > 0) await action.setBadgeBackgroundColor({ color: '#b45309' });
}

/** Background wiring of the approvals domain: submit, outbox retries, status, audit. */
export function setupApprovals(db: SatuPintuDb): void {
  const service = new ApprovalsService({
    db,
    loadLibrary: () => loadLibraryView(db),
    getIdentity: async () => {
      const settings = await getSettings();
      return { ...settings.identity, language: settings.language };
    },
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    setBadge,
    scheduleOutbox: (at) => {
      if (at === null) void browser.alarms.clear(OUTBOX_ALARM);
      else void browser.alarms.create(OUTBOX_ALARM, { when: Math.max(at, Date.now() + 1000) });
    },
    memory: sessionMemory,
  });

  onMessage('submitDraft', ({ data }) => service.submitDraft(data));
  onMessage('getDraftApproval', ({ data, sender }) =>
    service.getDraftApproval(
      DraftApprovalQuerySchema.parse(data),
      sender.tab?.id === undefined ? null : `tab-${sender.tab.id}`,
    ),
  );
  onMessage('listSubmissions', ({ data }) =>
    service.listSubmissions({ status: SubmissionStatusSchema.optional().parse(data?.status) }),
  );
  onMessage('getSubmissionShare', ({ data }) => service.getSubmissionShare(z.string().parse(data.id)));
  onMessage('markSubmissionsSeen', () => service.markSubmissionsSeen());
  onMessage('logAudit', ({ data }) => service.logAudit(data));
  onMessage('exportAudit', ({ data }) => service.exportAudit(z.enum(['csv', 'json']).parse(data.format)));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void service.flushOutbox();
    if (alarm.name === REFRESH_ALARM) void service.refreshStatuses();
  });
  // Approvals expire with time, not only with syncs.
  void browser.alarms.create(REFRESH_ALARM, { periodInMinutes: 60 });
  browser.tabs.onRemoved.addListener((tabId) => {
    void approvedTexts.getValue().then((all) => {
      const kept = Object.fromEntries(
        Object.entries(all).filter(([key]) => !key.startsWith(`tab-${tabId}|`)),
      );
      if (Object.keys(kept).length !== Object.keys(all).length) return approvedTexts.setValue(kept);
    });
  });
  // Every new library in use (each sync that brought one) re-resolves the submissions; the first
  // emission also covers start-up. The outbox resumes whatever an earlier worker left queued.
  liveQuery(() => db.bundles.get('current')).subscribe({
    next: () => void service.refreshStatuses(),
    error: (error: unknown) => console.error('[satu-pintu] approvals: bundle watch failed', error),
  });
  void service.flushOutbox();
}
