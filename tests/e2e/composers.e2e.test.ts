import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  businessSuiteBox,
  chooseAgency,
  composerUrl,
  findingCategories,
  fixtureState,
  gotoComposerPage,
  health,
  type LaunchedExtension,
  launchExtension,
  lexicalBox,
  markNoReload,
  multiLineCaption,
  prepareCaption,
  sidebar,
  typeLikeAUser,
} from './harness';

/**
 * The composers admins really use, on look-alikes that copy their structure
 * (tests/fixtures/README.md): each is recognised (the health element names adapter and strategy),
 * a finding appears while typing, and a multi-line library caption lands line for line in the
 * page's OWN state (Draft's block model, Lexical's editor state) — never judged from the DOM.
 * YouTube Studio's real nesting and tags are in composers-youtube.e2e.test.ts.
 */
let sp: LaunchedExtension;
const pages: Page[] = [];

beforeAll(async () => {
  sp = await launchExtension();
  // An agency is chosen, so captions fill {{agency.*}}.
  await chooseAgency(sp);
});

afterEach(async () => {
  for (const page of pages.splice(0)) await page.close();
});

afterAll(async () => {
  await sp?.close();
});

async function newPage(): Promise<Page> {
  const page = await sp.context.newPage();
  pages.push(page);
  return page;
}

/** Recognised, and by which adapter and strategy (the data behind the copyable report). */
async function expectRecognised(page: Page, diagnostics: RegExp): Promise<void> {
  await health(page).waitFor({ state: 'attached', timeout: 20_000 });
  await expect.poll(() => health(page).getAttribute('data-recognised'), { timeout: 20_000 }).toBe('true');
  expect(await health(page).getAttribute('data-diagnostics')).toMatch(diagnostics);
}

/** A spelling finding appears while the admin types a non-standard word. */
async function expectFindingWhileTyping(page: Page, box: ReturnType<Page['locator']>): Promise<void> {
  await typeLikeAUser(page, box, 'Ada himbauan untuk warga');
  await expect.poll(() => findingCategories(page), { timeout: 20_000 }).toContain('spelling');
}

/** Clears the box with the keyboard, inserts a multi-line library caption, returns the expected text. */
async function insertMultiLineCaption(page: Page, box: ReturnType<Page['locator']>): Promise<string> {
  await box.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await expect.poll(async () => (await fixtureState(page)).caption).toBe('');
  const item = await multiLineCaption(page);
  const expected = await prepareCaption(item);
  await item.locator('[data-sp="insert"]').click();
  return expected;
}

async function expectCaptionLines(page: Page, expected: string): Promise<void> {
  await expect.poll(async () => (await fixtureState(page)).caption, { timeout: 20_000 }).toBe(expected);
  expect(String((await fixtureState(page)).caption).split('\n')).toEqual(expected.split('\n'));
}

