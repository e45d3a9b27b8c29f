import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDeskApp } from '@/desk/app';
import type { DeskConfig } from '@/desk/context';
import { type Db, openPglite, openPostgres } from '@/desk/db/db';
import { migrate } from '@/desk/db/migrations';
import { seedSources } from '@/desk/store/library';
import { fingerprintText, shortCode } from '@/lib/approvals/fingerprint';
import type { SubmissionRequestBody } from '@/lib/approvals/types';
import { readSourceDir } from '@/lib/library/build-bundle';
import { generateKeyPair, type Jwk, signBytes } from '@/lib/library/signature';

export const BACKENDS = ['pglite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

/** A fresh, migrated database: in-memory PGlite (or in `dataDir`), or a new database on the test server. */
export async function openTestDb(backend: Backend, place?: string): Promise<{ db: Db; place: string }> {
  if (backend === 'pglite') {
    const db = await openPglite(place);
    await migrate(db);
    return { db, place: place ?? '' };
  }
  const server = inject('postgresUrl');
  let url = place;
  if (!url) {
    const name = `sp_test_${randomBytes(6).toString('hex')}`;
    const admin = await openPostgres(server, 1);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.close();
    const parsed = new URL(server);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  }
  const db = await openPostgres(url);
  await migrate(db);
  return { db, place: url };
}

let sources: Record<string, string> | null = null;
let keys: { privateJwk: Jwk; publicJwk: Jwk } | null = null;

export async function testKeys() {
  keys ??= await generateKeyPair();
  return keys;
}

/** The desk app over `db`, seeded with the embedded library's sources. */
export async function deskFor(db: Db, overrides: Partial<DeskConfig> = {}) {
  sources ??= await readSourceDir('library/src');
  await seedSources(db, sources);
  const { privateJwk } = await testKeys();
  const config: DeskConfig = {
    db,
    libraryId: 'kalbar',
    sign: (bytes) => signBytes(bytes, privateJwk),
    ...overrides,
  };
  return { app: createDeskApp(config), config };
}

export async function submissionBody(
  text: string,
  overrides: Partial<SubmissionRequestBody> = {},
): Promise<SubmissionRequestBody> {
  const fingerprint = await fingerprintText(text);
  return {
    id: `sub-${randomBytes(8).toString('hex')}`,
    fingerprint,
    shortCode: shortCode(fingerprint),
    text,
    platform: 'facebook',
    field: 'caption',
    agencyId: 'diskominfo',
    adminName: 'Rina Humas',
    adminRole: 'Pranata Humas',
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

/** A small cookie jar and form helper for the review pages (what a browser would do). */
export class Browser {
  private cookies = new Map<string, string>();
  constructor(
    private readonly app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
  ) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await this.app.request(path, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      const value = rest.join('=');
      if (!name) continue;
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  post(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });
  }

  /** The CSRF token of the first form on a page. */
  static csrfOf(page: string): string {
    const token = /name="_csrf" value="([^"]*)"/.exec(page)?.[1];
    if (!token) throw new Error('no CSRF field on the page');
    return token;
  }

  async login(user: string, password: string): Promise<Response> {
    const form = await (await this.fetch('/review/login')).text();
    return this.post('/review/login', { _csrf: Browser.csrfOf(form), user, password });
  }
}
