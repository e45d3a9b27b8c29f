import { liveQuery } from 'dexie';
import { z } from 'zod';
import { showBadgeCount } from '@/lib/bigteam/toolbar-badge';
import type { SatuPintuDb } from '@/lib/db/database';
import { runLogged } from '@/lib/library/run-logged';
import { log, logFailure } from '@/lib/log';
import { onMessage } from '@/lib/messaging/protocol';
import { FIELD_IDS, PLATFORM_IDS } from '@/lib/platforms/types';
import { getSettings } from '@/lib/settings/store';
import { createApprovalsService } from './approvals-service';
import { type ApprovedTextMemory, EMPTY_APPROVED_TEXTS } from './draft-approval';
import { loadLibraryView } from './library-view';
import { SubmissionStatusSchema } from './status';
import { DraftApprovalQuerySchema } from './submission';
import type { ApprovedTextsState } from './types';

const OUTBOX_ALARM = 'approvals-outbox';
const REFRESH_ALARM = 'approvals-refresh';

/**
 * Approved texts that composers showed, in extension storage (not a tab's session): changed since
 * approval must survive a browser restart and reach a new tab (docs/design.md).
 */
const approvedTexts = storage.defineItem<ApprovedTextsState>('local:approvals.approvedTexts', {
  fallback: EMPTY_APPROVED_TEXTS,
});

const ApprovedTextsSchema = z.object({
  texts: z.array(
    z.object({
      fingerprint: z.string(),
      text: z.string(),
      platform: z.enum(PLATFORM_IDS),
      field: z.enum(FIELD_IDS),
      seenAt: z.number(),
    }),
  ),
  contexts: z.record(z.string(), z.string()),
}) satisfies z.ZodType<ApprovedTextsState>;

/**
 * Read once per worker life and written through: only this worker writes the item, and the draft's
 * approval is asked on every pause in typing.
 */
let memoryCache: ApprovedTextsState | null = null;
const storedMemory: ApprovedTextMemory = {
  read: async () => {
    if (memoryCache) return memoryCache;
    const parsed = ApprovedTextsSchema.safeParse(await approvedTexts.getValue());
    memoryCache = parsed.success ? parsed.data : EMPTY_APPROVED_TEXTS;
    return memoryCache;
  },
  write: async (state) => {
    await approvedTexts.setValue(state);
    memoryCache = state;
  },
};

/** The toolbar badge also counts open amplification requests (lib/bigteam/toolbar-badge.ts). */
const setBadge = (count: number) => showBadgeCount('submissions', count);

/** Background wiring of the approvals domain: submit, outbox retries, status, audit. */
export function setupApprovals(db: SatuPintuDb): void {
  const service = createApprovalsService({
    db,
    loadLibrary: () => loadLibraryView(db),
    getIdentity: async () => {
      const settings = await getSettings();
      return { ...settings.identity, language: settings.language };
    },
    getDesk: async () => (await getSettings()).desk,
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    setBadge,
    scheduleOutbox: (at) => {
      if (at === null) runLogged('approvals: clear outbox alarm', () => browser.alarms.clear(OUTBOX_ALARM));
      else
        runLogged('approvals: outbox alarm', () =>
          browser.alarms.create(OUTBOX_ALARM, { when: Math.max(at, Date.now() + 1000) }),
        );
    },
    memory: storedMemory,
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
    if (alarm.name === OUTBOX_ALARM) service.flushOutbox().catch(logFailure('approvals: outbox'));
    if (alarm.name === REFRESH_ALARM) service.refreshStatuses().catch(logFailure('approvals: refresh'));
  });
  // Approvals expire with time, not only with syncs.
  runLogged('approvals: refresh alarm', () => browser.alarms.create(REFRESH_ALARM, { periodInMinutes: 60 }));
  browser.tabs.onRemoved.addListener((tabId) => {
    service.forgetContexts(`tab-${tabId}|`).catch(logFailure('approvals: forget closed tab'));
  });
  // Tab ids start again after a browser restart: links of the old tabs would point at new ones.
  browser.runtime.onStartup.addListener(() => {
    service.forgetContexts('tab-').catch(logFailure('approvals: forget old tabs'));
  });
  // Every new library in use (each sync that brought one) re-resolves the submissions; the first
  // emission also covers start-up. The outbox resumes whatever an earlier worker left queued.
  liveQuery(() => db.bundles.get('current')).subscribe({
    next: () => void service.refreshStatuses().catch(logFailure('approvals: refresh')),
    error: (error: unknown) => log.error('approvals: bundle watch failed', error),
  });
  service.flushOutbox().catch(logFailure('approvals: outbox'));
}
