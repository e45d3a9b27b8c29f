import type { Context, Hono } from 'hono';
import { stringify } from 'yaml';
import { LibraryBundleSchema } from '@/lib/library/schema';
import type { DeskConfig, DeskEnv } from '../context';
import { checkSources, latestBundle, loadSources, saveSource } from '../store/library';
import type { Role } from '../store/users';
import { boardTranslator } from '../views/board-messages';
import { EMPTY_DRAFT, type RequestDraft, requestFormPage } from '../views/request-form';
import { pageContext } from './session';

const EDITORS: readonly Role[] = ['editor', 'admin'];

const REQUESTS_HEADER = `# Permintaan amplifikasi (docs/big-team.md). Amplification requests.
`;

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return value === undefined || value === '' ? [] : [String(value)];
}

/** The request as YAML, optional fields only when filled; the library's schema checks the rest. */
export function requestYaml(draft: RequestDraft): string {
  const item = {
    id: draft.id,
    title: draft.title,
    captionId: draft.captionId,
    ...(draft.hashtagSetId ? { hashtagSetId: draft.hashtagSetId } : {}),
    ...(draft.link ? { link: draft.link } : {}),
    ...(draft.mediaNote ? { mediaNote: draft.mediaNote } : {}),
    agencies: draft.agencies,
    platforms: draft.platforms,
    from: draft.from,
    until: draft.until,
    priority: draft.priority,
  };
  return stringify([item]);
}

/**
 * The bureau writes a request with a form instead of YAML: it is appended to requests.yaml (the
 * file's comments and other requests untouched) through the same save as the editor, so it is
 * stored only when the whole library still builds and lints, and goes out with the next publish.
 */
export function mountBoardRequests(app: Hono<DeskEnv>, config: DeskConfig): void {
  const now = config.now ?? (() => new Date());

  async function choices() {
    const check = await checkSources(config.db, config.libraryId, await loadSources(config.db), now());
    if (check.ok) return check.bundle;
    const latest = await latestBundle(config.db, config.libraryId);
    return latest
      ? LibraryBundleSchema.parse(JSON.parse(latest.json))
      : { captions: [], hashtagSets: [], agencies: [] };
  }

  async function form(c: Context<DeskEnv>, draft: RequestDraft, problem?: string) {
    const ctx = pageContext(c);
    return c.html(
      requestFormPage(ctx, boardTranslator(ctx.lang), await choices(), draft, problem),
      problem ? 422 : 200,
    );
  }

  app.get('/review/board/new-request', (c) => {
    if (!EDITORS.includes(c.get('user').role)) return c.html(pageContext(c).t('notAllowed'), 403);
    return form(c, EMPTY_DRAFT);
  });

  app.post('/review/board/requests', async (c) => {
    if (!EDITORS.includes(c.get('user').role)) return c.html(pageContext(c).t('notAllowed'), 403);
    const body = await c.req.parseBody({ all: true });
    const text = (name: string) => String(list(body[name])[0] ?? '').trim();
    const draft: RequestDraft = {
      id: text('id'),
      title: text('title'),
      captionId: text('captionId'),
      hashtagSetId: text('hashtagSetId'),
      link: text('link'),
      mediaNote: text('mediaNote'),
      agencies: list(body.agencies),
      platforms: list(body.platforms),
      from: text('from'),
      until: text('until'),
      priority: text('priority') || 'normal',
    };
    const current = (await loadSources(config.db))['requests.yaml'] ?? REQUESTS_HEADER;
    const content = `${current.replace(/\s*$/, '')}\n${requestYaml(draft)}`;
    const outcome = await saveSource(config.db, {
      libraryId: config.libraryId,
      path: 'requests.yaml',
      content,
      actor: c.get('user').username,
      now: now(),
    });
    if (!outcome.ok) return form(c, draft, outcome.problem);
    return c.redirect('/review/board?done=request-saved', 303);
  });
}
