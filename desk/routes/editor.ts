import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import type { DeskConfig, DeskEnv } from '../context';
import { BIG_TEAM_SOURCES, EDITABLE_SOURCE, loadSources, saveSource } from '../store/library';
import type { Role } from '../store/users';
import { csrfField, notice, page } from '../views/layout';
import { pageContext } from './session';

const EDITORS: readonly Role[] = ['editor', 'admin'];

const NEW_CAPTION = `---
title: ''
platforms: [facebook, instagram]
agencies: []
tags: []
approvedBy: Biro Administrasi Pimpinan
approvedAt: '${new Date().toISOString().slice(0, 10)}'
---
`;

/** Caption editors edit captions and hashtag sets; a change is saved only if the library still lints. */
export function mountEditor(app: Hono<DeskEnv>, config: DeskConfig): void {
  const now = config.now ?? (() => new Date());

  app.get('/review/library', async (c) => {
    const ctx = pageContext(c);
    const { t } = ctx;
    const paths = [...new Set([...Object.keys(await loadSources(config.db)), ...BIG_TEAM_SOURCES])]
      .filter((path) => EDITABLE_SOURCE.test(path))
      .sort();
    const editable = EDITORS.includes(c.get('user').role);
    return c.html(
      page(
        ctx,
        t('libraryTitle'),
        html`${c.req.query('done') === 'saved' ? notice(t('saved')) : ''}
<p>${t('editHint')}</p>
${
  editable
    ? html`<form method="get" action="/review/library/edit"><label for="new-caption">${t('newCaption')}</label>
<input id="new-caption" name="new" pattern="[a-z0-9][a-z0-9\\-]*" required /> <button type="submit">${t('edit')}</button></form>`
    : html`<p>${t('notAllowed')}</p>`
}
<ul>${paths.map(
          (path) =>
            html`<li data-sp="source-file" data-path="${path}">${editable ? html`<a href="/review/library/edit?path=${encodeURIComponent(path)}">${path}</a>` : path}</li>`,
        )}</ul>`,
      ),
    );
  });

  async function editForm(c: Context<DeskEnv>, path: string, content: string, problem?: string) {
    const ctx = pageContext(c);
    const { t } = ctx;
    return c.html(
      page(
        ctx,
        path,
        html`${problem ? html`${notice(t('saveFailed'), 'error')}<pre class="text">${problem}</pre>` : ''}
<form method="post" action="/review/library/save">${csrfField(ctx)}
<input type="hidden" name="path" value="${path}" />
<label for="source">${t('file')}: ${path}</label>
<textarea id="source" name="content" class="source" data-sp="source-content" spellcheck="false">${content}</textarea>
<p><button type="submit" data-sp="source-save">${t('save')}</button></p></form>`,
      ),
      problem ? 422 : 200,
    );
  }

  app.get('/review/library/edit', async (c) => {
    if (!EDITORS.includes(c.get('user').role)) return c.html(pageContext(c).t('notAllowed'), 403);
    const fresh = c.req.query('new');
    const path = fresh ? `captions/${fresh}.md` : (c.req.query('path') ?? '');
    const sources = await loadSources(config.db);
    return editForm(c, path, sources[path] ?? (fresh ? NEW_CAPTION : ''));
  });

  app.post('/review/library/save', async (c) => {
    if (!EDITORS.includes(c.get('user').role)) return c.html(pageContext(c).t('notAllowed'), 403);
    const form = await c.req.parseBody();
    const path = String(form.path ?? '');
    const content = String(form.content ?? '').replace(/\r\n?/g, '\n');
    const outcome = await saveSource(config.db, {
      libraryId: config.libraryId,
      path,
      content,
      actor: c.get('user').username,
      now: now(),
    });
    if (!outcome.ok) return editForm(c, path, content, outcome.problem);
    return c.redirect('/review/library?done=saved', 303);
  });
}
