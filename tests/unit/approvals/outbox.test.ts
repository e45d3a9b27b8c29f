import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay } from '@/lib/library/backoff';
import { closeHarness, DRAFT, type Harness, makeHarness, NO_JITTER, newWorld, type World } from './harness';

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
