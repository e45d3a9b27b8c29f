import { html } from 'hono/html';
import { REQUEST_PRIORITIES } from '@/lib/bigteam/types';
import type { LibraryBundle } from '@/lib/library/schema';
import { PLATFORM_IDS } from '@/lib/platforms/types';
import type { BoardTranslate } from './board-messages';
import { csrfField, type Html, notice, type PageContext, page } from './layout';

/** What the bureau typed, shown again when the library refused it. */
export interface RequestDraft {
  id: string;
  title: string;
  captionId: string;
  hashtagSetId: string;
  link: string;
  mediaNote: string;
  agencies: string[];
  platforms: string[];
  from: string;
  until: string;
  priority: string;
}

export const EMPTY_DRAFT: RequestDraft = {
  id: '',
  title: '',
  captionId: '',
  hashtagSetId: '',
  link: '',
  mediaNote: '',
  agencies: [],
  platforms: [],
  from: '',
  until: '',
  priority: 'normal',
};

/** The bureau's form for a new amplification request (saved into requests.yaml). */
export function requestFormPage(
  ctx: PageContext,
  tb: BoardTranslate,
  library: Pick<LibraryBundle, 'captions' | 'hashtagSets' | 'agencies'>,
  draft: RequestDraft,
  problem?: string,
): Html {
  const selected = (on: boolean) => (on ? html` selected` : '');
  const checked = (on: boolean) => (on ? html` checked` : '');
  return page(
    ctx,
    tb('newRequest'),
    html`${problem ? html`${notice(tb('requestFailed'), 'error')}<pre class="text">${problem}</pre>` : ''}
<p>${tb('newRequestHint')}</p>
<form method="post" action="/review/board/requests" data-sp="request-form">${csrfField(ctx)}
<label for="rq-id">${tb('requestId')}</label>
<input id="rq-id" name="id" data-sp="request-id" required pattern="[a-z0-9][a-z0-9\\-]*" value="${draft.id}" />
<label for="rq-title">${tb('requestTitle')}</label>
<input id="rq-title" name="title" data-sp="request-title" required maxlength="200" value="${draft.title}" />
<label for="rq-caption">${tb('caption')}</label>
<select id="rq-caption" name="captionId" data-sp="request-caption" required>${library.captions.map(
      (caption) =>
        html`<option value="${caption.id}"${selected(caption.id === draft.captionId)}>${caption.title} (${caption.id})</option>`,
    )}</select>
<label for="rq-set">${tb('hashtagSet')}</label>
<select id="rq-set" name="hashtagSetId"><option value="">${tb('none')}</option>${library.hashtagSets.map(
      (set) =>
        html`<option value="${set.id}"${selected(set.id === draft.hashtagSetId)}>${set.title}</option>`,
    )}</select>
<label for="rq-link">${tb('link')}</label>
<input id="rq-link" name="link" type="url" value="${draft.link}" />
<label for="rq-media">${tb('mediaNote')}</label>
<input id="rq-media" name="mediaNote" maxlength="500" value="${draft.mediaNote}" />
<fieldset><legend>${tb('forAgencies')}</legend>${library.agencies.map(
      (agency) =>
        html`<label class="inline"><input type="checkbox" name="agencies" value="${agency.id}"${checked(draft.agencies.includes(agency.id))} /> ${agency.shortName}</label>`,
    )}</fieldset>
<fieldset><legend>${tb('platforms')}</legend>${PLATFORM_IDS.map(
      (platform) =>
        html`<label class="inline"><input type="checkbox" name="platforms" value="${platform}"${checked(draft.platforms.includes(platform))} /> ${platform}</label>`,
    )}</fieldset>
<label for="rq-from">${tb('from')}</label>
<input id="rq-from" name="from" type="date" data-sp="request-from" required value="${draft.from}" />
<label for="rq-until">${tb('until')}</label>
<input id="rq-until" name="until" type="date" data-sp="request-until" required value="${draft.until}" />
<label for="rq-priority">${tb('priority')}</label>
<select id="rq-priority" name="priority">${REQUEST_PRIORITIES.map(
      (priority) =>
        html`<option value="${priority}"${selected(priority === draft.priority)}>${tb(`priority.${priority}`)}</option>`,
    )}</select>
<p><button type="submit" data-sp="request-save">${tb('saveRequest')}</button></p></form>`,
  );
}
