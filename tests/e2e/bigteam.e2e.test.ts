import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LibraryBundle, LibraryBundleSchema } from '@/lib/library/schema';
import { generateKeyPair, signBytes } from '@/lib/library/signature';
import {
  composerUrl,
  findingCategories,
  fixtureState,
  gotoComposerPage,
  type LaunchedExtension,
  launchExtension,
  lexicalBox,
  openFacebookComposer,
  openOptions,
  openPopup,
  serveUrl,
  sidebar,
  typeLikeAUser,
} from './harness';

/**
 * The big team in the extension: the bureau's request to share, signed into a new library, shows
 * in the sidebar after sync; inserted and posted with the look-alike's own post button, it is done
 * in the popup. A comment box is checked as a reply and offered the approved reply templates, the
 * PPID's contact filled from the agency. The commitment is made on the options page.
 */
const LIBRARY_URL = 'https://www.facebook.com/__satu-pintu-bigteam-e2e__/kalbar.json';
const AGENCY = 'setda';
const REQUEST_ID = 'e2e-hari-jadi-kalbar';
const CAPTION_TEXT =
  'Selamat Hari Jadi Provinsi Kalimantan Barat. Mari bersama membangun Kalimantan Barat yang maju.';
const TEMPLATE_ID = 'e2e-informasi-ppid';

/** The extension API evaluated inside the service worker (no @types/chrome in this project). */
declare const chrome: {
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
  };
};

let sp: LaunchedExtension;
let bundle: LibraryBundle;

beforeAll(async () => {
  sp = await launchExtension();
  await sp.serviceWorker.evaluate(async (agencyId) => {
    await chrome.storage.local.set({
      settings: {
        schemaVersion: 1,
        identity: { agencyId, adminName: 'Rina Admin', adminRole: 'Pranata Humas' },
      },
    });
  }, AGENCY);

  // The bureau: the embedded library one version up, with a request to share and a reply template.
  const embedded = LibraryBundleSchema.parse(
    JSON.parse(await readFile(join(import.meta.dirname, '../../public/library/kalbar.json'), 'utf8')),
  );
  const base = embedded.captions[0];
  if (!base) throw new Error('the embedded library has no caption');
  bundle = {
    ...embedded,
    version: embedded.version + 1,
    captions: [
      ...embedded.captions,
      {
        ...base,
        id: 'e2e-hari-jadi',
        title: 'Hari Jadi Kalbar',
        text: CAPTION_TEXT,
        platforms: ['facebook'],
        agencies: [],
      },
    ],
    requests: [
      ...embedded.requests,
      {
        id: REQUEST_ID,
        title: 'Hari Jadi Kalbar (uji)',
        captionId: 'e2e-hari-jadi',
        agencies: [],
        platforms: ['facebook'],
        from: '2020-01-01',
        until: '2099-12-31',
        priority: 'high',
      },
    ],
    replyTemplates: [
      ...embedded.replyTemplates,
      {
        id: TEMPLATE_ID,
        title: 'Informasi publik (uji)',
        situation: 'information',
        platforms: [],
        text: 'Terima kasih, {{user}}. Silakan hubungi {{ppid.name}} melalui {{ppid.contact}}.',
      },
    ],
  };
  const keys = await generateKeyPair();
  const body = Buffer.from(`${JSON.stringify(bundle, null, 2)}\n`);
  await serveUrl(sp.context, `${LIBRARY_URL}.sig`, { body: await signBytes(body, keys.privateJwk) });
  await serveUrl(sp.context, LIBRARY_URL, { contentType: 'application/json', body });
  const options = await openOptions(sp.context, sp.extensionId);
  await options.locator('[data-sp="library-url"]').fill(LIBRARY_URL);
  await options.locator('[data-sp="library-key"]').fill(JSON.stringify(keys.publicJwk));
  await options.locator('[data-sp="save"]').click();
  // expect.poll is for tests only: wait here until the background took the new version.
  const deadline = Date.now() + 30_000;
  let version: number | null = null;
  while (version !== bundle.version && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    version = await sp.serviceWorker.evaluate(async () => {
      const { libraryStatus } = await chrome.storage.local.get('libraryStatus');
      return (libraryStatus as { version: number | null } | undefined)?.version ?? null;
    });
  }
  if (version !== bundle.version) throw new Error(`the signed library was not taken (version ${version})`);
  await options.close();
}, 120_000);

afterAll(async () => {
  await sp?.close();
});

