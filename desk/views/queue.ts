import { html } from 'hono/html';
import type { StoredSubmission } from '../store/submissions';
import { csrfField, type Html, notice, type PageContext, page } from './layout';

export interface QueueView {
  items: StoredSubmission[];
  agencies: string[];
  filter: { status: string; agency: string; platform: string; age: string };
  lastVersion: number | null;
  unpublished: number;
  message?: { text: string; kind: 'ok' | 'error' };
  problem?: string;
}

const PLATFORMS = ['facebook', 'instagram', 'youtube'];
const STATUSES = ['pending', 'approved', 'changes-requested', 'rejected'] as const;

function option(value: string, label: string, selected: string): Html {
  return html`<option value="${value}" ${value === selected ? 'selected' : ''}>${label}</option>`;
}

export function queuePage(ctx: PageContext, view: QueueView): Html {
  const { t } = ctx;
  const { filter } = view;
  const rows = view.items.map(
    (item) => html`<tr data-sp="queue-item" data-submission-id="${item.id}" data-status="${item.status}">
  <td><a href="/review/submissions/${encodeURIComponent(item.id)}">${item.text.slice(0, 120)}${item.text.length > 120 ? '…' : ''}</a></td>
  <td>${item.agencyId}</td>
  <td>${item.platform} · ${item.field}</td>
  <td>${item.adminName}${item.adminRole ? ` (${item.adminRole})` : ''}</td>
  <td><time datetime="${item.receivedAt.toISOString()}">${item.receivedAt.toISOString().slice(0, 16).replace('T', ' ')}</time></td>
  <td><code>${item.shortCode}</code></td>
  <td>${t(`status.${item.status}`)}</td>
</tr>`,
  );
  return page(
    ctx,
    t('queueTitle'),
    html`${view.message ? notice(view.message.text, view.message.kind) : ''}
${view.problem ? html`<pre class="text" role="alert">${view.problem}</pre>` : ''}
<form method="get" action="/review" class="filters" aria-label="${t('filter')}">
  <input type="hidden" name="lang" value="${ctx.lang}" />
  <div><label for="f-status">${t('status')}</label>
  <select id="f-status" name="status">${option('all', t('all'), filter.status)}${STATUSES.map((s) => option(s, t(`status.${s}`), filter.status))}</select></div>
  <div><label for="f-agency">${t('agency')}</label>
  <select id="f-agency" name="agency">${option('', t('all'), filter.agency)}${view.agencies.map((a) => option(a, a, filter.agency))}</select></div>
  <div><label for="f-platform">${t('platform')}</label>
  <select id="f-platform" name="platform">${option('', t('all'), filter.platform)}${PLATFORMS.map((p) => option(p, p, filter.platform))}</select></div>
  <div><label for="f-age">${t('age')}</label>
  <select id="f-age" name="age">${option('', t('all'), filter.age)}${option('1', t('lastDay'), filter.age)}${option('7', t('lastWeek'), filter.age)}${option('30', t('lastMonth'), filter.age)}</select></div>
  <div><button type="submit">${t('filter')}</button></div>
</form>
${
  rows.length
    ? html`<table>
<caption class="skip">${t('queueTitle')}</caption>
<thead><tr><th scope="col">${t('text')}</th><th scope="col">${t('agency')}</th><th scope="col">${t('platform')}</th>
<th scope="col">${t('sentBy')}</th><th scope="col">${t('received')}</th><th scope="col">${t('code')}</th><th scope="col">${t('status')}</th></tr></thead>
<tbody>${rows}</tbody></table>`
    : html`<p>${t('queueEmpty')}</p>`
}
<section aria-labelledby="publish-title">
<h2 id="publish-title">${t('publishTitle')}</h2>
<p data-sp="publish-status" data-version="${view.lastVersion ?? ''}" data-unpublished="${view.unpublished}">
${view.lastVersion === null ? t('neverPublished') : t('lastPublished', view.lastVersion)}
${t('unpublishedDecisions', view.unpublished)}</p>
<form method="post" action="/review/publish">${csrfField(ctx)}
<button type="submit" data-sp="publish">${t('publish')}</button></form>
</section>`,
  );
}
