import { html } from 'hono/html';
import { type Html, notice, type PageContext, page } from './layout';

export function loginPage(
  ctx: PageContext,
  input: { formToken: string; error?: string; user?: string; insecure?: boolean },
): Html {
  const { t } = ctx;
  return page(
    ctx,
    t('loginTitle'),
    html`${notice(input.insecure ? t('needsHttps') : undefined, 'error')}${notice(input.error, 'error')}
<form method="post" action="/review/login">
  <input type="hidden" name="_csrf" value="${input.formToken}" />
  <label for="login-user">${t('user')}</label>
  <input id="login-user" name="user" data-sp="login-user" autocomplete="username" required value="${input.user ?? ''}" />
  <label for="login-password">${t('password')}</label>
  <input id="login-password" name="password" type="password" data-sp="login-password" autocomplete="current-password" required />
  <p><button type="submit" data-sp="login-submit">${t('signIn')}</button></p>
</form>`,
  );
}
