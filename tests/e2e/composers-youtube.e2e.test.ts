import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  composerUrl,
  findingCategories,
  fixtureState,
  gotoComposerPage,
  health,
  type LaunchedExtension,
  launchExtension,
  multiLineCaption,
  prepareCaption,
  sidebar,
  typeLikeAUser,
} from './harness';

/**
 * YouTube Studio as it is nested for real (ytcp-video-title > ytcp-social-suggestions-textbox > … >
 * ytcp-social-suggestion-input#input > div#textbox), with a tag bar that commits on a comma only
 * and the existing video's details page (no dialog, fields filled). Text is judged from Studio's
 * own model (fixtureState), never from the DOM.
 */
let sp: LaunchedExtension;
const pages: Page[] = [];

beforeAll(async () => {
  sp = await launchExtension();
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

interface StudioFields {
  title: Locator;
  description: Locator;
  tags: Locator;
  showMore(): Promise<void>;
}

function studioFields(page: Page, scope: string): StudioFields {
  const root = page.locator(scope);
  const tags = root.locator('ytcp-chip-bar#chip-bar input#text-input');
  return {
    title: root.locator('ytcp-video-title ytcp-social-suggestion-input#input > div#textbox'),
    description: root.locator('ytcp-video-description ytcp-social-suggestion-input#input > div#textbox'),
    tags,
    showMore: async () => {
      await root.locator('ytcp-button#toggle-button').click();
      await tags.waitFor({ timeout: 20_000 });
    },
  };
}

async function openUpload(page: Page, query: Record<string, string> = {}): Promise<StudioFields> {
  await gotoComposerPage(page, composerUrl('youtube', 'en', query));
  await page.locator('ytcp-button#create-icon').click();
  await page.locator('tp-yt-paper-item#text-item-0').click();
  const fields = studioFields(page, 'ytcp-uploads-dialog');
  await fields.title.waitFor({ timeout: 20_000 });
  return fields;
}

/** The hashtag set's tags as the sidebar lists them, without '#'. */
async function insertFirstHashtagSet(page: Page): Promise<string[]> {
  const set = sidebar(page).locator('[data-sp="hashtag-set"]').first();
  await set.waitFor({ timeout: 20_000 });
  const tags = ((await set.locator('[data-sp="hashtag-set-tags"]').textContent()) ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((tag) => tag.replace(/^#/, ''));
  await set.locator('[data-sp="insert"]').click();
  return tags;
}

describe('YouTube Studio, real nesting', () => {
  it('recognises title, description and tags by their structure', async () => {
    const page = await newPage();
    const upload = await openUpload(page);
    await upload.showMore();
    await upload.title.click();
    await health(page).waitFor({ state: 'attached', timeout: 20_000 });
    await expect
      .poll(() => health(page).getAttribute('data-diagnostics'), { timeout: 20_000 })
      .toMatch(
        /^youtube: title=title textbox#\d+\/built-in; description=description textbox#\d+\/built-in; tags=tags input#\d+\/built-in/,
      );
    expect(await health(page).getAttribute('data-recognised')).toBe('true');
  });

  it('a multi-line caption inserted into the title stays one line in Studio’s model', async () => {
    const page = await newPage();
    const upload = await openUpload(page);
    await upload.title.click();
    const item = await multiLineCaption(page);
    const expected = await prepareCaption(item);
    await item.locator('[data-sp="insert"]').click();
    const oneLine = expected.replace(/[ \t]*\n\s*/g, ' ');
    await expect.poll(async () => (await fixtureState(page)).title, { timeout: 20_000 }).toBe(oneLine);
    expect(String((await fixtureState(page)).title)).not.toContain('\n');
  });

  it('commits tags with a comma where Enter does nothing, and the chips show them', async () => {
    const page = await newPage();
    const upload = await openUpload(page, { tags: 'comma' });
    await upload.showMore();
    // The fixture's own contract: Enter commits nothing here.
    await upload.tags.click();
    await page.keyboard.type('percobaan');
    await page.keyboard.press('Enter');
    expect((await fixtureState(page)).tags).toEqual([]);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    const tags = await insertFirstHashtagSet(page);
    expect(tags.length).toBeGreaterThan(0);
    await expect.poll(async () => (await fixtureState(page)).tags, { timeout: 20_000 }).toEqual(tags);
    const chips = await page.locator('ytcp-chip #chip-text').allTextContents();
    expect(chips).toEqual(tags);
  });
});

describe('YouTube Studio, an existing video’s details page', () => {
  it('no dialog, fields filled: recognised, a finding while typing, a caption line for line, tags', async () => {
    const page = await newPage();
    await gotoComposerPage(page, composerUrl('youtubeDetails', 'en'));
    const details = studioFields(page, 'ytcp-entity-page ytcp-video-details-section');
    await details.title.waitFor({ timeout: 20_000 });
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
    const before = await fixtureState(page);
    expect(before.title).toBe('Sosialisasi Adminduk 2026');
    expect(before.tags).toEqual(['kalbar']);

    await details.title.click();
    await page.keyboard.press('End');
    await expect.poll(() => health(page).getAttribute('data-recognised'), { timeout: 20_000 }).toBe('true');
    expect(await health(page).getAttribute('data-diagnostics')).toMatch(
      /container=(details page|metadata editor)/,
    );
    await typeLikeAUser(page, details.title, ' himbauan');
    await expect.poll(() => findingCategories(page), { timeout: 20_000 }).toContain('spelling');

    // Replace the filled description with a library caption, line for line.
    await details.description.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect.poll(async () => (await fixtureState(page)).description).toBe('');
    const item = await multiLineCaption(page);
    const expected = await prepareCaption(item);
    await item.locator('[data-sp="insert"]').click();
    await expect.poll(async () => (await fixtureState(page)).description, { timeout: 20_000 }).toBe(expected);

    await details.showMore();
    await details.tags.click();
    const tags = await insertFirstHashtagSet(page);
    await expect
      .poll(async () => (await fixtureState(page)).tags, { timeout: 20_000 })
      .toEqual(['kalbar', ...tags.filter((tag) => tag.toLowerCase() !== 'kalbar')]);
  });
});
