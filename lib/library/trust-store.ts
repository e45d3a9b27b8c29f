import { z } from 'zod';
import { sha256Hex } from '@/lib/approvals/fingerprint';
import type { SatuPintuDb } from '@/lib/db/database';

/**
 * Rollback protection that never resets (docs/library-format.md, "Versions, rollback and the library
 * id"): per public key, the library id it is pinned to and the highest version accepted for each
 * library id, with the SHA-256 of that bundle's bytes. Kept in the database's `state` table, apart from
 * the settings, so a new URL (a mirror), a cleared and restored source or a settings import never
 * forgets it.
 */
export const TrustRecordSchema = z.object({
  /** The library id this key's bundles must carry (pinned by the first one accepted). */
  libraryId: z.string(),
  /** Per library id: the highest version accepted and the SHA-256 of its exact bytes. */
  accepted: z.record(z.string(), z.object({ version: z.number().int(), sha256: z.string() })),
});
export type TrustRecord = z.infer<typeof TrustRecordSchema>;

export interface AcceptedMark {
  version: number;
  sha256: string;
}

const stateKey = (keyId: string) => `trust:${keyId}`;

export async function readTrust(db: SatuPintuDb, keyId: string): Promise<TrustRecord | null> {
  const row = await db.state.get(stateKey(keyId));
  const parsed = TrustRecordSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

/** The record after accepting `libraryId` at `mark` (pins the id; the high-water mark only goes up). */
export function withAccepted(record: TrustRecord | null, libraryId: string, mark: AcceptedMark): TrustRecord {
  const previous = record?.accepted[libraryId];
  const keep = previous && previous.version > mark.version;
  return {
    libraryId,
    accepted: { ...record?.accepted, [libraryId]: keep ? previous : mark },
  };
}

/** Writes a record; call inside the transaction that stores the bundle, so both land or neither. */
export async function writeTrust(db: SatuPintuDb, keyId: string, record: TrustRecord): Promise<void> {
  await db.state.put({ key: stateKey(keyId), value: TrustRecordSchema.parse(record) });
}

/** The admin confirmed a switch to another library id under this key: pin it (marks are kept). */
export async function pinLibraryId(db: SatuPintuDb, keyId: string, libraryId: string): Promise<void> {
  await db.transaction('rw', db.state, async () => {
    const record = await readTrust(db, keyId);
    await writeTrust(db, keyId, { libraryId, accepted: { ...record?.accepted } });
  });
}

export function bundleSha256(raw: string): Promise<string> {
  return sha256Hex(raw);
}

/**
 * Is `version` of `libraryId` acceptable under the record? Newer than the mark, or the very bundle the
 * mark was made from (a source removed and added back serves what it served before).
 */
export function versionProblem(
  record: TrustRecord | null,
  libraryId: string,
  version: number,
  sha256: string,
): { version: number; currentVersion: number } | null {
  const mark = record?.accepted[libraryId];
  if (!mark || version > mark.version) return null;
  if (version === mark.version && sha256 === mark.sha256) return null;
  return { version, currentVersion: mark.version };
}
