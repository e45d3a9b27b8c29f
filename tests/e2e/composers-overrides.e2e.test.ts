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
  health,
  type LaunchedExtension,
  launchExtension,
  lexicalBox,
  multiLineCaption,
  openOptions,
  prepareCaption,
  serveUrl,
  sidebar,
  typeLikeAUser,
} from './harness';

/**
 * Selector overrides end to end: Facebook ships a composer redesign that no built-in strategy
 * knows (tests/fixtures: /composer-v3/ — no dialog, no main region, a new label). The bureau signs
 * a new library whose `platforms.facebook.selectors.caption` names it; the admin's extension syncs
 * it and recognises the composer — the same build, no release (docs/platforms.md, "Selector
 * strategies and overrides").
 */
const LIBRARY_URL = 'https://www.facebook.com/__satu-pintu-overrides-e2e__/kalbar.json';
const OVERRIDE = {
  name: 'composer v3 pagelet',
  selector: '[data-pagelet="ComposerV3"] div[contenteditable="true"][role="textbox"]',
};

let sp: LaunchedExtension;

beforeAll(async () => {
  sp = await launchExtension();
});

afterAll(async () => {
  await sp?.close();
});

async function libraryVersion(): Promise<number | null> {
  return sp.serviceWorker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const { libraryStatus } = await api.storage.local.get('libraryStatus');
    return (libraryStatus as { version: number | null } | undefined)?.version ?? null;
  });
}

async function openRedesign(page: Page) {
  await gotoComposerPage(page, composerUrl('facebookRedesign'));
  const box = lexicalBox(page, 'Bagikan kabar terbaru');
  await box.click();
  return box;
}

describe('a composer redesign fixed by the library', () => {
  it('is not recognised by the built-in strategies, then is through an override in a newly signed library', async () => {
    const page = await sp.context.newPage();
    await openRedesign(page);
    await health(page).waitFor({ state: 'attached', timeout: 20_000 });
    await expect.poll(() => health(page).getAttribute('data-recognised'), { timeout: 20_000 }).toBe('false');
    expect(await health(page).getAttribute('data-diagnostics')).toBe('facebook: not recognised');

    // The bureau: the embedded library, one version up, with the override; signed with its key.
    const embedded = LibraryBundleSchema.parse(
      JSON.parse(await readFile(join(import.meta.dirname, '../../public/library/kalbar.json'), 'utf8')),
    );
    const bundle: LibraryBundle = {
      ...embedded,
      version: embedded.version + 1,
      platforms: {
        ...embedded.platforms,
        facebook: { ...embedded.platforms.facebook, selectors: { caption: [OVERRIDE] } },
      },
    };
    const keys = await generateKeyPair();
    const body = Buffer.from(`${JSON.stringify(bundle, null, 2)}\n`);
    const signature = await signBytes(body, keys.privateJwk);
    await serveUrl(sp.context, `${LIBRARY_URL}.sig`, { body: signature });
    await serveUrl(sp.context, LIBRARY_URL, { contentType: 'application/json', body });

    // The admin: the library source in the options page.
    const options = await openOptions(sp.context, sp.extensionId);
    await options.locator('[data-sp="library-url"]').fill(LIBRARY_URL);
    await options.locator('[data-sp="library-key"]').fill(JSON.stringify(keys.publicJwk));
    await options.locator('[data-sp="save"]').click();
    await expect.poll(() => libraryVersion(), { timeout: 30_000 }).toBe(bundle.version);
    await options.close();

    // The same page, the same build: the composer is now recognised, by the library's strategy.
    await page.bringToFront();
    await page.reload();
    const again = await openRedesign(page);
    await expect.poll(() => health(page).getAttribute('data-recognised'), { timeout: 20_000 }).toBe('true');
    expect(await health(page).getAttribute('data-diagnostics')).toMatch(
      /^facebook: caption=composer v3 pagelet#0\/library/,
    );
    await typeLikeAUser(page, again, 'Ada himbauan untuk warga');
    await expect.poll(() => findingCategories(page), { timeout: 20_000 }).toContain('spelling');

    // And it inserts into the editor's own state, line for line.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect.poll(async () => (await fixtureState(page)).caption).toBe('');
    const item = await multiLineCaption(page);
    const expected = await prepareCaption(item);
    await item.locator('[data-sp="insert"]').click();
    await expect.poll(async () => (await fixtureState(page)).caption, { timeout: 20_000 }).toBe(expected);
    expect(await sidebar(page).count()).toBe(1);
  });
});
