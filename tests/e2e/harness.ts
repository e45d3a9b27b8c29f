/**
 * The end-to-end harness: Chromium (Playwright) with the built Satu Pintu extension, the look-alike
 * composer pages served on the platforms' real origins, and helpers to drive them like an admin.
 *
 * Typical test:
 * ```ts
 * const sp = await launchExtension();          // fixtures routed, everything else aborted
 * const page = await sp.context.newPage();
 * const editor = await openFacebookComposer(page);
 * await typeLikeAUser(page, editor, 'Halo\nKalbar');
 * expect(await fixtureState(page)).toMatchObject({ caption: 'Halo\nKalbar' });
 * await sp.close();
 * ```
 * The launch and routing code lives in plain JS (harness/launch.mjs, ../fixtures/routes.mjs) so
 * `node scripts/demo.mjs` shares it; this file adds the types and the page helpers.
 */
import type { BrowserContext, Locator, Page, Request, Route } from 'playwright-core';
import { FIXTURE_URLS, routeFixtures as routeFixturePages } from '../fixtures/routes.mjs';
import type { FixtureApi } from '../fixtures/src/fixture-api';
import {
  type LaunchedExtension,
  type LaunchOptions,
  launchExtension as launchWithExtension,
} from './harness/launch.mjs';

export * from './harness/composers';
export type { LaunchedExtension, LaunchOptions };
export { FIXTURE_URLS };

export type FixtureLang = 'id' | 'en';
export type FixtureState = ReturnType<FixtureApi['state']>;

/**
 * Starts Chromium (`--headless=new`) with the unpacked extension (SP_EXTENSION_DIR, default
 * `.output/chrome-mv3`) in a persistent profile, routes the look-alike pages on
 * https://www.facebook.com, https://www.instagram.com and https://studio.youtube.com and aborts
 * every other request (chrome-extension:// is left alone). Resolves once the background service
 * worker runs; `extensionId` comes from its URL. The options tab that the install opens is closed
 * before this resolves (`keepOnboardingTab: true` keeps it). Note: Chromium fires
 * `runtime.onInstalled` with reason 'install' on EVERY start of a `--load-extension` extension,
 * so a reused profile sees the onboarding again too.
 *
 * Restart test: `const a = await launchExtension(); await a.close({ keepProfile: true });
 * const b = await launchExtension({ userDataDir: a.userDataDir });` (then `b.close()` deletes it
 * only if you pass a dir you made yourself — delete it yourself then).
 *
 * Chromium: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's Chromium; throws with
 * install instructions if there is none.
 */
export function launchExtension(opts?: LaunchOptions): Promise<LaunchedExtension> {
  return launchWithExtension(opts);
}

/** The extension API evaluated inside the service worker (no @types/chrome in this project). */
declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };

/** The admin has chosen an agency, as on the options page (stored settings, the first version). */
export async function chooseAgency(sp: LaunchedExtension, agencyId = 'setda'): Promise<void> {
  await sp.serviceWorker.evaluate(async (id) => {
    await chrome.storage.local.set({ settings: { schemaVersion: 1, identity: { agencyId: id } } });
  }, agencyId);
}

/**
 * Routes the look-alike pages and aborts every other request in `context` (idempotent;
 * launchExtension already does it). Builds tests/fixtures/dist first when missing or stale.
 */
export function routeFixtures(context: BrowserContext): Promise<void> {
  return routeFixturePages(context);
}

/** The URL of a look-alike page, with `?lang=en` for the English labels. */
export function fixtureUrl(name: keyof typeof FIXTURE_URLS, lang: FixtureLang = 'id'): string {
  if (lang !== 'en') return FIXTURE_URLS[name];
  // Some look-alike URLs carry a query already (e.g. Instagram's multi-step flow).
  const url = new URL(FIXTURE_URLS[name]);
  url.searchParams.set('lang', 'en');
  return url.href;
}

async function gotoFixture(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__fixture !== undefined);
  await page.evaluate(() => window.__fixture?.ready);
}

/**
 * Opens the Facebook feed and its composer like an admin: clicks "Apa yang Anda pikirkan,
 * Admin?" ("What's on your mind, Admin?" with lang 'en') and waits for the late-mounted dialog's
 * Lexical textbox, which Facebook focuses (so the sidebar mounts). Returns the textbox.
 */
export async function openFacebookComposer(page: Page, opts: { lang?: FixtureLang } = {}): Promise<Locator> {
  const lang = opts.lang ?? 'id';
  await gotoFixture(page, fixtureUrl('facebook', lang));
  const prompt = lang === 'en' ? "What's on your mind, Admin?" : 'Apa yang Anda pikirkan, Admin?';
  await page.getByRole('button', { name: prompt }).click();
  const textbox = page.locator('div[role="dialog"] div[role="textbox"][data-lexical-editor="true"]');
  await textbox.waitFor({ state: 'visible' });
  return textbox;
}

/**
 * Opens Instagram's home and clicks "Buat" ("Create"): the URL changes by history.pushState to
 * /create/ (no reload) and the "Buat postingan baru" dialog mounts late. Returns the caption
 * textbox (not focused: click or type into it). `direct: true` loads /create/ instead;
 * `fromCurrentPage: true` clicks "Buat" on the Instagram page already open (no page load first).
 */
