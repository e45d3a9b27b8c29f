import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readAudit } from '@/lib/approvals/audit-log';
import { setupBigTeam } from '@/lib/bigteam/background';
import type { BigTeamState } from '@/lib/bigteam/state';
import type { RequestView } from '@/lib/bigteam/types';
import { openDatabase, type SatuPintuDb } from '@/lib/db/database';
import { storeBundle } from '@/lib/library/bundle-store';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { saveSettings } from '@/lib/settings/store';
import { makeBundle } from '../library/fixtures';
import { AGENCIES, library, NOW, POSTED } from './fixtures';

// Capture the registered handlers and call them as the messenger would (the fake browser does not
// route @webext-core/messaging's callbacks).
const handlers = vi.hoisted(() => new Map<string, (message: unknown) => unknown>());
vi.mock('@/lib/messaging/protocol', () => ({
  onMessage: (name: string, handler: (message: unknown) => unknown) => {
    handlers.set(name, handler);
    return () => handlers.delete(name);
  },
}));

const send = (name: string, data?: unknown) => handlers.get(name)!({ data, sender: {} });
const state = async () =>
  (await fakeBrowser.storage.local.get('bigteam.state'))['bigteam.state'] as BigTeamState | undefined;

let db: SatuPintuDb;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  fakeBrowser.reset();
  handlers.clear();
  db = openDatabase(`bigteam-bg-${Math.random().toString(36).slice(2)}`);
  const { requests, captions, hashtagSets, replyTemplates, commitment } = library();
  const bundle = makeBundle({
    agencies: AGENCIES,
    requests,
    captions,
    hashtagSets,
    replyTemplates,
    commitment,
  });
  await storeBundle(db, {
    raw: JSON.stringify(bundle),
    bundle,
    source: 'remote',
    sourceUrl: null,
    keyId: null,
    etag: null,
  });
  await saveSettings({
    ...DEFAULT_SETTINGS,
    identity: { ...DEFAULT_SETTINGS.identity, agencyId: 'diskominfo', adminName: 'Rina Humas' },
  });
});
afterEach(async () => {
  vi.useRealTimers();
  db.close();
  await db.delete();
});

describe('big-team background wiring', () => {
  it("answers the agency's requests, records a post as done in storage and in the audit log", async () => {
    setupBigTeam(db);
    const before = (await send('listRequests', {})) as RequestView[];
    expect(before.map((view) => [view.id, view.status])).toEqual([['disabilitas-2026', 'open']]);
    expect(await send('composerPosted', { platform: 'facebook', text: POSTED })).toEqual({
      doneRequestIds: ['disabilitas-2026'],
    });
    const after = (await send('listRequests', { platform: 'facebook' })) as RequestView[];
    expect(after[0]?.status).toBe('done');
    const saved = await state();
    expect(Object.keys(saved?.done ?? {})).toEqual(['disabilitas-2026']);
    // No desk configured: the report waits in storage for one.
    expect(saved?.outbox).toHaveLength(1);
    const audit = await readAudit(db);
    expect(audit.map((entry) => [entry.type, entry.agencyId, entry.adminName])).toEqual([
      ['request-done', 'diskominfo', 'Rina Humas'],
    ]);
  });

  it('keeps done requests and reply counts across a new worker', async () => {
    setupBigTeam(db);
    await send('composerPosted', { platform: 'facebook', text: POSTED });
    await send('replyInserted', { templateId: 'thanks', platform: 'facebook' });
    handlers.clear();
    setupBigTeam(db);
    expect(((await send('listRequests', {})) as RequestView[])[0]?.status).toBe('done');
    expect(await send('repliesToday')).toEqual({ thanks: 1 });
  });

  it('commits, and refuses messages with an unknown platform', async () => {
    setupBigTeam(db);
    expect(await send('commit', { version: '2026-11' })).toEqual({ ok: true });
    expect(await send('getCommitment')).toMatchObject({ committedVersion: '2026-11' });
    await expect(async () => send('composerPosted', { platform: 'tiktok', text: POSTED })).rejects.toThrow(
      /unknown platform/,
    );
  });
});
