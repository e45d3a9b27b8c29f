import Dexie, { type EntityTable } from 'dexie';

/**
 * The extension's one IndexedDB database. Only the background (and extension pages in tests)
 * opens it; content scripts ask the background. Versions only go forward: add `version(n+1)` with
 * an upgrade step and a migration test from a fixture of the old shape (tests/unit/db/).
 */

/** A verified library bundle kept locally: the one in use, and the previous good one. */
export interface StoredBundle {
  slot: 'current' | 'previous';
  /** The exact bytes that were verified (JSON text), so the bundle can be re-verified later. */
  raw: string;
  /** The parsed bundle (typed by lib/library/schema.ts). */
  bundle: unknown;
  version: number;
  source: 'embedded' | 'remote';
  etag: string | null;
  storedAt: number;
  /** v2: where a remote bundle came from and which key signed it (rollback is judged per source). */
  sourceUrl?: string | null;
  keyId?: string | null;
}

/** The `agencies` value of a caption meant for every agency (so the index can find it). */
export const ALL_AGENCIES = '*';

/** A caption row, denormalised for indexed search (words, tags, platforms, agencies). */
export interface CaptionRow {
  id: string;
  libraryId: string;
  /** v2: sort key of result lists (lowercase title). */
  title: string;
  words: string[];
  tags: string[];
  platforms: string[];
  /** Agency ids, or [ALL_AGENCIES] (v2; v1 stored [] for "every agency"). */
  agencies: string[];
  validFrom: string | null;
  validUntil: string | null;
  caption: unknown;
}

/** Small key/value state (sync status, ETag, backoff, badge counts). */
export interface StateRow {
  key: string;
  value: unknown;
}

export interface SubmissionRow {
  id: string;
  fingerprint: string;
  status: string;
  createdAt: number;
  updatedAt: number;
  /** Set when a decision arrives, cleared when the popup is opened (toolbar badge). */
  unseen: 0 | 1;
  submission: unknown;
}

export interface OutboxRow {
  submissionId: string;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
}

export interface AuditRow {
  id?: number;
  at: number;
  type: string;
  entry: unknown;
}

export type SatuPintuDb = Dexie & {
  bundles: EntityTable<StoredBundle, 'slot'>;
  captions: EntityTable<CaptionRow, 'id'>;
  state: EntityTable<StateRow, 'key'>;
  submissions: EntityTable<SubmissionRow, 'id'>;
  outbox: EntityTable<OutboxRow, 'submissionId'>;
  audit: EntityTable<AuditRow, 'id'>;
};

export const DB_NAME = 'satu-pintu';

/** Every schema version in order; kept so tests can open the database exactly as an old release did. */
export const DB_VERSIONS = {
  1: {
    bundles: 'slot',
    captions: 'id, libraryId, *words, *tags, *platforms, *agencies, validFrom, validUntil',
    state: 'key',
    submissions: 'id, fingerprint, status, createdAt, unseen',
    outbox: 'submissionId, nextAttemptAt',
    audit: '++id, at, type',
  },
  // v2: captions sort by title, and "every agency" is indexed as '*' so that an agency's query is
  // one indexed anyOf([agency, '*']) instead of a scan for empty arrays (IndexedDB cannot index []).
  2: {
    captions: 'id, libraryId, title, *words, *tags, *platforms, *agencies, validFrom, validUntil',
  },
} as const;

export const DB_VERSION = 2;

export function openDatabase(name = DB_NAME): SatuPintuDb {
  const db = new Dexie(name) as SatuPintuDb;
  db.version(1).stores(DB_VERSIONS[1]);
  db.version(2)
    .stores(DB_VERSIONS[2])
    .upgrade((tx) =>
      tx
        .table<CaptionRow, string>('captions')
        .toCollection()
        .modify((row) => {
          const caption = row.caption as { title?: unknown } | null;
          row.title = typeof caption?.title === 'string' ? caption.title.toLocaleLowerCase('id') : '';
          if (!Array.isArray(row.agencies) || row.agencies.length === 0) row.agencies = [ALL_AGENCIES];
        }),
    );
  return db;
}