export async function openInstagramComposer(
  page: Page,
  opts: { lang?: FixtureLang; direct?: boolean; fromCurrentPage?: boolean } = {},
): Promise<Locator> {
  const lang = opts.lang ?? 'id';
  if (opts.direct) {
    await gotoFixture(page, fixtureUrl('instagramCreate', lang));
  } else {
    if (!opts.fromCurrentPage) await gotoFixture(page, fixtureUrl('instagram', lang));
    await page.getByRole('link', { name: lang === 'en' ? 'Create' : 'Buat', exact: true }).click();
    await page.waitForURL(/\/create\/$|\/create\/\?/);
  }
  const caption = page.locator('[role="dialog"] div[role="textbox"][contenteditable="true"]');
  await caption.waitFor({ state: 'visible' });
  return caption;
}

/** The YouTube Studio upload dialog's fields (`tags` only after "Show more"). */
export interface YouTubeUpload {
  title: Locator;
  description: Locator;
  /** `#tags-container #text-input`; present once showMore has run. */
  tags: Locator;
  /** Clicks "Tampilkan lainnya"/"Show more" and waits for the tags input. */
  showMore(): Promise<void>;
}

/**
 * Opens YouTube Studio, clicks BUAT (CREATE) → "Upload video", waits for the late-mounted
 * `ytcp-uploads-dialog`, and returns its fields. `showMore: true` also reveals the tags input.
 * No field is focused: click or type into one.
 */
export async function openYouTubeUpload(
  page: Page,
  opts: { lang?: FixtureLang; showMore?: boolean } = {},
): Promise<YouTubeUpload> {
  const lang = opts.lang ?? 'id';
  await gotoFixture(page, fixtureUrl('youtube', lang));
  await page.locator('ytcp-button#create-icon').click();
  await page.locator('tp-yt-paper-item#text-item-0').click();
  const dialog = page.locator('ytcp-uploads-dialog');
  const title = dialog.locator('#title-textarea #textbox');
  await title.waitFor({ state: 'visible' });
  const tags = dialog.locator('#tags-container #text-input');
  const upload: YouTubeUpload = {
    title,
    description: dialog.locator('#description-textarea #textbox'),
    tags,
    showMore: async () => {
      if (await tags.isVisible()) return;
      await dialog.locator('ytcp-button#toggle-button').click();
      await tags.waitFor({ state: 'visible' });
    },
  };
  if (opts.showMore) await upload.showMore();
  return upload;
}

/**
 * The app's own view of the draft, read in the page's main world: Facebook/Instagram
 * `{caption, posted}` (caption = Lexical paragraphs joined by "\n", from the editor state),
 * YouTube `{title, description, tags}` from the app model, unknown page `{caption, posted}`.
 */
export async function fixtureState(page: Page): Promise<FixtureState> {
  await page.waitForFunction(() => window.__fixture !== undefined);
  return page.evaluate(() => {
    const fixture = window.__fixture;
    if (!fixture) throw new Error('not a look-alike page: window.__fixture is missing');
    return fixture.state();
  });
}

/** Lexical's raw root text (paragraphs joined by "\n\n") on the Facebook/Instagram pages. */
export async function lexicalText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const fixture = window.__fixture;
    if (!fixture?.lexicalText) throw new Error('this look-alike page has no Lexical editor');
    return fixture.lexicalText();
  });
}

/** Opens the popup page (popup.html) in a new tab and waits for it to render. */
export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  return openExtensionPage(context, extensionId, 'popup.html');
}

/** Opens the options page (options.html) in a new tab and waits for it to render. */
export async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  return openExtensionPage(context, extensionId, 'options.html');
}

async function openExtensionPage(context: BrowserContext, extensionId: string, file: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${file}`);
  await page.locator('#app > *').first().waitFor();
  return page;
}

/**
 * The in-page sidebar's host element `<satu-pintu-sidebar>`. Playwright's CSS engine pierces open
 * shadow roots, so `sidebar(page).locator('[data-sp="verdict"]')` finds elements inside it.
 */
export function sidebar(page: Page): Locator {
  return page.locator('satu-pintu-sidebar');
}

/** True when the page has a `<satu-pintu-sidebar>` whose shadow root is open (readable from the page). */
export async function sidebarHasOpenShadowRoot(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const host = document.querySelector('satu-pintu-sidebar');
    return host !== null && host.shadowRoot !== null;
  });
}

/** A canned response for serveUrl. */
export interface StaticResponse {
  status?: number;
  contentType?: string;
  headers?: Record<string, string>;
  body: string | Buffer;
}
export type ServeHandler = StaticResponse | ((route: Route, request: Request) => Promise<void> | void);

/**
 * Serves `url` (exact string, glob or RegExp, as in `context.route`) inside `context`, for pages
 * and the extension's service worker alike — e.g. a library bundle at an https URL. Takes
 * precedence over the catch-all abort. Returns a function that removes the route again.
 */
export async function serveUrl(
  context: BrowserContext,
  url: string | RegExp,
  handler: ServeHandler,
): Promise<() => Promise<void>> {
  const routeHandler =
    typeof handler === 'function'
      ? (route: Route) => handler(route, route.request())
      : (route: Route) =>
          route.fulfill({
            status: handler.status ?? 200,
            contentType: handler.contentType,
            headers: handler.headers,
            body: handler.body,
          });
  await context.route(url, routeHandler);
  return () => context.unroute(url, routeHandler);
}

/**
 * Types `text` into `locator` with the keyboard, as an admin would: clicks the field first unless
 * it already has focus (so the caret stays where it is), and presses Enter for each newline.
 */
export async function typeLikeAUser(page: Page, locator: Locator, text: string): Promise<void> {
  const focused = await locator.evaluate(
    (element) => element === document.activeElement || element.contains(document.activeElement),
  );
  if (!focused) await locator.click();
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    if (line) await page.keyboard.type(line);
  }
}
