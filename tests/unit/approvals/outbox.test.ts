import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay } from '@/lib/library/backoff';
import {
  closeHarness,
  DRAFT,
  ENDPOINT,
  type Harness,
  makeHarness,
  NO_JITTER,
  newWorld,
  type World,
} from './harness';

const outboxDelay = (attempts: number) => backoffDelay(attempts, NO_JITTER);

let world: World;
let h: Harness;
beforeEach(() => {
  world = newWorld();
  h = makeHarness(world);
});
afterEach(async () => {
  await closeHarness(h);
  await h.db.delete();
});

describe('outbox', () => {
  it('retries with backoff while offline, then sends exactly once', async () => {
    h.responses.push(new Error('Failed to fetch'), 503);
    const { submission } = await h.service.submitDraft({
      text: DRAFT,
      platform: 'facebook',
      field: 'caption',
    });
    await h.service.flushOutbox();
    expect(h.posts).toHaveLength(1);
    let item = await h.db.outbox.get(submission.id);
    expect(item).toMatchObject({
      attempts: 1,
      lastError: 'Failed to fetch',
      nextAttemptAt: h.clock.now + outboxDelay(1),
    });
    expect(h.scheduled.at(-1)).toBe(h.clock.now + outboxDelay(1));

    // Not due yet: nothing is sent.
    await h.service.flushOutbox();
    expect(h.posts).toHaveLength(1);

    h.clock.now += outboxDelay(1);
    await h.service.flushOutbox();
    item = await h.db.outbox.get(submission.id);
    expect(item).toMatchObject({ attempts: 2, lastError: 'HTTP 503' });
    expect(outboxDelay(2)).toBe(2 * outboxDelay(1));

    h.clock.now += outboxDelay(2);
    // Two wake-ups at once (alarm + start-up) must still send once.
    await Promise.all([h.service.flushOutbox(), h.service.flushOutbox()]);
    expect(h.posts.map((post) => post.id)).toEqual([submission.id, submission.id, submission.id]);
    expect(await h.db.outbox.count()).toBe(0);
    expect(h.scheduled.at(-1)).toBeNull();

    h.clock.now += 24 * 60 * 60 * 1000;
    await h.service.flushOutbox();
    expect(h.posts).toHaveLength(3);
    const [stored] = await h.service.listSubmissions({});
    expect(stored!.delivery).toMatchObject({ state: 'sent', attempts: 3 });
  });

  it('treats 409 (already received) as delivered and a 400 as a permanent failure', async () => {
    h.responses.push(409);
    await h.service.submitDraft({ text: DRAFT, platform: 'facebook', field: 'caption' });
    await h.service.flushOutbox();
    h.responses.push(400);
    const bad = await h.service.submitDraft({ text: 'Teks lain', platform: 'facebook', field: 'caption' });
    await h.service.flushOutbox();
    const byId = new Map(
      (await h.service.listSubmissions({})).map((submission) => [submission.id, submission]),
    );
    expect(byId.get(bad.submission.id)!.delivery).toMatchObject({ state: 'failed', lastError: 'HTTP 400' });
    expect([...byId.values()].filter((submission) => submission.delivery.state === 'sent')).toHaveLength(1);
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('survives a restart: a queued item is sent by the next service on the same database', async () => {
    h.responses.push(new Error('offline'));
    const { submission } = await h.service.submitDraft({
      text: DRAFT,
      platform: 'facebook',
      field: 'caption',
    });
    await h.service.flushOutbox();
    h.db.close();
    const restarted = makeHarness(world);
    restarted.clock.now = h.clock.now + outboxDelay(1);
    await restarted.service.flushOutbox();
    expect(restarted.posts.map((post) => post.id)).toEqual([submission.id]);
    const [stored] = await restarted.service.listSubmissions({});
    expect(stored!.id).toBe(submission.id);
    h = restarted;
  });
});

describe('where submissions go', () => {
  const DESK = { url: 'https://desk.kalbarprov.go.id/', token: 'agency-token-dinkes' };

  it('with a desk configured: POSTs the same body to /api/submissions with the agency token', async () => {
    h.desk.value = DESK;
    const { submission } = await h.service.submitDraft({
      text: DRAFT,
      platform: 'facebook',
      field: 'caption',
    });
    await h.service.flushOutbox();
    expect(h.posts).toHaveLength(1);
    const [post] = h.posts;
    expect(post).toMatchObject({
      url: 'https://desk.kalbarprov.go.id/api/submissions',
      authorization: 'Bearer agency-token-dinkes',
      idempotencyKey: submission.id,
    });
    expect(post!.body).toEqual({
      id: submission.id,
      fingerprint: submission.fingerprint,
      shortCode: submission.shortCode,
      text: DRAFT,
      platform: 'facebook',
      field: 'caption',
      agencyId: 'dinkes',
      adminName: 'Rina',
      adminRole: 'Pranata Humas',
      createdAt: new Date(submission.createdAt).toISOString(),
    });
    expect((await h.service.listSubmissions({}))[0]!.delivery.state).toBe('sent');
  });

  it('without a desk (or without its token): the library endpoint, no Authorization header', async () => {
    h.desk.value = { url: DESK.url, token: null };
    await h.service.submitDraft({ text: DRAFT, platform: 'facebook', field: 'caption' });
    await h.service.flushOutbox();
    expect(h.posts[0]).toMatchObject({ url: ENDPOINT, authorization: null });
    expect(h.posts[0]!.idempotencyKey).toBe(h.posts[0]!.id);
  });

  it('a desk queues submissions even when the library has no endpoint; 201 counts as delivered', async () => {
    const deskOnly = makeHarness(newWorld(), { endpoint: null, desk: DESK });
    deskOnly.responses.push(201);
    const result = await deskOnly.service.submitDraft({ text: DRAFT, platform: 'youtube', field: 'title' });
    expect(result.delivery).toBe('queued');
    await deskOnly.service.flushOutbox();
    expect(deskOnly.posts.map((post) => post.url)).toEqual([
      `${'https://desk.kalbarprov.go.id'}/api/submissions`,
    ]);
    expect((await deskOnly.service.listSubmissions({}))[0]!.delivery.state).toBe('sent');
    await closeHarness(deskOnly);
    await deskOnly.db.delete();
  });

  it('never sends drafts over plain http to another host (the desk or the library endpoint)', async () => {
    const insecure = makeHarness(newWorld(), {
      endpoint: 'http://biro.example.go.id/submit',
      desk: { url: 'http://desk.example.go.id', token: 't' },
    });
    const result = await insecure.service.submitDraft({
      text: DRAFT,
      platform: 'facebook',
      field: 'caption',
    });
    expect(result.delivery).toBe('manual');
    await insecure.service.flushOutbox();
    expect(insecure.posts).toEqual([]);
    await closeHarness(insecure);
    await insecure.db.delete();
  });
});

describe('faults: offline periods and restarts', () => {
  it('loses nothing and records each submission once at the receiver', async () => {
    const texts = ['Satu', 'Dua', 'Tiga', 'Empat'].map((word) => `${word}: ${DRAFT}`);
    // Offline at first: every attempt fails at the network.
    for (let i = 0; i < 8; i++) h.responses.push(new Error('Failed to fetch'));
    const ids: string[] = [];
    for (const text of texts.slice(0, 2)) {
      ids.push((await h.service.submitDraft({ text, platform: 'facebook', field: 'caption' })).submission.id);
      await h.service.flushOutbox();
    }
    // The browser closes while offline; a new worker starts on the same database.
    h.db.close();
    let worker = makeHarness(world);
    worker.clock.now = h.clock.now + 10 * 60_000;
    // Still offline: the two queued ones and the one submitted now all fail.
    for (let i = 0; i < 3; i++) worker.responses.push(new Error('Failed to fetch'));
    await worker.service.flushOutbox();
    ids.push(
      (await worker.service.submitDraft({ text: texts[2]!, platform: 'instagram', field: 'caption' }))
        .submission.id,
    );
    await worker.service.flushOutbox();
    expect(world.received.size).toBe(0);
    expect(await worker.db.outbox.count()).toBe(3);

    // Back online, but the answer to one POST is lost: the receiver has it, the outbox does not know.
    worker.clock.now += 2 * 60 * 60_000;
    worker.responses.push('lost', 200, 200);
    await worker.service.flushOutbox();
    expect(world.received.size).toBe(3);
    // Another restart before the retry.
    worker.db.close();
    const next = makeHarness(world);
    next.clock.now = worker.clock.now + 2 * 60 * 60_000;
    ids.push(
      (await next.service.submitDraft({ text: texts[3]!, platform: 'youtube', field: 'description' }))
        .submission.id,
    );
    await next.service.flushOutbox();
    worker = next;

    // Every submission reached the receiver exactly once (by idempotency key), none is left queued,
    // and every POST of one submission carried the same key.
    expect([...world.received.keys()].sort()).toEqual([...ids].sort());
    expect(await worker.db.outbox.count()).toBe(0);
    const stored = await worker.service.listSubmissions({});
    expect(stored.map((submission) => submission.delivery.state)).toEqual(['sent', 'sent', 'sent', 'sent']);
    for (const post of [...h.posts, ...worker.posts]) expect(post.idempotencyKey).toBe(post.id);
    // Nothing is sent again once recorded as sent.
    const before = worker.posts.length;
    worker.clock.now += 24 * 60 * 60_000;
    await worker.service.flushOutbox();
    expect(worker.posts).toHaveLength(before);
    h = worker;
  });

  it('a flush that dies mid-way (worker stopped) leaves the submission queued, not lost', async () => {
    h.responses.push(new Error('Failed to fetch'));
    const { submission } = await h.service.submitDraft({
      text: DRAFT,
      platform: 'facebook',
      field: 'caption',
    });
    await h.service.flushOutbox();
    // The submission row and its outbox item were written in one transaction with the audit entry.
    expect(await h.db.outbox.get(submission.id)).toMatchObject({ attempts: 1 });
    const audit = JSON.parse(await h.service.exportAudit('json')) as { type: string }[];
    expect(audit.map((entry) => entry.type)).toEqual(['submission']);
  });
});
