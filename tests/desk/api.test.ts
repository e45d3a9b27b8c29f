import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/desk/db/db';
import { issueAgencyToken } from '@/desk/store/tokens';
import { BACKENDS, deskFor, openTestDb, submissionBody } from './harness';

describe.each(BACKENDS)('POST /api/submissions on %s', (backend) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof deskFor>>['app'];
  let token: string;

  beforeAll(async () => {
    ({ db } = await openTestDb(backend));
    // A fixed clock keeps the rate-limit window from turning over in the middle of a test.
    ({ app } = await deskFor(db, { submissionsPerMinute: 40, now: () => new Date('2026-11-30T01:00:10Z') }));
    token = await issueAgencyToken(db, 'diskominfo');
  });
  afterAll(() => db.close());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.request('/api/submissions', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const count = async () =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions'))[0]?.n;

  it('stores a new submission once: 201, then 200 for the same id or idempotency key', async () => {
    const body = await submissionBody('Diskominfo Kalbar menggelar rapat koordinasi di Pontianak.');
    const first = await post(body, { 'idempotency-key': body.id });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ id: body.id, status: 'pending' });
    const again = await post(body, { 'idempotency-key': body.id });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: body.id, status: 'pending' });
    // A retry that lost its id but kept the key is the same submission.
    const sameKey = await post({ ...body, id: `${body.id}-retry` }, { 'idempotency-key': body.id });
    expect(sameKey.status).toBe(200);
    expect((await sameKey.json()).id).toBe(body.id);
    const rows = await db.query<{ text: string; agency_id: string }>(
      'SELECT text, agency_id FROM submissions WHERE id = $1',
      [body.id],
    );
    expect(rows).toEqual([{ text: body.text, agency_id: 'diskominfo' }]);
  });

  it('refuses a missing, malformed or unknown token with 401 and stores nothing', async () => {
    const before = await count();
    const body = await submissionBody('Teks tanpa token.');
    for (const authorization of [undefined, 'Basic abc', 'Bearer spd_wrong']) {
      const response = await app.request('/api/submissions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(401);
      expect((await response.json()).error).toMatch(/token/);
    }
    expect(await count()).toBe(before);
  });

  it('answers a bad body with 400 and a message naming the field; nothing is half-stored', async () => {
    const before = await count();
    const good = await submissionBody('Teks yang benar.');
    const cases: [unknown, RegExp][] = [
      ['{not json', /not JSON/],
      [{ ...good, platform: 'tiktok' }, /^platform: /],
      [{ ...good, fingerprint: 'abc' }, /^fingerprint: /],
      [{ ...good, text: undefined }, /^text: /],
      [{ ...good, text: 'Teks lain.' }, /fingerprint: does not match the text/],
      [{ ...good, shortCode: 'AAAAAAAA' }, /shortCode: does not match/],
    ];
    for (const [body, message] of cases) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error).toMatch(message);
    }
    expect(await count()).toBe(before);
  });

  it('refuses a body for another agency (403) and another text under a used id (409)', async () => {
    const other = await submissionBody('Teks dinas lain.', { agencyId: 'dinkes' });
    expect((await post(other)).status).toBe(403);
    const body = await submissionBody('Teks pertama.');
    expect((await post(body)).status).toBe(201);
    const reused = await submissionBody('Teks kedua, id yang sama.', { id: body.id });
    const response = await post(reused);
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatch(/^id: /);
  });

  it('allows CORS from extension origins only', async () => {
    const preflight = (origin: string) =>
      app.request('/api/submissions', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization',
        },
      });
    for (const origin of [
      'chrome-extension://abcdefghijklmnop',
      'moz-extension://0b5e3c52-1f7c-4f0e-9b4a-2a1d',
    ]) {
      expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBe(origin);
    }
    for (const origin of ['https://evil.example', 'http://127.0.0.1:9999', 'null']) {
      expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('rate-limits per token (429 with Retry-After) without touching other agencies', async () => {
    const limited = await issueAgencyToken(db, 'dinkes');
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) {
      const response = await app.request('/api/submissions', {
        method: 'POST',
        headers: { authorization: `Bearer ${limited}`, 'content-type': 'application/json' },
        body: JSON.stringify(await submissionBody(`Pengumuman nomor ${i}.`, { agencyId: 'dinkes' })),
      });
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(40);
    expect(statuses).toContain(429);
    // The first token has its own counter.
    expect((await post(await submissionBody('Token lain tetap jalan.'))).status).toBe(201);
  });
});
