import { ALL_AGENCIES, type CaptionRow, type SatuPintuDb, type StoredBundle } from '@/lib/db/database';
import { type Caption, type LibraryBundle, LibraryBundleSchema } from './schema';
import { searchWords } from './search-words';
import { type TrustRecord, writeTrust } from './trust-store';

export interface StoreInput {
  raw: string;
  bundle: LibraryBundle;
  source: StoredBundle['source'];
  sourceUrl: string | null;
  keyId: string | null;
  etag: string | null;
  now?: number;
  /** The key's rollback record after accepting this bundle, written in the same transaction. */
  trust?: { keyId: string; record: TrustRecord };
}

export function captionRow(caption: Caption, libraryId: string): CaptionRow {
  return {
    id: caption.id,
    libraryId,
    title: caption.title.toLocaleLowerCase('id'),
    words: searchWords(caption.title, caption.text, ...caption.tags),
    tags: caption.tags.map((tag) => tag.toLocaleLowerCase('id')),
    platforms: [...caption.platforms],
    agencies: caption.agencies.length > 0 ? [...caption.agencies] : [ALL_AGENCIES],
    validFrom: caption.validFrom ?? null,
    validUntil: caption.validUntil ?? null,
    caption,
  };
}

/**
 * Stores a verified bundle as the current one, the former current one becoming the previous,
 * and re-indexes the captions — all in one transaction, so a crash or a full disk leaves the
 * last good library whole (IndexedDB rolls the transaction back).
 */
export async function storeBundle(db: SatuPintuDb, input: StoreInput): Promise<StoredBundle> {
  const stored: StoredBundle = {
    slot: 'current',
    raw: input.raw,
    bundle: input.bundle,
    version: input.bundle.version,
    source: input.source,
    etag: input.etag,
    storedAt: input.now ?? Date.now(),
    sourceUrl: input.sourceUrl,
    keyId: input.keyId,
  };
  await db.transaction('rw', [db.bundles, db.captions, db.state], async () => {
    const current = await db.bundles.get('current');
    if (current) await db.bundles.put({ ...current, slot: 'previous' });
    await db.bundles.put(stored);
    await db.captions.clear();
    await db.captions.bulkAdd(input.bundle.captions.map((caption) => captionRow(caption, input.bundle.id)));
    if (input.trust) await writeTrust(db, input.trust.keyId, input.trust.record);
  });
  return stored;
}

/** Remembers a new ETag for the bundle in use (a 304 after the server re-tagged the same file). */
export async function updateEtag(db: SatuPintuDb, etag: string | null): Promise<void> {
  await db.bundles.update('current', { etag });
}

export interface LoadedBundle {
  stored: StoredBundle;
  bundle: LibraryBundle;
}

/**
 * The bundle in use, re-validated on the way out of storage (the schema is the boundary). A row
 * that no longer parses (a manual edit, a bug) falls back to the previous good one.
 */
export async function loadBundle(
  db: SatuPintuDb,
  slot: StoredBundle['slot'] = 'current',
): Promise<LoadedBundle | null> {
  const stored = await db.bundles.get(slot);
  if (!stored) return null;
  const parsed = LibraryBundleSchema.safeParse(stored.bundle);
  if (parsed.success) return { stored, bundle: parsed.data };
  return slot === 'current' ? loadBundle(db, 'previous') : null;
}
