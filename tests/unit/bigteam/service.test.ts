import { describe, expect, it, vi } from 'vitest';
import type { AuditEntryInput } from '@/lib/approvals/audit-log';
import { fingerprintText } from '@/lib/approvals/fingerprint';
import { createBigTeamService } from '@/lib/bigteam/service';
import { type BigTeamState, memoryStore } from '@/lib/bigteam/state';
import { library, NOW, POSTED } from './fixtures';

const DESK = { url: 'https://meja.kalbarprov.go.id', token: 'spd_token_diskominfo' };

function setup(options: { desk?: typeof DESK | null; state?: BigTeamState; status?: () => number } = {}) {
  const store = memoryStore(options.state);
  let now = NOW;
  let desk = options.desk === undefined ? DESK : options.desk;
  let online = true;
  let ids = 0;
  const sent: { url: string; headers: Record<string, string>; body: unknown }[] = [];
  const audit: AuditEntryInput[] = [];
  const badge: number[] = [];
  const schedule = vi.fn<(at: number | null) => void>();
  const service = createBigTeamService({
    loadLibrary: async () => library(),
    getIdentity: async () => ({ agencyId: 'diskominfo', adminName: 'Rina Humas' }),
    getDesk: async () => desk ?? { url: null, token: null },
    store,
    fetch: async (input, init) => {
      if (!online) throw new TypeError('Failed to fetch');
      sent.push({
        url: String(input),
        headers: init?.headers as Record<string, string>,
        body: JSON.parse(String(init?.body)),
      });
      return new Response('{}', { status: options.status?.() ?? 201 });
    },
    now: () => now,
    newId: () => `item-${++ids}`,
    random: () => 0,
    schedule,
    setOpenCount: async (count) => void badge.push(count),
    audit: async (entry) => void audit.push(entry),
  });
  return {
    service,
    store,
    sent,
    audit,
    badge,
    schedule,
    setNow: (value: number) => {
      now = value;
    },
    setOnline: (value: boolean) => {
      online = value;
    },
    setDesk: (value: typeof DESK | null) => {
      desk = value;
    },
  };
}

