import { ALL_AGENCIES, type CaptionRow, type SatuPintuDb } from '@/lib/db/database';
import { isValidAt } from '@/lib/guidelines/validity';
import type { PlatformId } from '@/lib/platforms/types';
import { type Caption, CaptionSchema } from './schema';
import { queryWords } from './search-words';

export interface CaptionQuery {
  /** Words to find in the title, text and tags; the last one may be unfinished. */
  query?: string;
  platform?: PlatformId;
  /** Captions for this agency and captions for every agency. */
  agencyId?: string;
  /** Which tag must be present (exact, case-insensitive). */
  tag?: string;
  limit?: number;
  /** Also return captions outside their validity window (default: only valid ones). */
  includeOutOfDate?: boolean;
  now?: Date;
}

export const DEFAULT_SEARCH_LIMIT = 50;
/**
 * A narrowing index range with at most this many keys is read whole and the candidates checked
 * row by row; a larger one is "common" and the title index is walked instead (matches are dense,
 * so the page fills quickly). Reading all keys of a common word costs more than the walk.
 */
const SELECTIVE_KEYS = 2500;
/** Candidates are read in chunks until the page is full. */
const CHUNK = 100;

/** Code-unit order, the order IndexedDB's title index walks in, so both paths sort alike. */
const byTitle = (a: CaptionRow, b: CaptionRow) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0);

function intersect(known: Set<string> | null, keys: Set<string>): Set<string> {
  return known ? new Set([...known].filter((id) => keys.has(id))) : keys;
}

/** What selectiveKeys needs of a Dexie collection. */
interface KeyRange {
  limit(count: number): { primaryKeys(): Promise<string[]> };
}

/** The keys of a range, or null when there are more than SELECTIVE_KEYS of them. */
async function selectiveKeys(collection: KeyRange): Promise<Set<string> | null> {
  const keys = await collection.limit(SELECTIVE_KEYS + 1).primaryKeys();
  return keys.length > SELECTIVE_KEYS ? null : new Set(keys);
}

/**
 * Caption search on the Dexie indexes: a selective index range (a word as a prefix of `*words`,
 * the tag, the platform) gives the candidates, which are checked against every condition on the
 * row. When no range is selective, the `title` index is walked in order with the same check until
 * the page is full. Validity is checked on the rows: two comparisons, and dates move every day.
 */
export async function searchCaptions(db: SatuPintuDb, q: CaptionQuery = {}): Promise<Caption[]> {
  const limit = Math.max(1, Math.min(q.limit ?? DEFAULT_SEARCH_LIMIT, 1000));
  const now = q.now ?? new Date();
  const words = queryWords(q.query ?? '');
  const tag = q.tag?.toLocaleLowerCase('id');

  const matches = (row: CaptionRow) =>
    words.every((word) => row.words.some((known) => known.startsWith(word))) &&
    (!q.platform || row.platforms.includes(q.platform)) &&
    (!q.agencyId || row.agencies.includes(q.agencyId) || row.agencies.includes(ALL_AGENCIES)) &&
    (!tag || row.tags.includes(tag)) &&
    (q.includeOutOfDate || isValidAt(row, now));

  // Every word's range (intersected: each is usually selective), else the tag's, else the
  // platform's. The others are checked on the rows. The agency is never a range: captions for
  // every agency are a large share of any library.
  let candidates: Set<string> | null = null;
  for (const word of words) {
    const keys = await selectiveKeys(db.captions.where('words').startsWith(word));
    if (keys) candidates = intersect(candidates, keys);
    if (candidates?.size === 0) return [];
  }
  if (!candidates && tag) candidates = await selectiveKeys(db.captions.where('tags').equals(tag));
  if (!candidates && q.platform)
    candidates = await selectiveKeys(db.captions.where('platforms').equals(q.platform));

  let rows: CaptionRow[];
  if (candidates) {
    if (candidates.size === 0) return [];
    const ids = [...candidates].sort();
    rows = [];
    // A page of matches in id order, then sorted by title: reading every candidate to sort
    // thousands of them by title would cost more than the whole query may take.
    for (let i = 0; i < ids.length && rows.length < limit; i += CHUNK) {
      const found = await db.captions.bulkGet(ids.slice(i, i + CHUNK));
      for (const row of found) if (row && matches(row) && rows.length < limit) rows.push(row);
    }
    rows.sort(byTitle);
  } else {
    rows = await db.captions.orderBy('title').filter(matches).limit(limit).toArray();
  }
  // The rows were written from verified bundles; parsing again keeps the boundary honest and cheap.
  return rows.flatMap((row) => {
    const parsed = CaptionSchema.safeParse(row.caption);
    return parsed.success ? [parsed.data] : [];
  });
}
