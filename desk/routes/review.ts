import type { Context, Hono } from 'hono';
import { LibraryBundleSchema } from '@/lib/library/schema';
import type { DeskConfig, DeskEnv } from '../context';
import { analyse } from '../review/analysis';
import { auditCsv, listAudit } from '../store/audit';
import { checkSources, latestBundle, loadSources, publishLibrary } from '../store/library';
import {
  DECISIONS,
  type DecisionStatus,
  type DeskStatus,
  decideSubmission,
  decisionsOf,
  getSubmission,
  isOwnSubmission,
  listSubmissions,
  reopenSubmission,
} from '../store/submissions';
import type { Role } from '../store/users';
import type { DeskMessageKey } from '../views/messages';
import { queuePage } from '../views/queue';
import { submissionPage } from '../views/submission';
import { pageContext } from './session';

const DECIDERS: readonly Role[] = ['reviewer', 'admin'];
/** Messages a redirect may ask for (`?done=`): only these keys, never text from the address. */
const DONE: Record<string, DeskMessageKey> = {
  decided: 'decided',
  reopened: 'reopened',
  saved: 'saved',
};

/** The review pages: queue, one submission with its findings and diff, decisions, publishing, audit. */
export function mountReview(app: Hono<DeskEnv>, config: DeskConfig): void {
  const now = config.now ?? (() => new Date());
  const { db } = config;

  async function currentBundle() {
    const latest = await latestBundle(db, config.libraryId);
    if (latest) return LibraryBundleSchema.parse(JSON.parse(latest.json));
    // Nothing published yet: the findings come from what publishing would produce.
    const check = await checkSources(db, config.libraryId, await loadSources(db), now());
    return check.ok ? check.bundle : null;
  }

  async function renderQueue(c: Context<DeskEnv>, problem?: string) {
    const ctx = pageContext(c);
    const status = c.req.query('status') ?? 'pending';
    const agency = c.req.query('agency') ?? '';
    const platform = c.req.query('platform') ?? '';
    const age = c.req.query('age') ?? '';
    const items = await listSubmissions(db, {
      status: (['all', 'pending', ...DECISIONS] as string[]).includes(status)
        ? (status as DeskStatus)
        : 'pending',
      ...(agency ? { agencyId: agency } : {}),
      ...(platform ? { platform } : {}),
      ...(Number(age) > 0 ? { maxAgeDays: Number(age) } : {}),
      now: now(),
    });
    const agencies = (
      await db.query<{ agency_id: string }>('SELECT DISTINCT agency_id FROM submissions ORDER BY agency_id')
    ).map((row) => row.agency_id);
    const latest = await latestBundle(db, config.libraryId);
    const [pending] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM decisions WHERE decided_at > $1',
      [latest?.publishedAt ?? new Date(0)],
    );
    const done = c.req.query('done');
    const version = c.req.query('v');
    const message =
      done === 'published'
        ? { text: ctx.t('published', version ?? ''), kind: 'ok' as const }
        : done === 'unchanged'
          ? { text: ctx.t('unchanged', version ?? ''), kind: 'ok' as const }
          : done && DONE[done]
            ? { text: ctx.t(DONE[done]), kind: 'ok' as const }
            : problem
              ? { text: ctx.t('publishFailed'), kind: 'error' as const }
              : undefined;
    return c.html(
      queuePage(ctx, {
        items,
        agencies,
        filter: { status, agency, platform, age },
        lastVersion: latest?.version ?? null,
        unpublished: pending?.n ?? 0,
        ...(message ? { message } : {}),
        ...(problem ? { problem } : {}),
      }),
      problem ? 422 : 200,
    );
  }

  app.get('/review', (c) => renderQueue(c));

  app.get('/review/submissions/:id', async (c) => {
    const ctx = pageContext(c);
    const submission = await getSubmission(db, c.req.param('id'));
    if (!submission) return c.html(ctx.t('notFound'), 404);
    const bundle = await currentBundle();
    const user = c.get('user');
    const error = c.req.query('error');
    const errorKey: DeskMessageKey | null =
      error === 'own'
        ? 'ownSubmission'
        : error === 'decided'
          ? 'alreadyDecided'
          : error === 'role'
            ? 'notAllowed'
            : null;
    const done = c.req.query('done');
    const message = errorKey
      ? { text: ctx.t(errorKey), kind: 'error' as const }
      : done && DONE[done]
        ? { text: ctx.t(DONE[done]), kind: 'ok' as const }
        : undefined;
    return c.html(
      submissionPage(ctx, {
        submission,
        analysis: bundle ? analyse(submission, bundle, ctx.lang) : null,
        decisions: await decisionsOf(db, submission.id),
        own: isOwnSubmission(submission, user),
        canDecide: DECIDERS.includes(user.role),
        ...(message ? { message } : {}),
      }),
    );
  });

  app.post('/review/submissions/:id/decide', async (c) => {
    const id = c.req.param('id');
    const base = `/review/submissions/${encodeURIComponent(id)}`;
    const user = c.get('user');
    if (!DECIDERS.includes(user.role)) return c.redirect(`${base}?error=role`, 303);
    const form = await c.req.parseBody();
    const decision = String(form.decision ?? '');
    if (!(DECISIONS as readonly string[]).includes(decision)) return c.text('unknown decision', 400);
    const note = String(form.note ?? '').slice(0, 2000);
    const outcome = await decideSubmission(db, {
      id,
      status: decision as DecisionStatus,
      note,
      user,
      now: now(),
    });
    if (!outcome.ok) {
      if (outcome.reason === 'not-found') return c.text('not found', 404);
      return c.redirect(`${base}?error=${outcome.reason}`, 303);
    }
    return c.redirect(`${base}?done=decided`, 303);
  });

  app.post('/review/submissions/:id/reopen', async (c) => {
    const id = c.req.param('id');
    const base = `/review/submissions/${encodeURIComponent(id)}`;
    const user = c.get('user');
    if (!DECIDERS.includes(user.role)) return c.redirect(`${base}?error=role`, 303);
    const form = await c.req.parseBody();
    await reopenSubmission(db, { id, user, note: String(form.note ?? '').slice(0, 2000) });
    return c.redirect(`${base}?done=reopened`, 303);
  });

  app.post('/review/publish', async (c) => {
    const outcome = await publishLibrary(db, {
      libraryId: config.libraryId,
      sign: config.sign,
      actor: c.get('user').username,
      now: now(),
    });
    if (!outcome.ok) return renderQueue(c, outcome.problem);
    return c.redirect(
      `/review?done=${outcome.changed ? 'published' : 'unchanged'}&v=${outcome.version}`,
      303,
    );
  });

  // For scripts and `library approve --submissions FILE`: one JSON object per line, as received.
  app.get('/review/submissions.jsonl', async (c) => {
    const rows = await db.query<{ body: string }>('SELECT body FROM submissions ORDER BY received_at, id');
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="satu-pintu-submissions.jsonl"');
    return c.body(rows.map((row) => `${row.body}\n`).join(''));
  });

  app.get('/review/audit.csv', async (c) => {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="satu-pintu-audit.csv"');
    return c.body(auditCsv(await listAudit(db)));
  });
}
