import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/desk/db/db';
import { openPostgres } from '@/desk/db/db';
import { issueAgencyToken } from '@/desk/store/tokens';
import { createUser } from '@/desk/store/users';
import { Browser, deskFor, openTestDb, submissionBody } from './harness';

/**
 * The desk keeps no state of its own: two instances on one PostgreSQL behave as one desk — a
 * session from one is valid on the other, a submission sent to one is the same on the other, two
 * reviewers deciding at the same moment get one decision, and two publications get two versions.
 */
describe('two desk instances on one PostgreSQL', () => {
  let dbA: Db;
  let dbB: Db;
  let a: Awaited<ReturnType<typeof deskFor>>['app'];
  let b: Awaited<ReturnType<typeof deskFor>>['app'];
  let token: string;

  beforeAll(async () => {
    const first = await openTestDb('postgres');
    dbA = first.db;
    dbB = await openPostgres(first.place);
    ({ app: a } = await deskFor(dbA));
    ({ app: b } = await deskFor(dbB));
    token = await issueAgencyToken(dbA, 'diskominfo');
    await createUser(dbA, {
      username: 'ani',
      displayName: 'Ani',
      role: 'reviewer',
      password: 'kata-sandi-ani',
    });
    await createUser(dbA, {
      username: 'budi',
      displayName: 'Budi',
      role: 'reviewer',
      password: 'kata-sandi-budi',
    });
  });
  afterAll(async () => {
    await dbA.close();
    await dbB.close();
  });

  it('share sessions, submissions, decisions and the version counter', async () => {
    const body = await submissionBody('Diskominfo Kalbar menyiapkan posko informasi mudik.');
    const send = (app: typeof a) =>
      app.request('/api/submissions', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const [one, two] = await Promise.all([send(a), send(b)]);
    expect([one.status, two.status].sort()).toEqual([200, 201]);

    // Signed in on A, the same cookie works on B (the session is in the database).
    const ani = new Browser(a);
    expect((await ani.login('ani', 'kata-sandi-ani')).status).toBe(303);
    const cookie = ani.cookie('sp_session') ?? '';
    const page = await b.request(`/review/submissions/${body.id}`, {
      headers: { cookie: `sp_session=${cookie}` },
    });
    expect(page.status).toBe(200);
    const aniCsrf = Browser.csrfOf(await page.text());
    const budi = new Browser(b);
    expect((await budi.login('budi', 'kata-sandi-budi')).status).toBe(303);
    const budiCsrf = Browser.csrfOf(await (await budi.fetch(`/review/submissions/${body.id}`)).text());

    // Both decide at once, on different instances: one decision is recorded, the other refused.
    const path = `/review/submissions/${body.id}/decide`;
    const [byAni, byBudi] = await Promise.all([
      a.request(path, {
        method: 'POST',
        headers: { cookie: `sp_session=${cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: aniCsrf, decision: 'approved' }).toString(),
      }),
      budi.post(path, { _csrf: budiCsrf, decision: 'rejected' }),
    ]);
    const outcomes = [byAni.headers.get('location'), byBudi.headers.get('location')].map(
      (l) => l?.split('?')[1],
    );
    expect(outcomes.sort()).toEqual(['done=decided', 'error=decided']);
    const decisions = await dbB.query('SELECT status FROM decisions WHERE submission_id = $1', [body.id]);
    expect(decisions).toHaveLength(1);

    // Two publications at once: two successive versions, never the same one twice.
    const [p1, p2] = await Promise.all([
      ani.post('/review/publish', { _csrf: aniCsrf }),
      budi.post('/review/publish', { _csrf: budiCsrf }),
    ]);
    expect([p1.status, p2.status]).toEqual([303, 303]);
    const versions = await dbA.query<{ version: number }>(
      "SELECT version FROM library_versions WHERE library_id = 'kalbar' ORDER BY version",
    );
    // Under the lock the second one sees the first one's version: same content, nothing new to publish.
    expect(versions.map((row) => row.version)).toEqual([1]);
    expect([p1.headers.get('location'), p2.headers.get('location')].sort()).toEqual([
      '/review?done=published&v=1',
      '/review?done=unchanged&v=1',
    ]);
    const served = [await a.request('/library/kalbar.json'), await b.request('/library/kalbar.json')];
    expect(served[0]?.headers.get('etag')).toBe(served[1]?.headers.get('etag'));
  });
});
