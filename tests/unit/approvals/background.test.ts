import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupApprovals } from '@/lib/approvals/background';
import { fingerprintText } from '@/lib/approvals/fingerprint';
import type { ApprovedTextsState, DraftApproval } from '@/lib/approvals/types';
import { openDatabase, type SatuPintuDb } from '@/lib/db/database';
import { storeBundle } from '@/lib/library/bundle-store';
import { makeBundle } from '../library/fixtures';
import { DRAFT } from './harness';

// Capture the registered handlers and call them as the messenger would (the fake browser does not
// route @webext-core/messaging's callbacks).
const handlers = vi.hoisted(() => new Map<string, (message: unknown) => unknown>());
vi.mock('@/lib/messaging/protocol', () => ({
  onMessage: (name: string, handler: (message: unknown) => unknown) => {
    handlers.set(name, handler);
    return () => handlers.delete(name);
  },
}));

const ask = async (text: string, tabId: number) =>
  (await handlers.get('getDraftApproval')!({
    data: { text, platform: 'facebook', field: 'caption' },
    sender: { tab: { id: tabId } },
  })) as DraftApproval;

const stored = async () =>
  (await fakeBrowser.storage.local.get('approvals.approvedTexts'))['approvals.approvedTexts'] as
    | ApprovedTextsState
    | undefined;

let db: SatuPintuDb;
beforeEach(async () => {
  fakeBrowser.reset();
  handlers.clear();
  db = openDatabase(`approvals-bg-${Math.random().toString(36).slice(2)}`);
  const bundle = makeBundle({
    version: 3,
    approvals: [
      {
        fingerprint: await fingerprintText(DRAFT),
        status: 'approved',
        reviewer: 'Biro Adpim',
        decidedAt: '2026-11-26T13:00:00+07:00',
      },
    ],
  });
  await storeBundle(db, {
    raw: JSON.stringify(bundle),
    bundle,
    source: 'remote',
    sourceUrl: null,
    keyId: null,
    etag: null,
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

describe('setupApprovals (background wiring)', () => {
  it('keeps approved texts in extension storage; closing a tab or restarting drops only the links', async () => {
    setupApprovals(db);
    expect((await ask(DRAFT, 5)).status).toBe('approved');
    expect(await stored()).toMatchObject({
      texts: [{ text: DRAFT, platform: 'facebook', field: 'caption' }],
      contexts: { 'tab-5|facebook|caption': await fingerprintText(DRAFT) },
    });

    const edited = DRAFT.replace('Kapuas', 'Landak');
    expect(await ask(edited, 5)).toMatchObject({ status: 'changed-since-approval', approvedText: DRAFT });
    // Another tab with the same edit: still compared with the approved text.
    expect((await ask(edited, 9)).status).toBe('changed-since-approval');

    await fakeBrowser.tabs.onRemoved.trigger(5, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(
      async () => expect(Object.keys((await stored())!.contexts)).toEqual(['tab-9|facebook|caption']),
      {
        timeout: 10_000,
      },
    );
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect((await stored())!.contexts).toEqual({}), { timeout: 10_000 });
    expect((await stored())!.texts.map((text) => text.text)).toEqual([DRAFT]);
  });
});
