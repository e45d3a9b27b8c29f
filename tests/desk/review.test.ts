import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/desk/db/db';
import { issueAgencyToken } from '@/desk/store/tokens';
import { createUser, MAX_FAILED_LOGINS } from '@/desk/store/users';
import { LibraryBundleSchema } from '@/lib/library/schema';
import { verifyBundle } from '@/lib/library/verify-bundle';
import { BACKENDS, Browser, deskFor, openTestDb, submissionBody, testKeys } from './harness';

describe.each(BACKENDS)('review pages on %s', (backend) => {
  let db: Db;
  let app: Awaited<ReturnType<typeof deskFor>>['app'];
  let token: string;

  beforeAll(async () => {
    ({ db } = await openTestDb(backend));
    ({ app } = await deskFor(db));
    token = await issueAgencyToken(db, 'diskominfo');
    await createUser(db, {
      username: 'ani',
      displayName: 'Ani Peninjau',
      role: 'reviewer',
      password: 'rahasia-ani-1',
    });
    await createUser(db, {
      username: 'budi',
      displayName: 'Budi Peninjau',
      role: 'reviewer',
      password: 'rahasia-budi-1',
    });
    await createUser(db, {
      username: 'rina',
      displayName: 'Rina Humas',
      role: 'reviewer',
      password: 'rahasia-rina-1',
    });
    await createUser(db, {
      username: 'eka',
      displayName: 'Eka Editor',
      role: 'editor',
      password: 'rahasia-eka-1',
    });
  });
  afterAll(() => db.close());

  async function submit(text: string) {
    const body = await submissionBody(text);
    const response = await app.request('/api/submissions', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return body;
  }

  async function signedIn(user: string, password: string) {
    const browser = new Browser(app);
    const response = await browser.login(user, password);
    expect(response.status).toBe(303);
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('sp_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Secure/);
    return browser;
  }

  it('sends a visitor without a session to the login page and refuses its POSTs', async () => {
    const visitor = new Browser(app);
    const page = await visitor.fetch('/review');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/review/login');
    expect((await visitor.post('/review/publish', { _csrf: 'x' })).status).toBe(401);
    const login = await (await visitor.fetch('/review/login')).text();
    expect(login).toContain('data-sp="login-user"');
    expect(login).toContain('lang="id"');
    expect(login).toContain('Kata sandi');
    expect(login).not.toContain('lewat http biasa');
    // Over plain http on a non-loopback address the Secure session cookie would be dropped: say so.
    expect(await (await app.request('http://10.0.0.5/review/login')).text()).toContain('lewat http biasa');
    expect(await (await app.request('https://meja.example/review/login')).text()).not.toContain('http biasa');
    const proxied = await app.request('http://10.0.0.5/review/login', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(await proxied.text()).not.toContain('http biasa');
    const english = await (await visitor.fetch('/review/login?lang=en')).text();
    expect(english).toContain('lang="en"');
    expect(english).toContain('Password');
  });

  it('shows a submission in the queue with the engine findings and the diff from its library caption', async () => {
    const text = [
      'Dinas Komunikasi dan Informatika Provinsi Kalimantan Barat menggelar rapat koordinasi bersama perangkat daerah terkait di Pontianak, Kamis (26/11/2026).',
      '',
      'Rapat membahas langkah percepatan program kerja tahun berjalan serta pembagian tugas antarbidang agar pelayanan kepada masyarakat makin tepat waktu. Hubungi Pak Andi 0812-3456-7890.',
      '',
      'Foto: Diskominfo Kalbar',
      '#PemprovKalbar <script>alert(1)</script>',
    ].join('\n');
    const body = await submit(text);
    const ani = await signedIn('ani', 'rahasia-ani-1');
    const queue = await (await ani.fetch('/review')).text();
    expect(queue).toMatch(
      new RegExp(`data-sp="queue-item" data-submission-id="${body.id}" data-status="pending"`),
    );
    expect(queue).not.toContain('<script>');
    const page = await (await ani.fetch(`/review/submissions/${body.id}`)).text();
    expect(page).toMatch(/data-sp="review-finding" data-rule-id="[^"]+" data-category="personal-data"/);
    expect(page).toMatch(/data-sp="review-diff" data-caption-id="kegiatan-rapat-koordinasi"/);
    expect(page).toMatch(/<ins aria-label="ditambahkan">[^<]*Hubungi/);
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // English is complete: the same page through the language switch, and it is remembered.
    const english = await (await ani.fetch(`/review/submissions/${body.id}?lang=en`)).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('Guideline findings');
    expect(english).toMatch(/<ins aria-label="added">/);
    expect(english).toMatch(/data-decision="approved">Approve</);
    expect(await (await ani.fetch('/review')).text()).toContain('Submission queue');
    expect(await (await ani.fetch('/review?lang=id')).text()).toContain('Antrean pengajuan');
    // Filters: another platform hides it, its agency keeps it.
    expect(await (await ani.fetch('/review?platform=youtube')).text()).not.toContain(body.id);
    expect(await (await ani.fetch('/review?agency=diskominfo&age=1')).text()).toContain(body.id);
  });

  it('decides once: a second decision is refused until someone reopens it; own submissions are refused', async () => {
    const body = await submit('Diskominfo Kalbar membuka pendaftaran pelatihan literasi digital.');
    const ani = await signedIn('ani', 'rahasia-ani-1');
    const path = `/review/submissions/${body.id}`;
    const csrf = Browser.csrfOf(await (await ani.fetch(path)).text());

    const rina = await signedIn('rina', 'rahasia-rina-1');
    const ownPage = await (await rina.fetch(path)).text();
    expect(ownPage).not.toContain('data-sp="decide"');
    const own = await rina.post(`${path}/decide`, { _csrf: Browser.csrfOf(ownPage), decision: 'approved' });
    expect(own.headers.get('location')).toBe(`${path}?error=own`);

    const decided = await ani.post(`${path}/decide`, {
      _csrf: csrf,
      decision: 'approved',
      note: 'Silakan unggah.',
    });
    expect(decided.status).toBe(303);
    expect(decided.headers.get('location')).toBe(`${path}?done=decided`);
    const budi = await signedIn('budi', 'rahasia-budi-1');
    const budiPage = await (await budi.fetch(path)).text();
    expect(budiPage).toContain('data-status="approved"');
    expect(budiPage).not.toContain('data-sp="decide"');
    const second = await budi.post(`${path}/decide`, {
      _csrf: Browser.csrfOf(budiPage),
      decision: 'rejected',
    });
    expect(second.headers.get('location')).toBe(`${path}?error=decided`);
    const [row] = await db.query<{ status: string }>('SELECT status FROM submissions WHERE id = $1', [
      body.id,
    ]);
    expect(row?.status).toBe('approved');

    expect((await budi.post(`${path}/reopen`, { _csrf: Browser.csrfOf(budiPage) })).status).toBe(303);
    const again = await budi.post(`${path}/decide`, {
      _csrf: Browser.csrfOf(budiPage),
      decision: 'changes-requested',
    });
    expect(again.headers.get('location')).toBe(`${path}?done=decided`);
    const history = await db.query<{ status: string }>(
      'SELECT status FROM decisions WHERE submission_id = $1 ORDER BY id',
      [body.id],
    );
    expect(history.map((d) => d.status)).toEqual(['approved', 'changes-requested']);

    const jsonl = await (await ani.fetch('/review/submissions.jsonl')).text();
    expect(
      jsonl
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).toContain(body.id);
    expect((await new Browser(app).fetch('/review/submissions.jsonl')).status).toBe(303);
    const csv = await (await ani.fetch('/review/audit.csv')).text();
    expect(csv.split('\r\n')[0]).toBe('id,at,actor,action,subject,detail');
    expect(csv).toContain(`ani,decided-approved,${body.id},Silakan unggah.`);
    expect(csv).toContain(`budi,reopened,${body.id}`);
    expect(csv).toContain(`agency:diskominfo,submission-received,${body.id}`);
    expect((await ani.post('/review/logout', { _csrf: csrf })).headers.get('location')).toBe('/review/login');
    expect((await ani.fetch('/review')).status).toBe(303);
    const after = await (await budi.fetch('/review/audit.csv')).text();
    expect(after).toMatch(/,ani,logout,/);
  });

  it('refuses POSTs without the session CSRF token or from another site', async () => {
    const ani = await signedIn('ani', 'rahasia-ani-1');
    const body = await submit('Diskominfo Kalbar mengajak warga memeriksa fakta sebelum berbagi.');
    const path = `/review/submissions/${body.id}/decide`;
    expect((await ani.post(path, { decision: 'approved' })).status).toBe(403);
    expect((await ani.post(path, { _csrf: 'forged', decision: 'approved' })).status).toBe(403);
    const csrf = Browser.csrfOf(await (await ani.fetch('/review')).text());
    const crossSite = await ani.post(
      path,
      { _csrf: csrf, decision: 'approved' },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    const fetchMeta = await ani.post(
      path,
      { _csrf: csrf, decision: 'approved' },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(fetchMeta.status).toBe(403);
    const [row] = await db.query<{ status: string }>('SELECT status FROM submissions WHERE id = $1', [
      body.id,
    ]);
    expect(row?.status).toBe('pending');
    // A login form posted without the token this browser got with the form is refused too.
    expect(
      (await new Browser(app).post('/review/login', { user: 'ani', password: 'rahasia-ani-1' })).status,
    ).toBe(403);
  });

  it('locks an account after repeated wrong passwords, even for the right one', async () => {
    await createUser(db, {
      username: 'tono',
      displayName: 'Tono',
      role: 'reviewer',
      password: 'benar-sekali-1',
    });
    const browser = new Browser(app);
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) {
      expect((await browser.login('tono', `salah-${i}`)).status).toBe(401);
    }
    const locking = await browser.login('tono', 'salah-terakhir');
    expect(locking.status).toBe(429);
    expect(await locking.text()).toContain('dikunci');
    expect((await browser.login('tono', 'benar-sekali-1')).status).toBe(429);
    expect((await browser.login('nobody', 'x')).status).toBe(401);
  });

  it('publishes a decision as an approval in the next signed version, served with ETag', async () => {
    const body = await submit('Diskominfo Kalbar mengucapkan selamat Hari Guru Nasional.');
    const ani = await signedIn('ani', 'rahasia-ani-1');
    const path = `/review/submissions/${body.id}`;
    const csrf = Browser.csrfOf(await (await ani.fetch(path)).text());
    await ani.post(`${path}/decide`, { _csrf: csrf, decision: 'approved', note: 'Oke.' });
    const before = await app.request('/library/kalbar.json');
    const beforeVersion = before.status === 200 ? LibraryBundleSchema.parse(await before.json()).version : 0;

    const published = await ani.post('/review/publish', { _csrf: csrf });
    expect(published.status).toBe(303);
    expect(published.headers.get('location')).toBe(`/review?done=published&v=${beforeVersion + 1}`);
    const queue = await (await ani.fetch('/review')).text();
    expect(queue).toMatch(
      new RegExp(`data-sp="publish-status" data-version="${beforeVersion + 1}" data-unpublished="0"`),
    );

    const json = await app.request('/library/kalbar.json');
    const etag = json.headers.get('etag');
    expect(etag).toBeTruthy();
    const bytes = new Uint8Array(await json.arrayBuffer());
    const signature = (await (await app.request('/library/kalbar.json.sig')).text()).trim();
    const verified = await verifyBundle(bytes, { signature, publicKey: (await testKeys()).publicJwk });
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.bundle.version).toBe(beforeVersion + 1);
    expect(verified.bundle.approvals).toContainEqual(
      expect.objectContaining({
        fingerprint: body.fingerprint,
        status: 'approved',
        reviewer: 'Ani Peninjau',
        note: 'Oke.',
      }),
    );
    expect(
      (await app.request('/library/kalbar.json', { headers: { 'if-none-match': etag ?? '' } })).status,
    ).toBe(304);
    // Publishing again with nothing new keeps the version.
    const unchanged = await ani.post('/review/publish', { _csrf: csrf });
    expect(unchanged.headers.get('location')).toBe(`/review?done=unchanged&v=${beforeVersion + 1}`);
    expect((await app.request('/library/other.json')).status).toBe(404);
  });

  it('lets caption editors change a caption only when the library still lints; reviewers may not', async () => {
    const eka = await signedIn('eka', 'rahasia-eka-1');
    const edit = await (
      await eka.fetch('/review/library/edit?path=captions/kegiatan-rapat-koordinasi.md')
    ).text();
    const csrf = Browser.csrfOf(edit);
    const original = /data-sp="source-content"[^>]*>([\s\S]*?)<\/textarea>/.exec(edit)?.[1] ?? '';
    expect(original).toContain('rapat koordinasi');
    const content = original
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
    const broken = await eka.post('/review/library/save', {
      _csrf: csrf,
      path: 'captions/kegiatan-rapat-koordinasi.md',
      content: content.replace(
        'menggelar rapat koordinasi',
        'menggelar rapat koordinasi (NIK peserta 6171015508900002)',
      ),
    });
    expect(broken.status).toBe(422);
    expect(await broken.text()).toMatch(/error/);
    const fine = await eka.post('/review/library/save', {
      _csrf: csrf,
      path: 'captions/kegiatan-rapat-koordinasi.md',
      content: content.replace('menggelar rapat koordinasi', 'menggelar rapat koordinasi lintas sektor'),
    });
    expect(fine.status).toBe(303);
    const [row] = await db.query<{ content: string }>(
      "SELECT content FROM library_sources WHERE path = 'captions/kegiatan-rapat-koordinasi.md'",
    );
    expect(row?.content).toContain('rapat koordinasi lintas sektor');
    const ani = await signedIn('ani', 'rahasia-ani-1');
    expect((await ani.fetch('/review/library/edit?path=hashtags.yaml')).status).toBe(403);
  });
});
