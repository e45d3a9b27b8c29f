import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { User } from '../store/users';
import type { DeskLang, Translate } from './messages';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PageContext {
  lang: DeskLang;
  t: Translate;
  /** The current path and query, for the language switch. */
  path: string;
  user?: User;
  csrf?: string;
}

/** `?lang=` added to (or replaced in) the current address. */
export function withLang(path: string, lang: DeskLang): string {
  const url = new URL(path, 'http://desk.invalid');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}

export function csrfField(ctx: PageContext): Html {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrf ?? ''}" />`;
}

/** A status message people using a screen reader hear when the page loads. */
export function notice(text: string | undefined, kind: 'ok' | 'error' = 'ok'): Html | '' {
  if (!text) return '';
  return html`<p class="notice ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${text}</p>`;
}

export function page(ctx: PageContext, title: string, body: Html): Html {
  const { t, user } = ctx;
  const other: DeskLang = ctx.lang === 'id' ? 'en' : 'id';
  return html`<!doctype html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title} · ${t('appName')}</title>
<link rel="stylesheet" href="/desk.css" />
</head>
<body>
<a class="skip" href="#main">${t('skip')}</a>
<header>
  <p class="brand">${t('appName')}</p>
  <nav aria-label="${t('navigation')}">
    ${
      user
        ? html`<a href="/review">${t('queueTitle')}</a>
    <a href="/review/library">${t('library')}</a>
    <a href="/review/board">${t('board')}</a>
    <a href="/review/audit.csv">${t('audit')}</a>`
        : ''
    }
    <a href="${withLang(ctx.path, other)}" lang="${other}" hreflang="${other}">${t('otherLang')}</a>
    ${
      user
        ? html`<span>${t('signedInAs', user.displayName, t(`role.${user.role}`))}</span>
    <form method="post" action="/review/logout" class="inline">${csrfField(ctx)}<button type="submit">${t('signOut')}</button></form>`
        : ''
    }
  </nav>
</header>
<main id="main" tabindex="-1">
<h1>${title}</h1>
${body}
</main>
</body>
</html>`;
}

/** Plain, readable, high-contrast styles; focus is always visible. */
export const DESK_CSS = `
:root { font-family: system-ui, sans-serif; line-height: 1.5; color: #1b1b1b; background: #fff; }
body { margin: 0; }
header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between;
  padding: .5rem 1rem; background: #0b3d6e; color: #fff; }
header a { color: #fff; }
header button { color: #fff; background: transparent; border: 1px solid #fff; border-radius: 3px; }
nav { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
.brand { font-weight: 700; margin: 0; }
main { max-width: 70rem; margin: 0 auto; padding: 1rem; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; color: #000; padding: .5rem; z-index: 1; }
:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .4rem; border-bottom: 1px solid #ccc; vertical-align: top; }
.notice { padding: .5rem 1rem; border-left: 4px solid #1a7f37; background: #eef8f0; }
.notice.error { border-color: #b42318; background: #fdeceb; }
pre.text { white-space: pre-wrap; word-break: break-word; background: #f6f6f6; padding: .75rem; }
del { background: #fdeceb; color: #8a1c12; }
ins { background: #e6f4ea; color: #0f5223; text-decoration: underline; }
form.inline { display: inline; }
label { display: block; margin-top: .5rem; font-weight: 600; }
textarea { width: 100%; min-height: 6rem; font: inherit; }
textarea.source { min-height: 24rem; font-family: ui-monospace, monospace; }
button { font: inherit; padding: .4rem .9rem; margin: .25rem .25rem .25rem 0; cursor: pointer; }
fieldset { border: 1px solid #ccc; margin: 1rem 0; }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; }
.filters label { margin: 0; }
`;
