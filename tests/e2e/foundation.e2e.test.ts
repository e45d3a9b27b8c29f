import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  fixtureState,
  fixtureUrl,
  type LaunchedExtension,
  launchExtension,
  lexicalText,
  openFacebookComposer,
  openInstagramComposer,
  openOptions,
  openPopup,
  openYouTubeUpload,
  serveUrl,
  sidebar,
  sidebarHasOpenShadowRoot,
  typeLikeAUser,
} from './harness';

let sp: LaunchedExtension;
const pages: Page[] = [];

async function newPage(): Promise<Page> {
  const page = await sp.context.newPage();
  pages.push(page);
  return page;
}

beforeAll(async () => {
  sp = await launchExtension();
});

afterEach(async () => {
  for (const page of pages.splice(0)) await page.close();
});

afterAll(async () => {
  await sp?.close();
});

describe('the extension loads', () => {
  it('has a background service worker and an extension id', () => {
    expect(sp.extensionId).toMatch(/^[a-p]{32}$/);
    expect(sp.serviceWorker.url()).toBe(`chrome-extension://${sp.extensionId}/background.js`);
  });

  it('opens the popup page with its Satu Pintu heading', async () => {
    const popup = await openPopup(sp.context, sp.extensionId);
    await expect.poll(() => popup.getByRole('heading', { level: 1 }).textContent()).toContain('Satu Pintu');
    await popup.close();
  });

  it('opens the options page with its Satu Pintu heading', async () => {
    const options = await openOptions(sp.context, sp.extensionId);
    await expect.poll(() => options.getByRole('heading', { level: 1 }).textContent()).toContain('Satu Pintu');
    await options.close();
  });
});

describe('focusing a composer mounts <satu-pintu-sidebar> with an open shadow root', () => {
  it('Facebook: the late-mounted Lexical dialog', async () => {
    const page = await newPage();
    await page.goto(fixtureUrl('facebook'));
    await page.waitForFunction(() => window.__fixture !== undefined);
    // Nothing before the composer exists: the sidebar is for composers, not for every page.
    expect(await sidebar(page).count()).toBe(0);
    const editor = await openFacebookComposer(page);
    await expect.poll(() => editor.evaluate((element) => element === document.activeElement)).toBe(true);
    await sidebar(page).waitFor({ state: 'attached' });
    expect(await sidebarHasOpenShadowRoot(page)).toBe(true);
    expect(await sidebar(page).count()).toBe(1);
  });

  it('Instagram: the caption reached by pushState navigation, without a reload', async () => {
    const page = await newPage();
    await page.goto(fixtureUrl('instagram'));
    await page.waitForFunction(() => window.__fixture !== undefined);
    // A marker in the main world survives only if the page is not reloaded.
    await page.evaluate(() => {
      (window as Window & { __noReload?: boolean }).__noReload = true;
    });
    const caption = await openInstagramComposer(page, { fromCurrentPage: true });
    expect(new URL(page.url()).pathname).toBe('/create/');
    expect(await page.evaluate(() => (window as Window & { __noReload?: boolean }).__noReload)).toBe(true);
    expect(await sidebar(page).count()).toBe(0);
    await caption.click();
    await sidebar(page).waitFor({ state: 'attached' });
    expect(await sidebarHasOpenShadowRoot(page)).toBe(true);
  });

  it('Instagram: /create/ loaded directly, English labels', async () => {
    const page = await newPage();
    const caption = await openInstagramComposer(page, { direct: true, lang: 'en' });
    expect(await caption.getAttribute('aria-label')).toBe('Write a caption…');
    await caption.click();
    await sidebar(page).waitFor({ state: 'attached' });
    expect(await sidebarHasOpenShadowRoot(page)).toBe(true);
  });

  for (const field of ['title', 'description', 'tags'] as const) {
    it(`YouTube Studio: the upload dialog's ${field}`, async () => {
      const page = await newPage();
      const upload = await openYouTubeUpload(page, { showMore: field === 'tags' });
      expect(await sidebar(page).count()).toBe(0);
      await upload[field].click();
      await sidebar(page).waitFor({ state: 'attached' });
      expect(await sidebarHasOpenShadowRoot(page)).toBe(true);
    });
  }

  it('YouTube Studio: the video details page (no dialog), English labels', async () => {
    const page = await newPage();
    await page.goto(fixtureUrl('youtubeDetails', 'en'));
    const title = page.locator('ytcp-video-details-section #title-textarea #textbox');
    expect(await title.getAttribute('aria-label')).toBe(
      'Add a title that describes your video (type @ to mention a channel)',
    );
    await title.click();
    await sidebar(page).waitFor({ state: 'attached' });
    expect(await sidebarHasOpenShadowRoot(page)).toBe(true);
  });
});