describe('Meta Business Suite (Draft editor, full page)', () => {
  it('the look-alike reverts a direct DOM edit and keeps what typing gave its model', async () => {
    const page = await newPage();
    await gotoComposerPage(page, composerUrl('businessSuiteComposer', 'en'));
    const box = businessSuiteBox(page);
    await box.waitFor();
    await typeLikeAUser(page, box, 'Satu\nDua');
    await expect.poll(async () => (await fixtureState(page)).caption).toBe('Satu\nDua');
    await box.evaluate((element) => {
      element.textContent = 'disisipkan langsung';
    });
    await expect.poll(() => box.textContent()).not.toContain('disisipkan');
    expect((await fixtureState(page)).caption).toBe('Satu\nDua');
  });

  it('loaded directly: recognised as business-suite, a finding while typing, a caption line for line', async () => {
    const page = await newPage();
    await gotoComposerPage(page, composerUrl('businessSuiteComposer', 'en'));
    const box = businessSuiteBox(page);
    await box.click();
    await expectRecognised(page, /^business-suite: caption=draft editor \(en\)#\d+\/built-in/);
    await expectFindingWhileTyping(page, box);
    const expected = await insertMultiLineCaption(page, box);
    await expectCaptionLines(page, expected);
    await expect
      .poll(() => sidebar(page).locator('[data-sp="notice"]').getAttribute('data-kind'))
      .toBe('success');
  });

  it('reached from Home by "Create post" without a reload: recognised, one-click fix in the Draft state', async () => {
    const page = await newPage();
    await gotoComposerPage(page, composerUrl('businessSuiteHome'));
    const samePage = await markNoReload(page);
    await page.getByRole('link', { name: 'Buat postingan' }).click();
    await page.waitForURL(/\/latest\/composer/);
    const box = businessSuiteBox(page);
    await box.waitFor({ timeout: 20_000 });
    expect(await samePage()).toBe(true);
    await box.click();
    await expectRecognised(page, /^business-suite: caption=draft editor \(id\)/);
    await expectFindingWhileTyping(page, box);
    const spelling = sidebar(page).locator('[data-sp="finding"][data-category="spelling"]').first();
    await spelling.locator('[data-sp="fix"]').click();
    await expect
      .poll(async () => (await fixtureState(page)).caption, { timeout: 20_000 })
      .toBe('Ada imbauan untuk warga');
  });

  it('its inbox box ("Tulis pesan", placeholder "Aa") is never checked', async () => {
    const page = await newPage();
    await gotoComposerPage(page, composerUrl('businessSuiteHome'));
    const inbox = lexicalBox(page, 'Tulis pesan');
    await typeLikeAUser(page, inbox, 'Ada himbauan, NIK 6171045203850002');
    await expect.poll(async () => (await fixtureState(page)).chat).toBe('Ada himbauan, NIK 6171045203850002');
    // Give the content script time to (wrongly) check it: a chat box is no composer field.
    await page.waitForTimeout(1500);
    expect(await findingCategories(page)).toEqual([]);
    // Not even the "not recognised" sidebar: a chat box is no reason to open it.
    expect(await sidebar(page).count()).toBe(0);
  });
});

describe('Facebook composers beyond the feed', () => {
  it('Reels (/reels/create, no dialog): "Describe your reel" recognised, caption line for line', async () => {
    const page = await newPage();
    await gotoComposerPage(page, composerUrl('facebookReels', 'en'));
    const box = lexicalBox(page, 'Describe your reel');
    await box.click();
    await expectRecognised(page, /^facebook: caption=reel description#\d+\/built-in/);
    await expectFindingWhileTyping(page, box);
    await expectCaptionLines(page, await insertMultiLineCaption(page, box));
  });

  it('group: "Tulis sesuatu..." opens "Buat postingan publik…" late; recognised, caption line for line', async () => {
    const page = await newPage();
    await gotoComposerPage(page, composerUrl('facebookGroup'));
    await page.getByRole('button', { name: 'Tulis sesuatu...' }).click();
    const box = lexicalBox(page, 'Buat postingan publik…');
    await box.waitFor({ timeout: 20_000 });
    await box.click();
    await expectRecognised(page, /^facebook: caption=group post#\d+\/built-in/);
    await expectFindingWhileTyping(page, box);
    await expectCaptionLines(page, await insertMultiLineCaption(page, box));
  });

  it('Page, two steps: the text is checked, then "Next" → "Post settings" → "Post" publishes it', async () => {
    const page = await newPage();
    await gotoComposerPage(page, composerUrl('facebookPage', 'en'));
    await page.getByRole('button', { name: "What's on your mind?" }).click();
    const box = lexicalBox(page, "What's on your mind?");
    await box.waitFor({ timeout: 20_000 });
    await box.click();
    await expectRecognised(page, /^facebook: caption=aria-label \(en\)#\d+\/built-in/);
    await expectFindingWhileTyping(page, box);
    const expected = await insertMultiLineCaption(page, box);
    await expectCaptionLines(page, expected);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('dialog', { name: 'Post settings' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect.poll(async () => (await fixtureState(page)).posted).toEqual([expected]);
  });

  it('the Messenger box beside a composer is never checked, even while the composer is', async () => {
    const page = await newPage();
    await gotoComposerPage(page, composerUrl('facebookGroup'));
    const chat = lexicalBox(page, 'Tulis pesan');
    await typeLikeAUser(page, chat, 'Ada himbauan, NIK 6171045203850002');
    await page.waitForTimeout(1500);
    expect(await findingCategories(page)).toEqual([]);
    // Not even the "not recognised" sidebar: a chat box is no reason to open it.
    expect(await sidebar(page).count()).toBe(0);
    // With the composer open and checked, the chat's NIK never becomes a finding.
    await page.getByRole('button', { name: 'Tulis sesuatu...' }).click();
    const box = lexicalBox(page, 'Buat postingan publik…');
    await box.waitFor({ timeout: 20_000 });
    await expectFindingWhileTyping(page, box);
    // The composer's layer covers the page: the admin reaches the chat with the keyboard.
    await chat.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' lagi');
    await page.waitForTimeout(1500);
    expect(await findingCategories(page)).not.toContain('personal-data');
    expect((await fixtureState(page)).chat).toBe('Ada himbauan, NIK 6171045203850002 lagi');
  });
});

describe('Instagram, the multi-step dialog', () => {
  for (const dots of ['ascii', 'ellipsis'] as const) {
    it(`Create → Post → file → Crop → Next → Edit → Next → caption ("Write a caption${dots === 'ascii' ? '...' : '…'}")`, async () => {
      const page = await newPage();
      await gotoComposerPage(page, composerUrl('instagramSteps', 'en', dots === 'ellipsis' ? { dots } : {}));
      const samePage = await markNoReload(page);
      await page.getByRole('link', { name: 'Create', exact: true }).click();
      await page.getByRole('link', { name: 'Post', exact: true }).click();
      await page.waitForURL(/\/create\/select\//);
      const dialog = page.getByRole('dialog', { name: 'Create new post' });
      await dialog.waitFor({ timeout: 20_000 });
      await page.locator('input[type="file"]').setInputFiles({
        name: 'kalbar.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from([0xff, 0xd8, 0xff, 0xd9]),
      });
      // Each step's content is rendered a while after its URL.
      await page.waitForURL(/\/create\/crop\//);
      await page.getByRole('heading', { name: 'Crop' }).waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Next' }).click();
      await page.waitForURL(/\/create\/edit\//);
      await page.getByRole('heading', { name: 'Edit' }).waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Next' }).click();
      await page.waitForURL(/\/create\/details\//);
      const label = dots === 'ascii' ? 'Write a caption...' : 'Write a caption…';
      const box = lexicalBox(page, label);
      await box.waitFor({ timeout: 20_000 });
      expect(await samePage()).toBe(true);
      await box.click();
      await expectRecognised(page, /^instagram: caption=aria-label \(en\)#\d+\/built-in/);
      await expectFindingWhileTyping(page, box);
      await expectCaptionLines(page, await insertMultiLineCaption(page, box));
    });
  }
});
