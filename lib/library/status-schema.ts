/** The library sync status (pure: no browser APIs, so the CLI and tests can use it). */
import { z } from 'zod';

/** Why the last sync did not bring a new library. The last good library stays in use. */
export const SYNC_ERROR_CODES = [
  'signature',
  'missing-key',
  'schema',
  'json',
  'rollback',
  'library-id',
  'expired',
  'http',
  'timeout',
  'network',
  'too-large',
  'permission',
  'storage',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export const SyncErrorSchema = z.object({
  code: z.enum(SYNC_ERROR_CODES),
  /** Technical detail (signature sub-reason, schema message, network error). */
  detail: z.string().optional(),
  /** Schema errors: where the bad field is, e.g. `captions[3].platforms[0]`. */
  path: z.string().optional(),
  httpStatus: z.number().int().optional(),
  version: z.number().int().optional(),
  currentVersion: z.number().int().optional(),
  /** library-id: the id the refused bundle carries, and the one this key is pinned to. */
  libraryId: z.string().optional(),
  currentLibraryId: z.string().optional(),
  /** signature: this public key verified bundles of this library before (so the key is right). */
  knownKey: z.boolean().optional(),
  expiresAt: z.string().optional(),
  bytes: z.number().optional(),
  url: z.string().optional(),
  at: z.number(),
});
export type SyncError = z.infer<typeof SyncErrorSchema>;

export const LibraryStatusSchema = z.object({
  /** The library in use (null before the first load). */
  libraryId: z.string().nullable(),
  version: z.number().int().nullable(),
  publisher: z.string().nullable(),
  /** Whom admins contact about the library (its `contact`, else its publisher), for error messages. */
  contact: z.string().nullable().default(null),
  source: z.enum(['embedded', 'remote']).nullable(),
  sourceUrl: z.string().nullable(),
  issuedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  captionCount: z.number().int(),
  /** A sync is running now. */
  syncing: z.boolean(),
  lastAttemptAt: z.number().nullable(),
  /** Last time the source was reached and answered with a good bundle (or 304: unchanged). */
  lastSuccessAt: z.number().nullable(),
  /** When the library in use was stored. */
  updatedAt: z.number().nullable(),
  /** The last attempt's failure; null after a success. */
  error: SyncErrorSchema.nullable(),
  /** Consecutive failures (backoff). */
  failures: z.number().int(),
  nextRetryAt: z.number().nullable(),
});
export type LibraryStatus = z.infer<typeof LibraryStatusSchema>;

export const INITIAL_LIBRARY_STATUS: LibraryStatus = {
  libraryId: null,
  version: null,
  publisher: null,
  contact: null,
  source: null,
  sourceUrl: null,
  issuedAt: null,
  expiresAt: null,
  captionCount: 0,
  syncing: false,
  lastAttemptAt: null,
  lastSuccessAt: null,
  updatedAt: null,
  error: null,
  failures: 0,
  nextRetryAt: null,
};

/** A status value from storage or a message, or the initial one when malformed. */
export function parseLibraryStatus(value: unknown): LibraryStatus {
  const parsed = LibraryStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : INITIAL_LIBRARY_STATUS;
}

export function isLibraryExpired(status: Pick<LibraryStatus, 'expiresAt'>, now: Date = new Date()): boolean {
  return status.expiresAt !== null && Date.parse(status.expiresAt) <= now.getTime();
}
