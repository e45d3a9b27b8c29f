import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '@/desk/db/migrations';
import { latestBundle, publishLibrary } from '@/desk/store/library';
import { decideSubmission, getSubmission, receiveSubmission } from '@/desk/store/submissions';
import { agencyForToken, issueAgencyToken } from '@/desk/store/tokens';
import { checkLogin, createUser } from '@/desk/store/users';
import { LibraryBundleSchema } from '@/lib/library/schema';
import { BACKENDS, deskFor, openTestDb, submissionBody } from './harness';

describe.each(BACKENDS)('a desk restarted on %s', (backend) => {
  it('loses nothing and continues the version from the database', async () => {
    const place =
      backend === 'pglite' ? join(await mkdtemp(join(tmpdir(), 'sp-desk-restart-')), 'pglite') : undefined;
    const first = await openTestDb(backend, place);
    const { config } = await deskFor(first.db);
    const token = await issueAgencyToken(first.db, 'diskominfo');
    const reviewer = await createUser(first.db, {
      username: 'ani',
      displayName: 'Ani',
      role: 'reviewer',
      password: 'kata-sandi-ani',
    });
    const body = await submissionBody('Diskominfo Kalbar membuka layanan aduan daring.');
    expect((await receiveSubmission(first.db, 'diskominfo', body, body.id)).kind).toBe('created');
    const v1 = await publishLibrary(first.db, {
      libraryId: 'kalbar',
      sign: config.sign,
      actor: 't',
      now: new Date(),
    });
    expect(v1).toMatchObject({ ok: true, changed: true });
    const decided = await decideSubmission(first.db, {
      id: body.id,
      status: 'approved',
      note: '',
      user: reviewer,
      now: new Date(),
    });
    expect(decided.ok).toBe(true);
    const v2 = await publishLibrary(first.db, {
      libraryId: 'kalbar',
      sign: config.sign,
      actor: 't',
      now: new Date(),
    });
    expect(v2).toMatchObject({ ok: true, changed: true });
    await first.db.close();

    const second = await openTestDb(backend, first.place);
    expect(await migrate(second.db)).toBe(0);
    expect(await agencyForToken(second.db, token)).toBe('diskominfo');
    expect((await checkLogin(second.db, 'ani', 'kata-sandi-ani', new Date())).ok).toBe(true);
    expect(await getSubmission(second.db, body.id)).toMatchObject({ status: 'approved', text: body.text });
    expect((await receiveSubmission(second.db, 'diskominfo', body, body.id)).kind).toBe('existing');
    const latest = await latestBundle(second.db, 'kalbar');
    const published = LibraryBundleSchema.parse(JSON.parse(latest?.json ?? '{}'));
    expect(published.version).toBe(v2.ok ? v2.version : -1);
    expect(published.approvals.map((a) => a.fingerprint)).toContain(body.fingerprint);

    // A caption edit after the restart is published as the next version, never a lower one.
    await second.db.query(
      "UPDATE library_sources SET content = content || E'\\n' WHERE path = 'captions/layanan-pengaduan.md'",
    );
    await second.db.query(
      "UPDATE library_sources SET content = replace(content, 'Biro Administrasi Pimpinan Sekretariat', 'Biro Adpim Sekretariat') WHERE path = 'meta.yaml'",
    );
    const { config: again } = await deskFor(second.db);
    const v3 = await publishLibrary(second.db, {
      libraryId: 'kalbar',
      sign: again.sign,
      actor: 't',
      now: new Date(),
    });
    expect(v3).toMatchObject({ ok: true, changed: true, version: published.version + 1 });
    await second.db.close();
  });

  it('applies each schema step once, however often it starts', async () => {
    const { db } = await openTestDb(backend);
    expect(await migrate(db)).toBe(0);
    const rows = await db.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((step) => step.version));
    await db.close();
  });
});
