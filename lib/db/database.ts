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
}

/** A caption row, denormalised for indexed search (words, tags, platforms, agencies). */
export interface CaptionRow {
  id: string;
  libraryId: string;
  words: string[];
  tags: string[];
  platforms: string[];
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

export function openDatabase(name = DB_NAME): SatuPintuDb {
  const db = new Dexie(name) as SatuPintuDb;
  db.version(1).stores({
    bundles: 'slot',
    captions: 'id, libraryId, *words, *tags, *platforms, *agencies, validFrom, validUntil',
    state: 'key',
    submissions: 'id, fingerprint, status, createdAt, unseen',
    outbox: 'submissionId, nextAttemptAt',
    audit: '++id, at, type',
  });
  return db;
}
