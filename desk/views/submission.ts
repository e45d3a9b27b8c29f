import { html } from 'hono/html';
import type { Analysis } from '../review/analysis';
import { DECISIONS, type DecisionRow, type StoredSubmission } from '../store/submissions';
import { csrfField, type Html, notice, type PageContext, page } from './layout';

export interface SubmissionView {
  submission: StoredSubmission;
  analysis: Analysis | null;
  decisions: DecisionRow[];
  own: boolean;
  canDecide: boolean;
  message?: { text: string; kind: 'ok' | 'error' };
}

function highlighted(text: string, analysis: Analysis | null): Html {
  // Marks are built from offsets into the text; every piece goes through the escaping template.
  const spans = (analysis?.check.findings ?? [])
    .filter((finding) => finding.end > finding.start)
    .sort((a, b) => a.start - b.start);
  const parts: Html[] = [];
  let at = 0;
  for (const finding of spans) {
    if (finding.start < at) continue;
    parts.push(html`${text.slice(at, finding.start)}`);
    parts.push(html`<mark title="${finding.ruleId}">${text.slice(finding.start, finding.end)}</mark>`);
    at = finding.end;
  }
  parts.push(html`${text.slice(at)}`);
  return html`<pre class="text" data-sp="submission-text">${parts}</pre>`;
}

export function submissionPage(ctx: PageContext, view: SubmissionView): Html {
  const { t } = ctx;
  const { submission: s, analysis } = view;
  const findings = analysis?.check.findings ?? [];
  const base = `/review/submissions/${encodeURIComponent(s.id)}`;
  return page(
    ctx,
    `${t('submissionTitle')} ${s.shortCode}`,
    html`${view.message ? notice(view.message.text, view.message.kind) : ''}
<p><a href="/review">${t('back')}</a></p>
<dl data-sp="submission" data-submission-id="${s.id}" data-status="${s.status}">
  <dt>${t('status')}</dt><dd>${t(`status.${s.status}`)}</dd>
  <dt>${t('agency')}</dt><dd>${s.agencyId}</dd>
  <dt>${t('platform')}</dt><dd>${s.platform} · ${s.field}</dd>
  <dt>${t('sentBy')}</dt><dd>${s.adminName}${s.adminRole ? ` (${s.adminRole})` : ''}</dd>
  <dt>${t('received')}</dt><dd><time datetime="${s.receivedAt.toISOString()}">${s.receivedAt.toISOString()}</time></dd>
  <dt>${t('code')}</dt><dd><code>${s.shortCode}</code> · <code>${s.fingerprint}</code></dd>
</dl>
<h2>${t('text')}</h2>
${highlighted(s.text, analysis)}
<section aria-labelledby="findings-title">
<h2 id="findings-title">${t('findings')}</h2>
${
  analysis
    ? html`<p data-sp="review-verdict" data-verdict="${analysis.check.verdict}">${t('verdict')}: ${t(`verdict.${analysis.check.verdict}`)} (${analysis.check.score}/100)</p>`
    : ''
}
${
  findings.length
    ? html`<ul>${findings.map(
        (
          f,
        ) => html`<li data-sp="review-finding" data-rule-id="${f.ruleId}" data-category="${f.category}" data-severity="${f.severity}">
<strong>${t(`severity.${f.severity}`)}</strong> · ${f.category} · <code>${f.ruleId}</code>: ${f.message}
${f.end > f.start ? html` — «${s.text.slice(f.start, f.end)}»` : ''}</li>`,
      )}</ul>`
    : html`<p>${t('noFindings')}</p>`
}
</section>
<section aria-labelledby="diff-title">
<h2 id="diff-title">${t('diffTitle')}</h2>
${
  analysis?.origin
    ? html`<p>${t('diffFrom')} <code>${analysis.origin.caption.id}</code> (${analysis.origin.caption.title})</p>
<pre class="text" data-sp="review-diff" data-caption-id="${analysis.origin.caption.id}">${analysis.origin.diff.map(
        (part) =>
          part.kind === 'same'
            ? html`${part.text}`
            : part.kind === 'removed'
              ? html`<del aria-label="${t('removed')}">${part.text}</del>`
              : html`<ins aria-label="${t('added')}">${part.text}</ins>`,
      )}</pre>`
    : html`<p>${t('diffNone')}</p>`
}
</section>
${
  view.decisions.length
    ? html`<section aria-labelledby="history-title"><h2 id="history-title">${t('history')}</h2><ul>${view.decisions.map(
        (d) =>
          html`<li><time datetime="${d.decidedAt.toISOString()}">${d.decidedAt.toISOString()}</time> · ${t(`status.${d.status}`)} · ${d.reviewer}${d.note ? html` — ${d.note}` : ''}</li>`,
      )}</ul></section>`
    : ''
}
<section aria-labelledby="decide-title">
<h2 id="decide-title">${t('decideTitle')}</h2>
${
  view.own
    ? html`<p>${t('ownSubmission')}</p>`
    : !view.canDecide
      ? html`<p>${t('notAllowed')}</p>`
      : s.status === 'pending'
        ? html`<form method="post" action="${base}/decide">${csrfField(ctx)}
<label for="decision-note">${t('note')}</label>
<textarea id="decision-note" name="note" data-sp="decision-note" maxlength="2000"></textarea>
<p>${DECISIONS.map(
            (decision) =>
              html`<button type="submit" name="decision" value="${decision}" data-sp="decide" data-decision="${decision}">${t(`decide.${decision}`)}</button>`,
          )}</p></form>`
        : html`<p>${t('alreadyDecided')}</p>
<form method="post" action="${base}/reopen">${csrfField(ctx)}<button type="submit" data-sp="reopen">${t('reopen')}</button></form>`
}
</section>`,
  );
}
