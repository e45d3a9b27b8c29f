import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/desk/db/db';
import { publishLibrary } from '@/desk/store/library';
import { issueAgencyToken } from '@/desk/store/tokens';
import { fingerprintText } from '@/lib/approvals/fingerprint';
import { BACKENDS, deskFor, openTestDb } from './harness';

const NOW = new Date('2026-12-01T03:00:10Z');

describe.each(BACKENDS)('big-team API on %s', (backend) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof deskFor>>['app'];
  let diskominfo: string;
  let disdikbud: string;
  let fingerprint: string;

  beforeAll(async () => {
    ({ db } = await openTestDb(backend));
    const desk = await deskFor(db, { submissionsPerMinute: 40, now: () => NOW });
    app = desk.app;
    diskominfo = await issueAgencyToken(db, 'diskominfo');
    disdikbud = await issueAgencyToken(db, 'disdikbud');
    fingerprint = await fingerprintText('Selamat Hari Disabilitas Internasional');
  });
  afterAll(() => db.close());

  const post = (path: string, body: unknown, token = diskominfo, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const report = (overrides: Record<string, unknown> = {}) => ({
    fingerprint,
    platform: 'facebook',
    at: '2026-12-01T02:59:00.000Z',
    via: 'post-button',
    ...overrides,
  });
  const doneRows = async () =>
    db.query<{ agency_id: string; request_id: string; platform: string; via: string; link: string | null }>(
      'SELECT agency_id, request_id, platform, via, link FROM request_done ORDER BY agency_id, platform',
    );

  it('knows only published requests: 404 before the library is published', async () => {
    const response = await post('/api/requests/hari-disabilitas-2026/done', report());
    expect(response.status).toBe(404);
    expect((await response.json()).error).toMatch(/no published request/);
    expect(await doneRows()).toEqual([]);
    const published = await publishLibrary(db, {
      libraryId: 'kalbar',
      sign: (await deskFor(db)).config.sign,
      actor: 'test',
      now: NOW,
    });
    expect(published.ok).toBe(true);
  });

  it('records a done report once per agency, request and platform: 201, then 200', async () => {
    const first = await post('/api/requests/hari-disabilitas-2026/done', report(), diskominfo, {
      'idempotency-key': 'k1',
    });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({
      requestId: 'hari-disabilitas-2026',
      agencyId: 'diskominfo',
      platform: 'facebook',
    });
    const again = await post('/api/requests/hari-disabilitas-2026/done', report(), diskominfo, {
      'idempotency-key': 'k1',
    });
    expect(again.status).toBe(200);
    const other = await post(
      '/api/requests/hari-disabilitas-2026/done',
      report({ platform: 'instagram', via: 'marked', link: 'https://instagram.com/p/abc' }),
    );
    expect(other.status).toBe(201);
    expect(await doneRows()).toEqual([
      {
        agency_id: 'diskominfo',
        request_id: 'hari-disabilitas-2026',
        platform: 'facebook',
        via: 'post-button',
        link: null,
      },
      {
        agency_id: 'diskominfo',
        request_id: 'hari-disabilitas-2026',
        platform: 'instagram',
        via: 'marked',
        link: 'https://instagram.com/p/abc',
      },
    ]);
    const audit = await db.query<{ action: string }>(
      "SELECT action FROM audit WHERE action = 'request-done'",
    );
    expect(audit).toHaveLength(2);
  });

  it('refuses unknown requests, requests for other agencies, bad bodies and bad tokens', async () => {
    const before = (await doneRows()).length;
    expect((await post('/api/requests/nothing-here/done', report())).status).toBe(404);
    // layanan-darurat-112 names its agencies; disdikbud is not one of them.
    expect((await post('/api/requests/layanan-darurat-112/done', report(), disdikbud)).status).toBe(403);
    for (const bad of [
      report({ fingerprint: 'abc' }),
      report({ platform: 'tiktok' }),
      report({ at: 'yesterday' }),
      report({ via: 'guess' }),
      report({ link: 'javascript:alert(1)' }),
    ]) {
      const response = await post('/api/requests/hari-disabilitas-2026/done', bad);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatch(/^(fingerprint|platform|at|via|link):/);
    }
    expect((await post('/api/requests/hari-disabilitas-2026/done', '{not json')).status).toBe(400);
    expect((await post('/api/requests/hari-disabilitas-2026/done', report(), 'spd_wrong-token')).status).toBe(
      401,
    );
    expect(
      (await post('/api/requests/hari-disabilitas-2026/done', { ...report(), pad: 'x'.repeat(20_000) }))
        .status,
    ).toBe(413);
    expect((await doneRows()).length).toBe(before);
  });

  it('records a commitment once per agency, admin and version', async () => {
    const body = { version: '2026-11', adminName: 'Rina Humas', at: '2026-12-01T02:00:00.000Z' };
    expect((await post('/api/commitments', body)).status).toBe(201);
    expect((await post('/api/commitments', body)).status).toBe(200);
    expect((await post('/api/commitments', { ...body, version: '2027-01' })).status).toBe(201);
    expect((await post('/api/commitments', { ...body, adminName: ' ' })).status).toBe(400);
    const rows = await db.query<{ agency_id: string; admin_name: string; version: string }>(
      'SELECT agency_id, admin_name, version FROM commitments ORDER BY version',
    );
    expect(rows).toEqual([
      { agency_id: 'diskominfo', admin_name: 'Rina Humas', version: '2026-11' },
      { agency_id: 'diskominfo', admin_name: 'Rina Humas', version: '2027-01' },
    ]);
  });

  it('answers the extension origin with CORS on the new endpoints', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const preflight = await app.request('/api/commitments', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
  });
});
