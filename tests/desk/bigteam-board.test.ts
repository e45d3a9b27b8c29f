import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/desk/db/db';
import { loadSources } from '@/desk/store/library';
import { issueAgencyToken } from '@/desk/store/tokens';
import { createUser } from '@/desk/store/users';
import { fingerprintText } from '@/lib/approvals/fingerprint';
import { BACKENDS, Browser, deskFor, openTestDb, submissionBody } from './harness';

const NOW = new Date('2026-12-01T03:00:00Z');
const DAY = 86_400_000;

describe.each(BACKENDS)('amplification board on %s', (backend) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof deskFor>>['app'];
  const tokens: Record<string, string> = {};
  let eka: Browser;
  let ani: Browser;

  beforeAll(async () => {
    ({ db } = await openTestDb(backend));
    ({ app } = await deskFor(db, { now: () => NOW }));
    for (const agency of ['diskominfo', 'bpbd', 'disdikbud'])
      tokens[agency] = await issueAgencyToken(db, agency);
    await createUser(db, {
      username: 'eka',
      displayName: 'Eka Editor',
      role: 'editor',
      password: 'rahasia-eka-1',
    });
    await createUser(db, {
      username: 'ani',
      displayName: 'Ani Peninjau',
      role: 'reviewer',
      password: 'rahasia-ani-1',
    });
    eka = new Browser(app);
    expect((await eka.login('eka', 'rahasia-eka-1')).status).toBe(303);
    ani = new Browser(app);
    expect((await ani.login('ani', 'rahasia-ani-1')).status).toBe(303);
  });
  afterAll(() => db.close());

  const api = (path: string, agency: string, body: unknown) =>
    app.request(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[agency]}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('a request written on the desk is published in the library and accepted by the done endpoint', async () => {
    const list = await (await eka.fetch('/review/library')).text();
    for (const path of ['requests.yaml', 'replies.yaml', 'commitment.md'])
      expect(list).toContain(`data-path="${path}"`);
    const form = await (await eka.fetch('/review/library/edit?path=requests.yaml')).text();
    const csrf = Browser.csrfOf(form);
    const current = (await loadSources(db))['requests.yaml'] ?? '';
    const broken = await eka.post('/review/library/save', {
      _csrf: csrf,
      path: 'requests.yaml',
      content: `${current}\n- id: pekan-desk\n  title: Dari meja\n  captionId: tidak-ada\n  from: '2026-11-30'\n  until: '2026-12-20'\n`,
    });
    expect(broken.status).toBe(422);
    expect(await broken.text()).toContain('captionId: no caption tidak-ada');
    const saved = await eka.post('/review/library/save', {
      _csrf: csrf,
      path: 'requests.yaml',
      content: `${current}\n- id: pekan-desk\n  title: Dari meja\n  captionId: layanan-darurat-112\n  agencies: [diskominfo, bpbd]\n  from: '2026-11-30'\n  until: '2026-12-20'\n`,
    });
    expect(saved.status).toBe(303);
    // Not published yet: admins cannot have it, so the desk does not take reports for it.
    const fingerprint = await fingerprintText('x');
    const report = { fingerprint, platform: 'facebook', at: NOW.toISOString(), via: 'post-button' };
    expect((await api('/api/requests/pekan-desk/done', 'diskominfo', report)).status).toBe(404);
    const queue = await (await eka.fetch('/review')).text();
    expect((await eka.post('/review/publish', { _csrf: Browser.csrfOf(queue) })).status).toBe(303);
    const bundle = JSON.parse(await (await app.request('/library/kalbar.json')).text());
    expect(bundle.requests.map((request: { id: string }) => request.id)).toContain('pekan-desk');
    expect((await api('/api/requests/pekan-desk/done', 'diskominfo', report)).status).toBe(201);
  });

  it('shows per request who shared it and when, per agency the share rate and a weekly chart', async () => {
    const fingerprint = await fingerprintText('Selamat Hari Disabilitas');
    const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * DAY).toISOString();
    await api('/api/requests/hari-disabilitas-2026/done', 'bpbd', {
      fingerprint,
      platform: 'instagram',
      at: at(1),
      via: 'marked',
      link: 'https://instagram.com/p/bpbd1',
    });
    // Submissions count as posting activity too: two weeks ago and this week.
    for (const daysAgo of [15, 2]) {
      const body = await submissionBody(`Kegiatan BPBD Kalbar ${daysAgo} hari lalu.`, { agencyId: 'bpbd' });
      const response = await api('/api/submissions', 'bpbd', body);
      expect(response.status).toBe(201);
      await db.query('UPDATE submissions SET received_at = $1 WHERE id = $2', [at(daysAgo), body.id]);
    }
    await api('/api/commitments', 'bpbd', { version: '2026-11', adminName: 'Budi BPBD', at: at(0) });

    const page = await (await ani.fetch('/review/board')).text();
    const row = (id: string) =>
      new RegExp(`<tr data-sp="board-request" data-request-id="${id}"[\\s\\S]*?</tr>`).exec(page)?.[0] ?? '';
    const disabilitas = row('hari-disabilitas-2026');
    expect(disabilitas).toContain('data-state="running"');
    expect(disabilitas).toContain('data-sp="board-share" data-agency-id="bpbd"');
    expect(disabilitas).toContain('https://instagram.com/p/bpbd1');
    expect(disabilitas).not.toContain('data-agency-id="diskominfo"');
    const pekan = row('pekan-desk');
    expect(pekan).toContain('1 dari 2 perangkat daerah');
    expect(pekan).toContain('data-agency-id="diskominfo"');

    const agency = (id: string) =>
      new RegExp(`<tr data-sp="board-agency" data-agency-id="${id}"[\\s\\S]*?</tr>`).exec(page)?.[0] ?? '';
    const bpbd = agency('bpbd');
    // bpbd is asked by all three started requests and shared one.
    expect(bpbd).toMatch(/data-sp="share-rate">1 dari 3 \(33%\)/);
    const counts = [...bpbd.matchAll(/data-count="(\d+)"/g)].map((match) => Number(match[1]));
    expect(counts).toEqual([0, 0, 0, 0, 0, 1, 0, 2]);
    expect(bpbd).toContain('aktif 2 dari 8 minggu');
    expect(bpbd).toContain('role="img"');
    expect(agency('disdikbud')).toMatch(/data-sp="share-rate">0 dari 1 \(0%\)/);
    expect(page).toContain('data-sp="commitment-row" data-agency-id="bpbd" data-version="2026-11"');
    expect(page).toMatch(/data-version="2026-11"><td>BPBD Kalbar<\/td><td>Budi BPBD<\/td>/);

    const english = await (await ani.fetch('/review/board?lang=en')).text();
    expect(english).toContain('Amplification board');
    expect(english).toMatch(/1 of 3 \(33%\)/);
  });

  it('exports the board as CSV, by request and by agency', async () => {
    const shares = await (await ani.fetch('/review/board.csv')).text();
    const lines = shares.trim().split('\r\n');
    expect(lines[0]).toBe('request_id,request_title,agency_id,agency,platforms,first_shared_at,links');
    expect(lines).toContain(
      `hari-disabilitas-2026,Hari Disabilitas Internasional 2026,bpbd,BPBD Kalbar,instagram,${new Date(NOW.getTime() - DAY).toISOString()},https://instagram.com/p/bpbd1`,
    );
    const agencies = (await (await ani.fetch('/review/board-agencies.csv')).text()).trim().split('\r\n');
    expect(agencies[0]).toMatch(
      /^agency_id,agency,requests_asked,requests_shared,share_rate,active_weeks,week_minus_7,/,
    );
    expect(agencies.find((line) => line.startsWith('bpbd,'))).toBe(
      'bpbd,BPBD Kalbar,3,1,0.33,2,0,0,0,0,0,1,0,2',
    );
  });

  it('editors write a request with a form: appended to requests.yaml only when the library still builds', async () => {
    expect((await ani.fetch('/review/board/new-request')).status).toBe(403);
    const form = await (await eka.fetch('/review/board/new-request')).text();
    expect(form).toContain('data-sp="request-form"');
    expect(form).toContain('value="layanan-darurat-112"');
    const csrf = Browser.csrfOf(form);
    const fields = {
      _csrf: csrf,
      id: 'pekan-form',
      title: 'Dari formulir',
      captionId: 'layanan-darurat-112',
      hashtagSetId: '',
      link: 'https://kalbarprov.go.id/112',
      mediaNote: '',
      from: '2026-12-05',
      until: '2026-12-01',
      priority: 'high',
    };
    const before = (await loadSources(db))['requests.yaml'];
    const refused = await eka.post('/review/board/requests', fields);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('until: ends before 2026-12-05');
    expect((await loadSources(db))['requests.yaml']).toBe(before);
    const body = new URLSearchParams({ ...fields, until: '2026-12-20' });
    body.append('agencies', 'bpbd');
    body.append('agencies', 'diskominfo');
    body.append('platforms', 'instagram');
    const saved = await eka.fetch('/review/board/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/review/board?done=request-saved');
    const after = (await loadSources(db))['requests.yaml'] ?? '';
    // The earlier requests and the file's comments are untouched.
    expect(after.startsWith(before ?? '')).toBe(true);
    expect(after).toContain('- id: pekan-form');
    expect(after).toMatch(/agencies:\n\s+- bpbd\n\s+- diskominfo/);
    expect(after).toContain('link: https://kalbarprov.go.id/112');
    expect(await (await eka.fetch('/review/board?done=request-saved')).text()).toContain('role="status"');
  });

  it('is for signed-in people only', async () => {
    for (const path of [
      '/review/board',
      '/review/board.csv',
      '/review/board-agencies.csv',
      '/review/board/new-request',
    ]) {
      const response = await new Browser(app).fetch(path);
      expect(response.status).toBe(303);
    }
  });
});
