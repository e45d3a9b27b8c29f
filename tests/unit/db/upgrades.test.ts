import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createApprovalsService } from '@/lib/approvals/approvals-service';
import { EMPTY_APPROVED_TEXTS } from '@/lib/approvals/draft-approval';
import { fingerprintText, shortCode } from '@/lib/approvals/fingerprint';
import { loadLibraryView } from '@/lib/approvals/library-view';
import type { Submission } from '@/lib/approvals/types';
import { ALL_AGENCIES, DB_VERSION, DB_VERSIONS, openDatabase } from '@/lib/db/database';
import { captionRow, loadBundle } from '@/lib/library/bundle-store';
import { searchCaptions } from '@/lib/library/search-captions';
import { makeBundle } from '../library/fixtures';

/**
 * Fault injection for upgrades: a database as every earlier release (and the current one) left it,
 * with real data in every table, is opened by the current code, and the current code then works on
 * it — the library in use, caption search per agency, the queued submission sent once, the audit log.
 */

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function openAsVersion(name: string, version: number) {
  const db = new Dexie(name);
  for (let v = 1; v <= version; v++) db.version(v).stores(DB_VERSIONS[v as keyof typeof DB_VERSIONS]);
  return db;
}

const bundle = makeBundle({
  id: 'kalbar',
  version: 12,
  endpoints: { submit: 'https://biro.example.go.id/ajuan' },
});
const NOW = Date.parse('2026-11-26T06:00:00Z');

async function submission(): Promise<Submission> {
  const text = 'Dinas Kesehatan melayani imunisasi anak di Pontianak.';
  const fingerprint = await fingerprintText(text);
  return {
    id: 'sub-lama',
    fingerprint,
    shortCode: shortCode(fingerprint),
    text,
    platform: 'facebook',
    field: 'caption',
    agencyId: 'dinkes',
    adminName: 'Rina',
    adminRole: 'Pranata Humas',
    createdAt: NOW - 60_000,
    updatedAt: NOW - 60_000,
    status: 'pending',
    decision: null,
    expired: false,
    unseen: false,
    delivery: { state: 'queued', attempts: 1, sentAt: null, lastError: 'Failed to fetch' },
  };
}

/** What each release wrote, in the shape it wrote it. */
const WRITERS: Record<number, (db: Dexie) => Promise<void>> = {
  1: async (db) => {
    await db.table('bundles').put({
      slot: 'current',
      raw: JSON.stringify(bundle),
      bundle,
      version: bundle.version,
      source: 'remote',
      etag: '"v12"',
      storedAt: NOW - 3_600_000,
    });
    // v1 caption rows: no title; [] meant "every agency".
    await db.table('captions').bulkPut(
      bundle.captions.map((caption) => {
        const { title: _title, ...row } = captionRow(caption, bundle.id);
        return { ...row, agencies: caption.agencies.length > 0 ? caption.agencies : [] };
      }),
    );
  },
  2: async (db) => {
    await db.table('bundles').put({
      slot: 'current',
      raw: JSON.stringify(bundle),
      bundle,
      version: bundle.version,
      source: 'remote',
      etag: '"v12"',
      storedAt: NOW - 3_600_000,
      sourceUrl: 'https://pustaka.kalbarprov.go.id/kalbar.json',
      keyId: 'x.y',
    });
    await db.table('captions').bulkPut(bundle.captions.map((caption) => captionRow(caption, bundle.id)));
  },
};

async function writeCommon(db: Dexie) {
  const queued = await submission();
  await db.table('submissions').put({
    id: queued.id,
    fingerprint: queued.fingerprint,
    status: queued.status,
    createdAt: queued.createdAt,
    updatedAt: queued.updatedAt,
    unseen: 0,
    submission: queued,
  });
  await db
    .table('outbox')
    .put({ submissionId: queued.id, attempts: 1, nextAttemptAt: NOW - 1, lastError: 'x' });
  await db.table('audit').add({
    at: NOW - 60_000,
    type: 'submission',
    entry: { type: 'submission', submissionId: queued.id, agencyId: 'dinkes', adminName: 'Rina' },
  });
}

describe('upgrades from every schema version, with data', () => {
  it('has a writer for every version up to the current one', () => {
    expect(Object.keys(WRITERS).map(Number)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it.each(Object.keys(WRITERS).map(Number))(
    'v%i → current: nothing lost, everything usable',
    async (version) => {
      const name = `upgrade-v${version}-${Math.random().toString(36).slice(2)}`;
      names.push(name);
      const old = openAsVersion(name, version);
      await old.open();
      await WRITERS[version]!(old);
      await writeCommon(old);
      old.close();

      const db = openDatabase(name);
      await db.open();
      expect(db.verno).toBe(DB_VERSION);

      // The library in use, and caption search by agency (every-agency captions included).
      expect((await loadBundle(db))?.bundle).toMatchObject({ id: 'kalbar', version: 12 });
      expect((await loadLibraryView(db)).submitEndpoint).toBe('https://biro.example.go.id/ajuan');
      const forDinkes = await searchCaptions(db, { agencyId: 'dinkes', now: new Date(NOW) });
      expect(forDinkes.map((caption) => caption.id).sort()).toEqual(['imunisasi', 'rapat-koordinasi']);
      const forOthers = await searchCaptions(db, { agencyId: 'bappeda', now: new Date(NOW) });
      expect(forOthers.map((caption) => caption.id)).toEqual(['rapat-koordinasi']);
      expect(await db.captions.where('agencies').equals(ALL_AGENCIES).count()).toBe(1);

      // The queued submission is sent once by the current outbox; the old audit entry is kept.
      const posts: string[] = [];
      const service = createApprovalsService({
        db,
        loadLibrary: () => loadLibraryView(db),
        getIdentity: async () => ({ agencyId: 'dinkes', adminName: 'Rina', adminRole: '', language: 'id' }),
        fetch: async (_url, init) => {
          posts.push(JSON.parse(String(init?.body)).id);
          return new Response('{}', { status: 201 });
        },
        now: () => NOW,
        newId: () => 'baru',
        setBadge: async () => undefined,
        scheduleOutbox: () => undefined,
        memory: { read: async () => EMPTY_APPROVED_TEXTS, write: async () => undefined },
      });
      await service.flushOutbox();
      await service.flushOutbox();
      expect(posts).toEqual(['sub-lama']);
      const [listed] = await service.listSubmissions({});
      expect(listed).toMatchObject({ id: 'sub-lama', delivery: { state: 'sent', attempts: 2 } });
      const audit = JSON.parse(await service.exportAudit('json')) as { type: string }[];
      expect(audit.map((entry) => entry.type)).toEqual(['submission', 'submission-sent']);
      db.close();
    },
  );
});