describe('big-team service: requests', () => {
  it('a post with the request text marks it done once, reports it to the desk once, audits it', async () => {
    const t = setup();
    expect(await t.service.composerPosted({ platform: 'facebook', text: POSTED })).toEqual({
      doneRequestIds: ['disabilitas-2026'],
    });
    // The same post again (a double click, a second share) records nothing new.
    expect(await t.service.composerPosted({ platform: 'instagram', text: POSTED })).toEqual({
      doneRequestIds: [],
    });
    await t.service.flushOutbox();
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0]?.url).toBe('https://meja.kalbarprov.go.id/api/requests/disabilitas-2026/done');
    expect(t.sent[0]?.headers).toMatchObject({
      authorization: `Bearer ${DESK.token}`,
      'idempotency-key': 'item-1',
    });
    expect(t.sent[0]?.body).toEqual({
      fingerprint: await fingerprintText(POSTED),
      platform: 'facebook',
      at: new Date(NOW).toISOString(),
      via: 'post-button',
    });
    expect(t.store.state.outbox).toEqual([]);
    expect(t.audit.map((entry) => entry.type)).toEqual(['request-done']);
    const [view] = await t.service.listRequests();
    expect(view?.status).toBe('done');
    expect(t.badge.at(-1)).toBe(0);
  });

  it('an unrelated post marks nothing', async () => {
    const t = setup();
    const result = await t.service.composerPosted({
      platform: 'facebook',
      text: 'Rapat koordinasi hari ini.',
    });
    expect(result.doneRequestIds).toEqual([]);
    expect(t.store.state.outbox).toEqual([]);
    expect(await t.service.refreshBadge()).toBe(1);
  });

  it('offline: the report waits with backoff and is sent once when the desk is reachable', async () => {
    const t = setup();
    t.setOnline(false);
    await t.service.composerPosted({ platform: 'facebook', text: POSTED });
    await t.service.flushOutbox();
    expect(t.store.state.outbox).toHaveLength(1);
    expect(t.store.state.outbox[0]).toMatchObject({ attempts: 1, lastError: 'Failed to fetch' });
    const retryAt = t.store.state.outbox[0]?.nextAttemptAt ?? 0;
    expect(retryAt).toBeGreaterThan(NOW);
    expect(t.schedule).toHaveBeenLastCalledWith(retryAt);
    // Not due yet: nothing is attempted.
    t.setOnline(true);
    await t.service.flushOutbox();
    expect(t.sent).toHaveLength(0);
    t.setNow(retryAt);
    await t.service.flushOutbox();
    await t.service.flushOutbox();
    expect(t.sent).toHaveLength(1);
    expect(t.store.state.outbox).toEqual([]);
    expect(t.schedule).toHaveBeenLastCalledWith(null);
  });

  it('without a desk the report is kept until one is configured', async () => {
    const t = setup({ desk: null });
    await t.service.composerPosted({ platform: 'facebook', text: POSTED });
    await t.service.flushOutbox();
    expect(t.sent).toHaveLength(0);
    expect(t.store.state.outbox).toHaveLength(1);
    t.setDesk(DESK);
    await t.service.flushOutbox();
    expect(t.sent).toHaveLength(1);
  });

  it('a refused report (400) is dropped, a revoked token (401) waits for a fixed one', async () => {
    let status = 401;
    const t = setup({ status: () => status });
    await t.service.composerPosted({ platform: 'facebook', text: POSTED });
    await t.service.flushOutbox();
    expect(t.store.state.outbox).toHaveLength(1);
    status = 400;
    t.setNow(NOW + 3_600_000);
    await t.service.flushOutbox();
    expect(t.store.state.outbox).toEqual([]);
  });

  it('marking done needs a web link and an open request for the agency', async () => {
    const t = setup();
    const mark = (requestId: string, link: string, platform: 'facebook' | 'youtube' = 'facebook') =>
      t.service.markRequestDone({ requestId, platform, link });
    expect(await mark('disabilitas-2026', 'javascript:alert(1)')).toEqual({
      ok: false,
      error: 'invalid-link',
    });
    expect(await mark('only-dinkes', 'https://facebook.com/p/1')).toEqual({
      ok: false,
      error: 'unknown-request',
    });
    expect(await mark('disabilitas-2026', 'https://youtube.com/x', 'youtube')).toEqual({
      ok: false,
      error: 'wrong-platform',
    });
    t.setNow(Date.parse('2026-12-11T01:00:00+07:00'));
    expect(await mark('disabilitas-2026', 'https://facebook.com/p/1')).toEqual({
      ok: false,
      error: 'expired',
    });
    t.setNow(NOW);
    expect(await mark('disabilitas-2026', ' https://facebook.com/p/1 ')).toEqual({ ok: true });
    await t.service.flushOutbox();
    expect(t.sent[0]?.body).toMatchObject({
      link: 'https://facebook.com/p/1',
      via: 'marked',
      platform: 'facebook',
    });
    const [view] = await t.service.listRequests();
    expect(view?.done).toMatchObject({ via: 'marked', link: 'https://facebook.com/p/1' });
  });

  it('two posts at once record one done and one report', async () => {
    const t = setup({ desk: null });
    await Promise.all([
      t.service.composerPosted({ platform: 'facebook', text: POSTED }),
      t.service.composerPosted({ platform: 'instagram', text: POSTED }),
    ]);
    expect(t.store.state.outbox).toHaveLength(1);
  });
});

describe('big-team service: replies and commitment', () => {
  it('lists templates for the platform and counts inserted replies per WIB day', async () => {
    const t = setup();
    expect((await t.service.listReplyTemplates({ platform: 'facebook' })).map((r) => r.id)).toEqual([
      'thanks',
    ]);
    expect((await t.service.listReplyTemplates({ platform: 'youtube' })).map((r) => r.id)).toEqual([
      'thanks',
      'yt-only',
    ]);
    await t.service.replyInserted({ templateId: 'thanks', platform: 'facebook' });
    await t.service.replyInserted({ templateId: 'thanks', platform: 'instagram' });
    await t.service.replyInserted({ templateId: 'yt-only', platform: 'youtube' });
    expect(await t.service.repliesToday()).toEqual({ thanks: 2, 'yt-only': 1 });
    // Midnight in Pontianak (17:00 UTC) starts a new day.
    t.setNow(Date.parse('2026-12-02T00:00:01+07:00'));
    expect(await t.service.repliesToday()).toEqual({});
  });

  it('commits to the current version only, audits it and sends it to the desk', async () => {
    const t = setup();
    expect(await t.service.getCommitment()).toEqual({
      commitment: { version: '2026-11', text: 'Saya berkomitmen.' },
      committedVersion: null,
    });
    expect(await t.service.commit({ version: '2026-10' })).toEqual({ ok: false, error: 'stale-version' });
    expect(await t.service.commit({ version: '2026-11' })).toEqual({ ok: true });
    expect((await t.service.getCommitment()).committedVersion).toBe('2026-11');
    await t.service.flushOutbox();
    expect(t.sent).toEqual([
      {
        url: 'https://meja.kalbarprov.go.id/api/commitments',
        headers: expect.objectContaining({ 'idempotency-key': 'item-1' }),
        body: { version: '2026-11', adminName: 'Rina Humas', at: new Date(NOW).toISOString() },
      },
    ]);
    expect(t.audit).toEqual([{ type: 'commitment', note: 'version 2026-11' }]);
  });
});
