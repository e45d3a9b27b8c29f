/**
 * Page helpers for the look-alikes of the composers admins really use (tests/fixtures/README.md):
 * Business Suite, Facebook Reels / group / Page, Instagram's multi-step flow, and the sidebar
 * pieces the composer tests read (health diagnostics, library captions).
 */
import type { Locator, Page } from 'playwright-core';
import { FIXTURE_URLS } from '../../fixtures/routes.mjs';

export type ComposerFixture = keyof typeof FIXTURE_URLS;

/** The URL of a look-alike page, `lang=en` added to its query for the English labels. */
export function composerUrl(
  name: ComposerFixture,
  lang: 'id' | 'en' = 'id',
  extra: Record<string, string> = {},
): string {
  const url = new URL(FIXTURE_URLS[name]);
  if (lang === 'en') url.searchParams.set('lang', 'en');
  for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, value);
  return url.href;
}

/** Loads a look-alike and waits for its first screen. */
export async function gotoComposerPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__fixture !== undefined);
  await page.evaluate(() => window.__fixture?.ready);
}

/** Marks the page's main world; `stillSamePage` is true only if no reload happened since. */
export async function markNoReload(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => {
    (window as Window & { __noReload?: boolean }).__noReload = true;
  });
  return () => page.evaluate(() => (window as Window & { __noReload?: boolean }).__noReload === true);
}

/** Business Suite's Draft caption box (`div.notranslate._5rpu[role=combobox]`). */
export function businessSuiteBox(page: Page): Locator {
  return page.locator('[role="main"] div.notranslate._5rpu[contenteditable="true"][role="combobox"]');
}

/** A Lexical box on the Facebook/Instagram look-alikes, by its aria-label. */
export function lexicalBox(page: Page, label: string): Locator {
  return page.locator(`div[role="textbox"][data-lexical-editor="true"][aria-label="${label}"]`);
}

/** The sidebar's health element: `data-recognised` and the technical `data-diagnostics`. */
export function health(page: Page): Locator {
  return page.locator('satu-pintu-sidebar').locator('[data-sp="health"]');
}

/** Fills a caption's placeholders (if any) and returns the exact text insert will put in. */
export async function prepareCaption(item: Locator): Promise<string> {
  const inputs = item.locator('[data-sp="placeholder"]');
  for (let index = 0; index < (await inputs.count()); index++)
    await inputs.nth(index).fill('Kabupaten Sanggau');
  return (await item.locator('[data-sp="caption-text"]').textContent()) ?? '';
}

/** The first library caption in the sidebar whose text has several lines (a blank line included). */
export async function multiLineCaption(page: Page): Promise<Locator> {
  const items = page.locator('satu-pintu-sidebar').locator('[data-sp="caption"]');
  await items.first().waitFor({ timeout: 20_000 });
  const count = await items.count();
  for (let index = 0; index < count; index++) {
    const text = (await items.nth(index).locator('[data-sp="caption-text"]').textContent()) ?? '';
    if (text.includes('\n\n')) return items.nth(index);
  }
  throw new Error('no multi-line caption in the library for this platform');
}

/** The categories of the findings the sidebar shows now. */
export async function findingCategories(page: Page): Promise<string[]> {
  return page
    .locator('satu-pintu-sidebar')
    .locator('[data-sp="finding"]')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-category') ?? ''));
}
