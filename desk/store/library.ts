import { createHash } from 'node:crypto';
import { BuildError, buildBundleFromSources, type SourceFiles } from '@/lib/library/build-bundle';
import { formatLintReport, lintBundle } from '@/lib/library/lint-bundle';
import { type LibraryBundle, LibraryBundleSchema } from '@/lib/library/schema';
import type { Db, Queryable } from '../db/db';
import { recordAudit } from './audit';
import { decisionRecords } from './submissions';

/** Signs the exact bytes of a bundle; the private key stays inside the function that main() builds. */
export type Signer = (bytes: Uint8Array) => Promise<string>;

export interface PublishedBundle {
  version: number;
  json: string;
  sig: string;
  etag: string;
  publishedAt: Date;
}

export async function loadSources(db: Queryable): Promise<Record<string, string>> {
  const rows = await db.query<{ path: string; content: string }>('SELECT path, content FROM library_sources');
  return Object.fromEntries(rows.map((row) => [row.path, row.content]));
}

/** Copies a source folder's files into an empty desk; a desk that has sources keeps its own. */
export async function seedSources(db: Db, files: SourceFiles): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM library_sources');
    if ((row?.n ?? 0) > 0) return false;
    for (const [path, content] of Object.entries(files)) {
      await tx.query('INSERT INTO library_sources (path, content, updated_by) VALUES ($1, $2, $3)', [
        path,
        content,
        'seed',
      ]);
    }
    await recordAudit(tx, {
      actor: 'desk',
      action: 'sources-seeded',
      detail: `${Object.keys(files).length} files`,
    });
    return true;
  });
}

export async function latestBundle(db: Queryable, libraryId: string): Promise<PublishedBundle | null> {
  const rows = await db.query<PublishedBundle>(
    `SELECT version, json, sig, etag, published_at AS "publishedAt" FROM library_versions
     WHERE library_id = $1 ORDER BY version DESC LIMIT 1`,
    [libraryId],
  );
  return rows[0] ?? null;
}

export type CheckOutcome = { ok: true; bundle: LibraryBundle } | { ok: false; problem: string };

/**
 * Builds the sources with the desk's decisions on top of the last published bundle and lints
 * every caption against the guidelines: what publishing would produce, or why it would refuse.
 */
export async function checkSources(
  db: Queryable,
  libraryId: string,
  files: SourceFiles,
  now: Date,
): Promise<CheckOutcome & { changed?: boolean }> {
  const last = await latestBundle(db, libraryId);
  const previous = last ? LibraryBundleSchema.parse(JSON.parse(last.json)) : null;
  try {
    const result = buildBundleFromSources(files, { previous, approvals: await decisionRecords(db), now });
    if (result.bundle.id !== libraryId) {
      return { ok: false, problem: `meta.yaml: id is ${result.bundle.id}, this desk publishes ${libraryId}` };
    }
    const report = lintBundle(result.bundle);
    if (report.errors > 0) return { ok: false, problem: formatLintReport(report) };
    return { ok: true, bundle: result.bundle, changed: result.changed };
  } catch (error) {
    if (error instanceof BuildError) return { ok: false, problem: error.message };
    throw error;
  }
}

/** The sources the desk edits: captions, hashtags and the big team's (docs/big-team.md). */
export const EDITABLE_SOURCE =
  /^(captions\/[a-z0-9][a-z0-9-]*\.md|hashtags\.yaml|requests\.yaml|replies\.yaml|commitment\.md)$/;
/** Offered in the editor even before they exist (a desk seeded before they were sources). */
export const BIG_TEAM_SOURCES = ['requests.yaml', 'replies.yaml', 'commitment.md'] as const;

/** Saves a source file only when the library still builds and lints with it (audited). */
export async function saveSource(
  db: Db,
  input: { libraryId: string; path: string; content: string; actor: string; now: Date },
): Promise<{ ok: true } | { ok: false; problem: string }> {
  if (!EDITABLE_SOURCE.test(input.path)) {
    return {
      ok: false,
      problem: `${input.path}: only captions/<id>.md, hashtags.yaml, requests.yaml, replies.yaml and commitment.md are edited here`,
    };
  }
  const files = { ...(await loadSources(db)), [input.path]: input.content };
  const check = await checkSources(db, input.libraryId, files, input.now);
  if (!check.ok) return check;
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO library_sources (path, content, updated_at, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (path) DO UPDATE SET content = $2, updated_at = $3, updated_by = $4`,
      [input.path, input.content, input.now, input.actor],
    );
    await recordAudit(tx, { actor: input.actor, action: 'source-saved', subject: input.path });
  });
  return { ok: true };
}

export type PublishOutcome = { ok: true; version: number; changed: boolean } | { ok: false; problem: string };

/**
 * Builds, lints, signs and stores the next version. The version comes from the database (the last
 * published one + 1, under a lock), so it never goes backwards whichever instance or checkout runs.
 */
export function publishLibrary(
  db: Db,
  input: { libraryId: string; sign: Signer; actor: string; now: Date },
): Promise<PublishOutcome> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7316002)');
    const check = await checkSources(tx, input.libraryId, await loadSources(tx), input.now);
    if (!check.ok) return check;
    if (!check.changed) return { ok: true, version: check.bundle.version, changed: false };
    const json = `${JSON.stringify(check.bundle, null, 2)}\n`;
    const bytes = new TextEncoder().encode(json);
    const sig = await input.sign(bytes);
    const etag = `"${check.bundle.version}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}"`;
    await tx.query(
      `INSERT INTO library_versions (library_id, version, json, sig, etag, published_at, published_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [input.libraryId, check.bundle.version, json, sig, etag, input.now, input.actor],
    );
    await recordAudit(tx, {
      actor: input.actor,
      action: 'published',
      subject: input.libraryId,
      detail: `version ${check.bundle.version}`,
    });
    return { ok: true, version: check.bundle.version, changed: true };
  });
}
