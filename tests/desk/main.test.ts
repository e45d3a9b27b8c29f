import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKENDS, openTestDb, submissionBody } from './harness';
import { deskCommand, startDesk, stopDesk } from './spawn-desk';

async function post(desk: string, token: string, body: unknown): Promise<number> {
  const response = await fetch(`${desk}/api/submissions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.status;
}

describe.each(BACKENDS)('npm run desk on %s', (backend) => {
  it('prints its lines, stops on SIGTERM, and after a restart has lost nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sp-desk-main-'));
    let env: Record<string, string> = {};
    if (backend === 'postgres') {
      const { db, place } = await openTestDb('postgres');
      await db.close();
      env = { DATABASE_URL: place };
    }
    const args = ['--demo', '--port', '0', '--data', dir];
    const first = await startDesk(args, env);
    const { start } = first;
    expect(start.desk).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(start.library).toBe(`${start.desk}/library/kalbar.json`);
    expect(start.agency.id).toBe('diskominfo');
    const publicKey = await readFile(start.publicKey, 'utf8');
    expect(JSON.parse(publicKey)).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(JSON.parse(publicKey).d).toBeUndefined();
    const body = await submissionBody('Diskominfo Kalbar membuka layanan aduan daring.');
    expect(await post(start.desk, start.agency.token, body)).toBe(201);
    const library = await fetch(start.library);
    expect(library.status).toBe(200);
    const { version } = (await library.json()) as { version: number };
    const etag = library.headers.get('etag');
    if (backend === 'pglite') {
      // PGlite's folder has one user at a time: a command on a running desk's folder is refused.
      await expect(deskCommand(['token', 'dinkes', '--data', dir], env)).rejects.toThrow(/in use by process/);
    }
    expect(await stopDesk(first.child)).toBe(0);
    await expect(readFile(join(dir, 'desk.lock'), 'utf8')).rejects.toThrow(/ENOENT/);

    // While it is stopped (PGlite's folder has one user at a time): a reviewer and a token for another agency.
    const user = await deskCommand(
      ['user', 'add', 'ani', '--role', 'reviewer', '--name', 'Ani', '--data', dir],
      env,
    );
    expect(user).toMatch(/^User: ani \S{12,}$/m);
    const token = /^Agency token \(dinkes\): (\S+)$/m.exec(
      await deskCommand(['token', 'dinkes', '--data', dir], env),
    )?.[1];
    expect(token).toBeTruthy();

    const second = await startDesk(args, env);
    expect(second.start.desk).not.toBe('');
    expect(await readFile(second.start.publicKey, 'utf8')).toBe(publicKey);
    expect(await post(second.start.desk, start.agency.token, body)).toBe(200);
    expect(
      await post(
        second.start.desk,
        token ?? '',
        await submissionBody('Dinkes Kalbar.', { agencyId: 'dinkes' }),
      ),
    ).toBe(201);
    const again = await fetch(second.start.library);
    expect(((await again.json()) as { version: number }).version).toBe(version);
    expect(again.headers.get('etag')).toBe(etag);
    const login = await fetch(`${second.start.desk}/review/login`);
    expect(login.status).toBe(200);
    expect(await stopDesk(second.child)).toBe(0);
    await rm(dir, { recursive: true, force: true });
  });
});
