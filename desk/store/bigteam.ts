import type { AmplificationRequest } from '@/lib/bigteam/types';
import { type Agency, LibraryBundleSchema } from '@/lib/library/schema';
import type { Db, Queryable } from '../db/db';
import { recordAudit } from './audit';

/**
 * The big team on the desk (docs/big-team.md): which agency shared which request, and admins'
 * commitments. Requests are the published library's: what admins can see is what they can report.
 */
export interface PublishedTeam {
  version: number;
  requests: AmplificationRequest[];
  agencies: Agency[];
}

const cache = new WeakMap<Queryable, { libraryId: string; team: PublishedTeam }>();

/** The published library's requests and agencies, parsed once per version (versions never change). */
export async function publishedTeam(db: Queryable, libraryId: string): Promise<PublishedTeam | null> {
  const [latest] = await db.query<{ version: number }>(
    'SELECT version FROM library_versions WHERE library_id = $1 ORDER BY version DESC LIMIT 1',
    [libraryId],
  );
  if (!latest) return null;
  const known = cache.get(db);
  if (known && known.libraryId === libraryId && known.team.version === latest.version) return known.team;
  const [row] = await db.query<{ json: string }>(
    'SELECT json FROM library_versions WHERE library_id = $1 AND version = $2',
    [libraryId, latest.version],
  );
  const bundle = LibraryBundleSchema.parse(JSON.parse(row?.json ?? 'null'));
  const team = { version: bundle.version, requests: bundle.requests, agencies: bundle.agencies };
  cache.set(db, { libraryId, team });
  return team;
}

export interface DoneReport {
  fingerprint: string;
  platform: string;
  at: string;
  via: 'post-button' | 'marked';
  link?: string;
}

/**
 * Records a request done by an agency on a platform once: the first report wins, a repeat (the
 * outbox retrying after a lost answer, another admin of the agency) is "existing". One statement,
 * row and audit entry together.
 */
export async function recordDone(
  db: Queryable,
  agencyId: string,
  requestId: string,
  report: DoneReport,
): Promise<'created' | 'existing'> {
  const rows = await db.query<{ request_id: string }>(
    `WITH stored AS (
       INSERT INTO request_done (agency_id, request_id, platform, fingerprint, via, link, done_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT DO NOTHING RETURNING request_id
     ), audited AS (
       INSERT INTO audit (actor, action, subject, detail)
       SELECT $1, 'request-done', $2, $3::text || ' ' || $5::text FROM stored
     )
     SELECT request_id FROM stored`,
    [agencyId, requestId, report.platform, report.fingerprint, report.via, report.link ?? null, report.at],
  );
  return rows.length ? 'created' : 'existing';
}

export async function recordCommitment(
  db: Db,
  agencyId: string,
  input: { version: string; adminName: string; at: string },
): Promise<'created' | 'existing'> {
  return db.transaction(async (tx) => {
    const rows = await tx.query(
      `INSERT INTO commitments (agency_id, admin_name, version, committed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING version`,
      [agencyId, input.adminName, input.version, input.at],
    );
    if (!rows.length) return 'existing';
    await recordAudit(tx, {
      actor: agencyId,
      action: 'commitment',
      subject: input.adminName,
      detail: `version ${input.version}`,
    });
    return 'created';
  });
}

export interface DoneRow {
  agencyId: string;
  requestId: string;
  platform: string;
  via: string;
  link: string | null;
  doneAt: Date;
}

export function listDone(db: Queryable): Promise<DoneRow[]> {
  return db.query<DoneRow>(
    `SELECT agency_id AS "agencyId", request_id AS "requestId", platform, via, link, done_at AS "doneAt"
     FROM request_done ORDER BY done_at`,
  );
}

export interface CommitmentRow {
  agencyId: string;
  adminName: string;
  version: string;
  committedAt: Date;
}

export function listCommitments(db: Queryable): Promise<CommitmentRow[]> {
  return db.query<CommitmentRow>(
    `SELECT agency_id AS "agencyId", admin_name AS "adminName", version, committed_at AS "committedAt"
     FROM commitments ORDER BY committed_at DESC`,
  );
}

export const WEEKS = 8;
const WEEK_MS = 7 * 86_400_000;

/**
 * Each agency's activity in each of the last WEEKS weeks (index 0 = the 7 days up to `now`): done
 * reports and submissions received, the two things the desk sees an agency post.
 */
export async function weeklyActivity(db: Queryable, now: Date): Promise<Map<string, number[]>> {
  const since = new Date(now.getTime() - WEEKS * WEEK_MS);
  const rows = await db.query<{ agency: string; week: number; n: number }>(
    `SELECT agency, floor(extract(epoch FROM ($2::timestamptz - at)) / ${WEEK_MS / 1000})::int AS week,
            count(*)::int AS n
     FROM (SELECT agency_id AS agency, done_at AS at FROM request_done
           UNION ALL SELECT agency_id, received_at FROM submissions) AS activity
     WHERE at > $1 AND at <= $2
     GROUP BY 1, 2`,
    [since, now],
  );
  const weeks = new Map<string, number[]>();
  for (const row of rows) {
    if (row.week < 0 || row.week >= WEEKS) continue;
    const counts = weeks.get(row.agency) ?? Array.from({ length: WEEKS }, () => 0);
    counts[row.week] = (counts[row.week] ?? 0) + row.n;
    weeks.set(row.agency, counts);
  }
  return weeks;
}
