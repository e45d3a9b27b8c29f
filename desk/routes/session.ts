import type { Context, Hono, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { DeskConfig, DeskEnv } from '../context';
import { recordAudit } from '../store/audit';
import { newSecret } from '../store/secrets';
import { checkLogin, createSession, endSession, SESSION_MS, sessionUser } from '../store/users';
import type { PageContext } from '../views/layout';
import { loginPage } from '../views/login';
import { DESK_LANGS, type DeskLang, translator } from '../views/messages';

export const SESSION_COOKIE = 'sp_session';
const LOGIN_COOKIE = 'sp_login';
const LANG_COOKIE = 'sp_lang';

export function pageContext(c: Context<DeskEnv>): PageContext {
  const url = new URL(c.req.url);
  const lang = c.get('lang');
  return {
    lang,
    t: translator(lang),
    path: `${url.pathname}${url.search}`,
    ...(c.get('user') ? { user: c.get('user'), csrf: c.get('csrf') } : {}),
  };
}

/** Bahasa Indonesia unless `?lang=en` (remembered in a cookie) or the cookie says otherwise. */
export function languageMiddleware(): MiddlewareHandler<DeskEnv> {
  return async (c, next) => {
    const asked = c.req.query('lang');
    const remembered = getCookie(c, LANG_COOKIE);
    const lang = [asked, remembered].find((value): value is DeskLang =>
      (DESK_LANGS as readonly string[]).includes(value ?? ''),
    );
    c.set('lang', lang ?? 'id');
    if (asked && lang === asked)
      setCookie(c, LANG_COOKIE, lang, { path: '/', sameSite: 'Lax', maxAge: 365 * 86_400 });
    await next();
  };
}

/**
 * Cross-site requests are refused before anything else: a POST whose Origin is another site, or
 * that the browser marks `Sec-Fetch-Site: cross-site`, never reaches a handler.
 */
export function sameOriginPosts(): MiddlewareHandler<DeskEnv> {
  return async (c, next) => {
    if (c.req.method === 'POST') {
      const origin = c.req.header('origin');
      const host = c.req.header('host') ?? new URL(c.req.url).host;
      const crossSite = c.req.header('sec-fetch-site') === 'cross-site';
      let foreign = false;
      if (origin) {
        try {
          foreign = origin === 'null' || new URL(origin).host !== host;
        } catch {
          foreign = true;
        }
      }
      if (foreign || crossSite) return c.text('cross-site request refused', 403);
    }
    await next();
  };
}

/** Pages behind the login: a valid session, and on every POST the session's CSRF token. */
export function requireSession(config: DeskConfig): MiddlewareHandler<DeskEnv> {
  const now = config.now ?? (() => new Date());
  return async (c, next) => {
    if (c.req.path === '/review/login') return next();
    const id = getCookie(c, SESSION_COOKIE);
    const session = id ? await sessionUser(config.db, id, now()) : null;
    if (!session) {
      if (c.req.method === 'GET') return c.redirect('/review/login', 303);
      return c.text('sign in first', 401);
    }
    c.set('user', session.user);
    c.set('csrf', session.csrf);
    if (c.req.method === 'POST') {
      const form = await c.req.parseBody();
      if (form._csrf !== session.csrf) {
        return c.html(translator(c.get('lang'))('formExpired'), 403);
      }
    }
    await next();
  };
}

/**
 * Whether the browser will keep a Secure cookie from this address: https (directly or behind a TLS
 * proxy that says so), or a loopback address, which browsers treat as secure.
 */
function secureContext(c: Context<DeskEnv>): boolean {
  const url = new URL(c.req.url);
  if (url.protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https') return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export function mountLogin(app: Hono<DeskEnv>, config: DeskConfig): void {
  const now = config.now ?? (() => new Date());
  const secure = config.secureCookies ?? true;
  const cookie = { path: '/', httpOnly: true, secure, sameSite: 'Strict' as const };

  app.get('/review/login', (c) => {
    const formToken = newSecret();
    setCookie(c, LOGIN_COOKIE, formToken, { ...cookie, maxAge: 3600 });
    return c.html(loginPage(pageContext(c), { formToken, insecure: secure && !secureContext(c) }));
  });

  app.post('/review/login', async (c) => {
    const form = await c.req.parseBody();
    const t = translator(c.get('lang'));
    const formToken = getCookie(c, LOGIN_COOKIE);
    // Login CSRF: the form's token must be the one this browser got with the form.
    if (!formToken || form._csrf !== formToken) return c.html(t('formExpired'), 403);
    const user = typeof form.user === 'string' ? form.user.trim().slice(0, 200) : '';
    const password = typeof form.password === 'string' ? form.password.slice(0, 1000) : '';
    const result = await checkLogin(config.db, user, password, now());
    if (!result.ok) {
      const error = result.reason === 'locked' ? t('loginLocked') : t('loginInvalid');
      return c.html(
        loginPage(pageContext(c), { formToken, error, user }),
        result.reason === 'locked' ? 429 : 401,
      );
    }
    const session = await createSession(config.db, result.user.id, now());
    deleteCookie(c, LOGIN_COOKIE, { path: '/' });
    setCookie(c, SESSION_COOKIE, session.id, { ...cookie, maxAge: SESSION_MS / 1000 });
    return c.redirect('/review', 303);
  });

  app.post('/review/logout', async (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    if (id) await endSession(config.db, id);
    await recordAudit(config.db, { actor: c.get('user').username, action: 'logout' });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/review/login', 303);
  });
}
