import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  composerUrl,
  fixtureState,
  gotoComposerPage,
  type LaunchedExtension,
  launchExtension,
  openFacebookComposer,
  openInstagramComposer,
} from './harness';
import { platformsBundle } from './harness/platforms-in-page.mjs';

/**
 * The insert path's two multi-line methods, chosen explicitly, on the editors' own state in
 * Chromium: the synthetic paste (what Chromium uses) and line by line through the editor's own
 * commands — insertText per line, Enter between lines — which is what Firefox gets, where a
 * synthetic paste arrives empty (docs/platforms.md, "Firefox"). lib/platforms runs here in the
 * page's main world (bundled by harness/platforms-in-page.mjs), the same code as in the extension.
 */
const CAPTION = 'Selamat pagi Kalbar\n\nBaris tiga 😀\n#KalbarMaju';

let sp: LaunchedExtension;

beforeAll(async () => {
  sp = await launchExtension();
});

afterAll(async () => {
  await sp?.close();
});

interface PageInsertResult {
  ok: boolean;
  method?: string;
  reason?: string;
  read?: string;
}

async function insertInPage(
  page: Page,
  adapter: string,
  multiLine: 'paste' | 'lines',
  text = CAPTION,
): Promise<PageInsertResult> {
  await page.addScriptTag({ content: await platformsBundle() });
  return page.evaluate(
    ({ adapter, multiLine, text }) =>
      (
        window as unknown as {
          __satuPintuPlatforms: {
            insert(a: string, f: string, t: string, m: string): Promise<PageInsertResult>;
          };
        }
      ).__satuPintuPlatforms.insert(adapter, 'caption', text, multiLine),
    { adapter, multiLine, text },
  );
}

describe.each(['paste', 'lines'] as const)('multi-line insert, %s', (multiLine) => {
  it('Facebook (Lexical): line for line in the editor state', async () => {
    const page = await sp.context.newPage();
    await openFacebookComposer(page);
    const result = await insertInPage(page, 'facebook', multiLine);
    expect(result).toMatchObject({ ok: true, method: multiLine, read: CAPTION });
    await expect.poll(async () => (await fixtureState(page)).caption).toBe(CAPTION);
    await page.close();
  });

  it('Instagram (Lexical): line for line in the editor state', async () => {
    const page = await sp.context.newPage();
    await openInstagramComposer(page, { direct: true });
    const result = await insertInPage(page, 'instagram', multiLine);
    expect(result).toMatchObject({ ok: true, method: multiLine, read: CAPTION });
    await expect.poll(async () => (await fixtureState(page)).caption).toBe(CAPTION);
    await page.close();
  });

  it('Business Suite (Draft): line for line in the block model', async () => {
    const page = await sp.context.newPage();
    await gotoComposerPage(page, composerUrl('businessSuiteComposer'));
    await page.locator('div.notranslate._5rpu[role="combobox"]').waitFor();
    const result = await insertInPage(page, 'business-suite', multiLine);
    expect(result).toMatchObject({ ok: true, method: multiLine, read: CAPTION });
    await expect.poll(async () => (await fixtureState(page)).caption).toBe(CAPTION);
    await page.close();
  });
});

describe('one line into the Draft editor', () => {
  it('goes through execCommand, which Draft takes from its input event', async () => {
    const page = await sp.context.newPage();
    await gotoComposerPage(page, composerUrl('businessSuiteComposer'));
    await page.locator('div.notranslate._5rpu[role="combobox"]').waitFor();
    const result = await insertInPage(page, 'business-suite', 'paste', 'Satu baris saja');
    expect(result).toMatchObject({ ok: true, method: 'exec-insert-text', read: 'Satu baris saja' });
    await expect.poll(async () => (await fixtureState(page)).caption).toBe('Satu baris saja');
    await page.close();
  });
});