describe('the look-alike pages keep their own model (fixture self-test)', () => {
  it('Facebook: typed paragraphs reach the Lexical editor state', async () => {
    const page = await newPage();
    const editor = await openFacebookComposer(page, { lang: 'en' });
    expect(await editor.getAttribute('aria-label')).toBe("What's on your mind, Admin?");
    await typeLikeAUser(page, editor, 'Selamat pagi Kalbar\nBaris kedua');
    await expect
      .poll(() => fixtureState(page))
      .toEqual({ caption: 'Selamat pagi Kalbar\nBaris kedua', posted: [] });
    expect(await lexicalText(page)).toBe('Selamat pagi Kalbar\n\nBaris kedua');
    expect(await editor.locator('p').count()).toBe(2);
    await page.getByRole('button', { name: 'Post' }).click();
    await expect
      .poll(() => fixtureState(page))
      .toEqual({ caption: '', posted: ['Selamat pagi Kalbar\nBaris kedua'] });
  });

  it('Facebook: Lexical takes a synthetic multi-line paste and a one-line execCommand, as on the real site', async () => {
    const page = await newPage();
    const editor = await openFacebookComposer(page);
    await editor.evaluate((element) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'Baris satu\nBaris dua');
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    await expect.poll(() => fixtureState(page)).toMatchObject({ caption: 'Baris satu\nBaris dua' });
    await editor.evaluate(() => document.execCommand('insertText', false, ' #KalbarMaju'));
    await expect
      .poll(() => fixtureState(page))
      .toMatchObject({ caption: 'Baris satu\nBaris dua #KalbarMaju' });
    // A DOM write that bypasses Lexical never reaches the editor state.
    await editor.evaluate((element) => {
      element.append(document.createTextNode('diam-diam'));
    });
    expect((await fixtureState(page)).caption).toBe('Baris satu\nBaris dua #KalbarMaju');
  });

  it('Instagram: typed caption reaches the Lexical editor state', async () => {
    const page = await newPage();
    const caption = await openInstagramComposer(page);
    expect(await caption.getAttribute('aria-label')).toBe('Tulis keterangan...');
    await typeLikeAUser(page, caption, 'Kalbar maju\n#kalbar');
    await expect.poll(() => fixtureState(page)).toEqual({ caption: 'Kalbar maju\n#kalbar', posted: [] });
    expect(await page.locator('.ig-counter').textContent()).toBe('19/2.200');
  });

  it('YouTube Studio: the model follows input events only; tags commit on comma and Enter', async () => {
    const page = await newPage();
    const upload = await openYouTubeUpload(page, { showMore: true });
    await typeLikeAUser(page, upload.title, 'Rapat koordinasi');
    await typeLikeAUser(page, upload.description, 'Baris satu\nBaris dua');
    await typeLikeAUser(page, upload.tags, 'kalbar,pemprov kalbar\n');
    await expect
      .poll(() => fixtureState(page))
      .toEqual({
        title: 'Rapat koordinasi',
        description: 'Baris satu\nBaris dua',
        tags: ['kalbar', 'pemprov kalbar'],
      });
    expect(await page.locator('ytcp-chip').allTextContents()).toEqual(['kalbar×', 'pemprov kalbar×']);

    // Setting the DOM alone is lost: the model keeps the typed title although the DOM changed.
    await upload.title.evaluate((element) => {
      element.textContent = 'Diganti diam-diam';
    });
    expect(await upload.title.textContent()).toBe('Diganti diam-diam');
    expect((await fixtureState(page)).title).toBe('Rapat koordinasi');
    // The same DOM change followed by an input event is what the app registers.
    await upload.title.evaluate((element) =>
      element.dispatchEvent(new InputEvent('input', { bubbles: true })),
    );
    expect((await fixtureState(page)).title).toBe('Diganti diam-diam');
  });

  it('the unrecognisable composer is a plain textarea with its own state', async () => {
    const page = await newPage();
    await page.goto(fixtureUrl('unknown'));
    await typeLikeAUser(page, page.locator('textarea'), 'Halo\ndunia');
    expect(await fixtureState(page)).toEqual({ caption: 'Halo\ndunia', posted: [] });
  });
});

describe('network stays on this machine', () => {
  it('aborts requests nobody routed, from pages and from the service worker', async () => {
    const page = await newPage();
    await page.goto(fixtureUrl('facebook'));
    const fromPage = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    expect(fromPage).toBe('blocked');
    const fromWorker = await sp.serviceWorker.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    expect(fromWorker).toBe('blocked');
  });

  it('serveUrl serves an https URL to pages and to the service worker, until removed', async () => {
    const url = 'https://library.satu-pintu.test/bundle.json';
    const remove = await serveUrl(sp.context, url, {
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: '{"served":true}',
    });
    const page = await newPage();
    await page.goto(fixtureUrl('facebook'));
    const read = (target: string) => fetch(target).then((response) => response.text());
    expect(await page.evaluate(read, url)).toBe('{"served":true}');
    expect(await sp.serviceWorker.evaluate(read, url)).toBe('{"served":true}');
    await remove();
    await expect(page.evaluate(read, url)).rejects.toThrow();
  });
});

describe('a restart on the same profile', () => {
  it('keeps the extension id and the extension storage', async () => {
    const first = await launchExtension({ keepOnboardingTab: true });
    // A fresh install opens the options page (the admin chooses the agency there).
    expect(first.context.pages().some((page) => page.url().endsWith('/options.html'))).toBe(true);
    await first.serviceWorker.evaluate(() =>
      (globalThis as unknown as ChromeGlobal).chrome.storage.local.set({ 'e2e-restart-marker': 'kept' }),
    );
    await first.close({ keepProfile: true });
    const second = await launchExtension({ userDataDir: first.userDataDir });
    try {
      expect(second.extensionId).toBe(first.extensionId);
      const stored = await second.serviceWorker.evaluate(() =>
        (globalThis as unknown as ChromeGlobal).chrome.storage.local.get('e2e-restart-marker'),
      );
      expect(stored).toEqual({ 'e2e-restart-marker': 'kept' });
      const page = await second.context.newPage();
      await openFacebookComposer(page);
      await sidebar(page).waitFor({ state: 'attached' });
      expect(await sidebarHasOpenShadowRoot(page)).toBe(true);
    } finally {
      await second.close();
      await rm(first.userDataDir, { recursive: true, force: true });
    }
  });
});

/** The part of the service worker's `chrome` namespace used here (the tests have no chrome types). */
interface ChromeGlobal {
  chrome: {
    storage: {
      local: {
        get(key: string): Promise<Record<string, unknown>>;
        set(items: Record<string, unknown>): Promise<void>;
      };
    };
  };
}
