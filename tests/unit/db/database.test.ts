import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_AGENCIES, DB_VERSION, DB_VERSIONS, openDatabase } from '@/lib/db/database';

const names: string[] = [];
function uniqueName() {
  const name = `db-test-${names.length}-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Opens the database exactly as release `version` did (the stores of every step up to it). */
function openAsVersion(name: string, version: number) {
  const db = new Dexie(name);
  for (let v = 1; v <= version; v++) db.version(v).stores(DB_VERSIONS[v as keyof typeof DB_VERSIONS]);
  return db;
}

describe('database versions', () => {
  it('declares every version up to the current one', () => {
    expect(Object.keys(DB_VERSIONS).map(Number)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
    expect(openDatabase(uniqueName()).verno).toBe(DB_VERSION);
  });

  it('migrates v1 → current without losing bundles, captions, submissions, outbox or audit', async () => {
    const name = uniqueName();
    const v1 = openAsVersion(name, 1);
    await v1.open();
    await v1.table('bundles').put({
      slot: 'current',
      raw: '{}',
      bundle: {},
      version: 7,
      source: 'remote',
      etag: '"e"',
      storedAt: 1,
    });
    // v1 rows: no title, and [] for "every agency" (which the agencies index cannot find).
    await v1.table('captions').bulkPut([
      {
        id: 'semua',
        libraryId: 'kalbar',
        words: ['rapat'],
        tags: [],
        platforms: ['facebook'],
        agencies: [],
        validFrom: null,
        validUntil: null,
        caption: { title: 'Rapat Koordinasi' },
      },
      {
        id: 'dinkes-saja',
        libraryId: 'kalbar',
        words: ['imunisasi'],
        tags: [],
        platforms: ['facebook'],
        agencies: ['dinkes'],
        validFrom: null,
        validUntil: null,
        caption: { title: 'Imunisasi' },
      },
    ]);
    await v1.table('submissions').put({
      id: 's1',
      fingerprint: 'f'.repeat(64),
      status: 'pending',
      createdAt: 5,
      updatedAt: 5,
      unseen: 0,
      submission: { text: 'x' },
    });
    await v1.table('outbox').put({ submissionId: 's1', attempts: 2, nextAttemptAt: 9, lastError: 'offline' });
    await v1.table('audit').add({ at: 3, type: 'submit', entry: { id: 's1' } });
    await v1.table('state').put({ key: 'badge', value: 1 });
    v1.close();

    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.bundles.get('current')).toMatchObject({ version: 7, etag: '"e"' });
    expect(await db.submissions.get('s1')).toMatchObject({ status: 'pending', submission: { text: 'x' } });
    expect(await db.outbox.get('s1')).toMatchObject({ attempts: 2, lastError: 'offline' });
    expect(await db.audit.count()).toBe(1);
    expect(await db.state.get('badge')).toEqual({ key: 'badge', value: 1 });
    // The upgrade step: titles for sorting, '*' for every agency, both indexed.
    expect(await db.captions.get('semua')).toMatchObject({
      title: 'rapat koordinasi',
      agencies: [ALL_AGENCIES],
    });
    expect(await db.captions.get('dinkes-saja')).toMatchObject({ title: 'imunisasi', agencies: ['dinkes'] });
    expect(await db.captions.where('agencies').anyOf(['dinkes', ALL_AGENCIES]).primaryKeys()).toEqual(
      expect.arrayContaining(['semua', 'dinkes-saja']),
    );
    expect(await db.captions.orderBy('title').primaryKeys()).toEqual(['dinkes-saja', 'semua']);
    db.close();
  });
});