/** Instagram's comment box as its Lexical editor holds it (the look-alike's own state). */
function commentText(page: Page): Promise<string> {
  return page.evaluate(() => window.__fixture?.commentText?.() ?? '');
}

function inSidebar(page: Page, selector: string) {
  return sidebar(page).locator(selector);
}

async function popupRequestStatus(popup: Page): Promise<string | null> {
  await popup.reload();
  const item = popup.locator(`[data-sp="request"][data-request-id="${REQUEST_ID}"]`);
  await item.waitFor({ timeout: 20_000 });
  return item.getAttribute('data-status');
}

describe('amplification requests', () => {
  it('a signed request shows in the sidebar, inserts, and the post button marks it done in the popup', async () => {
    const popup = await openPopup(sp.context, sp.extensionId);
    expect(await popupRequestStatus(popup)).toBe('open');

    const page = await sp.context.newPage();
    await openFacebookComposer(page);
    const insertRequest = async () => {
      const request = inSidebar(page, `[data-sp="request"][data-request-id="${REQUEST_ID}"]`);
      await request.waitFor({ timeout: 30_000 });
      expect(await request.getAttribute('data-status')).toBe('open');
      await request.locator('[data-sp="insert"]').click();
      await expect
        .poll(async () => (await fixtureState(page)).caption, { timeout: 20_000 })
        .toBe(CAPTION_TEXT);
    };
    await insertRequest();

    // A page script's click is not the admin posting: the look-alike posts, nothing is recorded.
    await page.evaluate(() => {
      const post = document.querySelector<HTMLElement>(
        'div[role="dialog"] [role="button"][aria-label="Posting"]',
      );
      post?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    await expect
      .poll(async () => (await fixtureState(page)).posted, { timeout: 20_000 })
      .toEqual([CAPTION_TEXT]);
    await page.waitForTimeout(1_000);
    expect(await popupRequestStatus(popup)).toBe('open');

    await openFacebookComposer(page);
    await insertRequest();
    // The admin presses the platform's own "Posting" button (a trusted click).
    await page.locator('div[role="dialog"] [role="button"][aria-label="Posting"]').click();
    await expect
      .poll(async () => (await fixtureState(page)).posted, { timeout: 20_000 })
      .toEqual([CAPTION_TEXT]);
    await expect.poll(() => popupRequestStatus(popup), { timeout: 30_000 }).toBe('done');
    // Done requests offer no "mark done" any more.
    expect(
      await popup
        .locator(`[data-sp="request"][data-request-id="${REQUEST_ID}"] [data-sp="request-mark-done"]`)
        .count(),
    ).toBe(0);
    await page.close();
    await popup.close();
  });
});

describe('replies to citizens', () => {
  it('a heated reply gets an abuse finding; a PPID template inserts with the agency contact, counted today', async () => {
    const agency = bundle.agencies.find((candidate) => candidate.id === AGENCY);
    const ppid = agency?.ppid;
    if (!ppid) throw new Error('the test agency has no PPID in the library');

    const page = await sp.context.newPage();
    await openFacebookComposer(page);
    await page.keyboard.press('Escape');
    const comment = lexicalBox(page, 'Tulis komentar…');
    await comment.click();
    await typeLikeAUser(page, comment, 'Dasar goblok, baca dulu pengumumannya!');
    await expect.poll(() => findingCategories(page), { timeout: 30_000 }).toContain('abuse');
    // A reply never gets the approval flow.
    expect(await inSidebar(page, '[data-sp="submit"]').count()).toBe(0);

    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect.poll(() => comment.textContent(), { timeout: 10_000 }).toMatch(/^\s*$/);
    const template = inSidebar(page, `[data-sp="reply-template"][data-template-id="${TEMPLATE_ID}"]`);
    await template.waitFor({ timeout: 20_000 });
    await template.locator('[data-sp="placeholder"][data-name="user"]').fill('Pak Budi');
    await template.locator('[data-sp="insert"]').click();
    const expected = `Terima kasih, Pak Budi. Silakan hubungi ${ppid.name} melalui ${ppid.contact}.`;
    await expect.poll(() => comment.textContent(), { timeout: 20_000 }).toBe(expected);

    const popup = await openPopup(sp.context, sp.extensionId);
    await expect
      .poll(
        async () => {
          await popup.reload();
          return popup
            .locator(`[data-sp="replies-today"] [data-template-id="${TEMPLATE_ID}"]`)
            .getAttribute('data-count', { timeout: 10_000 });
        },
        { timeout: 30_000 },
      )
      .toBe('1');
    await popup.close();
    await page.close();
  });
});

describe('replies on Instagram', () => {
  it("a post's comment box is checked as a reply, not the caption, and takes a template into Lexical", async () => {
    const ppid = bundle.agencies.find((candidate) => candidate.id === AGENCY)?.ppid;
    if (!ppid) throw new Error('the test agency has no PPID in the library');
    const page = await sp.context.newPage();
    await gotoComposerPage(page, composerUrl('instagram'));
    const comment = lexicalBox(page, 'Tambahkan komentar...');
    await comment.click();
    await typeLikeAUser(page, comment, 'Kalian bodoh kalau percaya hoaks.');
    await expect.poll(() => findingCategories(page), { timeout: 30_000 }).toContain('abuse');
    await expect.poll(async () => await commentText(page), { timeout: 10_000 }).toContain('bodoh');
    expect((await fixtureState(page)).caption).toBe('');
    await comment.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect.poll(async () => await commentText(page), { timeout: 10_000 }).toBe('');
    const template = inSidebar(page, `[data-sp="reply-template"][data-template-id="${TEMPLATE_ID}"]`);
    await template.waitFor({ timeout: 20_000 });
    await template.locator('[data-sp="placeholder"][data-name="user"]').fill('Sari');
    await template.locator('[data-sp="insert"]').click();
    await expect
      .poll(async () => await commentText(page), { timeout: 20_000 })
      .toBe(`Terima kasih, Sari. Silakan hubungi ${ppid.name} melalui ${ppid.contact}.`);
    await page.close();
  });
});

describe('replies on YouTube Studio', () => {
  it("the comments page's reply box is checked and takes a template into Studio's model", async () => {
    const ppid = bundle.agencies.find((candidate) => candidate.id === AGENCY)?.ppid;
    if (!ppid) throw new Error('the test agency has no PPID in the library');
    const page = await sp.context.newPage();
    await gotoComposerPage(page, composerUrl('youtubeComments'));
    await page.locator('ytcp-comment-thread').first().locator('#reply-button').click();
    const box = page.locator('ytcp-commentbox #contenteditable-root');
    await box.waitFor();
    await typeLikeAUser(page, box, 'Dasar goblok, sudah diumumkan!');
    await expect.poll(() => findingCategories(page), { timeout: 30_000 }).toContain('abuse');
    expect(await inSidebar(page, '[data-sp="submit"]').count()).toBe(0);
    await box.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect.poll(async () => (await fixtureState(page)).reply, { timeout: 10_000 }).toBe('');

    const template = inSidebar(page, `[data-sp="reply-template"][data-template-id="${TEMPLATE_ID}"]`);
    await template.waitFor({ timeout: 20_000 });
    await template.locator('[data-sp="placeholder"][data-name="user"]').fill('Budi');
    await template.locator('[data-sp="insert"]').click();
    await expect
      .poll(async () => (await fixtureState(page)).reply, { timeout: 20_000 })
      .toBe(`Terima kasih, Budi. Silakan hubungi ${ppid.name} melalui ${ppid.contact}.`);
    // Studio's own "Balas" posts it; a reply is never reported as a request's post.
    await page.locator('ytcp-commentbox #submit-button').click();
    await expect.poll(async () => (await fixtureState(page)).posted, { timeout: 10_000 }).toHaveLength(1);
    await page.close();
  });
});

describe("the admin's commitment", () => {
  it('the popup asks, the options page shows the text, "I commit" records it and the prompt goes', async () => {
    const commitment = bundle.commitment;
    if (!commitment) throw new Error('the library carries no commitment text');
    const popup = await openPopup(sp.context, sp.extensionId);
    await popup.locator('[data-sp="commitment-prompt"]').waitFor({ timeout: 20_000 });

    const options = await openOptions(sp.context, sp.extensionId);
    const text = options.locator('[data-sp="commitment"]');
    await text.waitFor({ timeout: 20_000 });
    expect((await text.textContent())?.trim()).toBe(commitment.text.trim());
    await options.locator('[data-sp="commit"]').click();
    await options.locator('[data-sp="commitment-status"]').waitFor({ timeout: 20_000 });
    await options.reload();
    await options.locator('[data-sp="commitment-status"]').waitFor({ timeout: 20_000 });
    expect(await options.locator('[data-sp="commit"]').count()).toBe(0);

    await popup.reload();
    await popup.locator('[data-sp="replies-today"]').waitFor({ timeout: 20_000 });
    expect(await popup.locator('[data-sp="commitment-prompt"]').count()).toBe(0);
    await options.close();
    await popup.close();
  });
});
