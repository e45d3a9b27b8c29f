import { html } from 'hono/html';
import type { Board, BoardAgency } from '../review/board';
import { shareRate } from '../review/board';
import type { CommitmentRow } from '../store/bigteam';
import { WEEKS } from '../store/bigteam';
import type { BoardTranslate } from './board-messages';
import { type Html, notice, type PageContext, page } from './layout';

const BAR = 10;
const GAP = 3;
const HEIGHT = 32;

/**
 * Weekly activity as a small server-rendered bar chart (no script, no library): one bar a week,
 * oldest left; all charts share one scale so agencies compare at a glance. Each bar has a title.
 */
export function weeklyChart(agency: BoardAgency, scale: number, tb: BoardTranslate): Html {
  const width = WEEKS * (BAR + GAP) - GAP;
  const label = tb('chartLabel', agency.name, WEEKS, agency.activeWeeks);
  return html`<svg data-sp="consistency-chart" data-agency-id="${agency.id}" role="img" aria-label="${label}" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" xmlns="http://www.w3.org/2000/svg">${agency.weeks.map(
    (count, index) => {
      const barHeight = count > 0 ? Math.max(3, Math.round((count / Math.max(scale, 1)) * (HEIGHT - 2))) : 1;
      const ago = WEEKS - 1 - index;
      return html`<rect data-count="${count}" x="${index * (BAR + GAP)}" y="${HEIGHT - barHeight}" width="${BAR}" height="${barHeight}" fill="${count > 0 ? '#0b3d6e' : '#c8c8c8'}"><title>${ago === 0 ? tb('thisWeek', count) : tb('week', ago, count)}</title></rect>`;
    },
  )}</svg>`;
}

function rateText(agency: BoardAgency, tb: BoardTranslate): string {
  const rate = shareRate(agency);
  return rate === null ? tb('noRate') : tb('rate', agency.shared, agency.asked, Math.round(rate * 100));
}

export function boardPage(
  ctx: PageContext,
  tb: BoardTranslate,
  board: Board,
  commitments: readonly CommitmentRow[],
  canEdit: boolean,
  saved = false,
): Html {
  const scale = Math.max(1, ...board.agencies.flatMap((agency) => agency.weeks));
  const when = (date: Date) => date.toISOString().replace('T', ' ').slice(0, 16);
  const agencyName = new Map(board.agencies.map((agency) => [agency.id, agency.name]));
  return page(
    ctx,
    tb('title'),
    html`${saved ? notice(tb('requestSaved')) : ''}<p>${tb('intro')}</p>
<p><a data-sp="board-csv" href="/review/board.csv">${tb('csvShares')}</a> · <a data-sp="board-agencies-csv" href="/review/board-agencies.csv">${tb('csvAgencies')}</a>${
      canEdit
        ? html` · <a data-sp="new-request" href="/review/board/new-request">${tb('newRequest')}</a> · <a href="/review/library/edit?path=requests.yaml">${tb('editRequests')}</a>`
        : ''
    }</p>
<h2>${tb('requests')}</h2>
${
  board.requests.length
    ? html`<table><thead><tr><th scope="col">${tb('request')}</th><th scope="col">${tb('window')}</th><th scope="col">${tb('priority')}</th><th scope="col">${tb('sharedBy')}</th></tr></thead><tbody>${board.requests.map(
        (request) =>
          html`<tr data-sp="board-request" data-request-id="${request.id}" data-state="${request.state}"><td>${request.title}<br /><small>${request.id}</small></td><td>${request.from} – ${request.until}<br /><small>${tb(`state.${request.state}`)}</small></td><td>${tb(`priority.${request.priority as 'high' | 'normal' | 'low'}`)}</td><td><p data-sp="board-share-count">${tb('sharedCount', request.shares.length, request.asked)}</p>${
            request.shares.length
              ? html`<ul>${request.shares.map(
                  (share) =>
                    html`<li data-sp="board-share" data-agency-id="${share.agencyId}">${share.agencyName} · ${share.platforms.join(', ')} · <time datetime="${share.firstAt.toISOString()}">${when(share.firstAt)} UTC</time>${share.links.map(
                      (link) =>
                        html` · <a href="${link}" rel="noopener noreferrer" target="_blank">${new URL(link).hostname}</a>`,
                    )}</li>`,
                )}</ul>`
              : html`<p>${tb('nobody')}</p>`
          }</td></tr>`,
      )}</tbody></table>`
    : html`<p>${tb('noRequests')}</p>`
}
<h2>${tb('agencies')}</h2>
<table><thead><tr><th scope="col">${tb('agency')}</th><th scope="col">${tb('shareRate')}</th><th scope="col">${tb('consistency', WEEKS)}</th></tr></thead><tbody>${board.agencies.map(
      (agency) =>
        html`<tr data-sp="board-agency" data-agency-id="${agency.id}"><td>${agency.name}</td><td data-sp="share-rate">${rateText(agency, tb)}</td><td>${weeklyChart(agency, scale, tb)} <span data-sp="active-weeks">${tb('activeWeeks', agency.activeWeeks, WEEKS)}</span></td></tr>`,
    )}</tbody></table>
<h2>${tb('commitments')}</h2>
${
  commitments.length
    ? html`<table><thead><tr><th scope="col">${tb('agency')}</th><th scope="col">${tb('admin')}</th><th scope="col">${tb('version')}</th><th scope="col">${tb('committedAt')}</th></tr></thead><tbody>${commitments.map(
        (row) =>
          html`<tr data-sp="commitment-row" data-agency-id="${row.agencyId}" data-version="${row.version}"><td>${agencyName.get(row.agencyId) ?? row.agencyId}</td><td>${row.adminName}</td><td>${row.version}</td><td><time datetime="${row.committedAt.toISOString()}">${when(row.committedAt)} UTC</time></td></tr>`,
      )}</tbody></table>`
    : html`<p>${tb('noCommitments')}</p>`
}`,
  );
}
