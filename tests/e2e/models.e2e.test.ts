import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_RULE_IDS } from '@/lib/guidelines/model/findings';
import {
  chooseAgency,
  type LaunchedExtension,
  launchExtension,
  openFacebookComposer,
  sidebar,
  typeLikeAUser,
} from './harness';

/**
 * The library's models run in the background (lib/guidelines/model-requests.ts), not in the page:
 * their findings reach the sidebar after the rules' and stay while the admin types on.
 */

/** Waits sized for a loaded 2-core machine (the background answers asynchronously). */
const WAIT = { timeout: 20_000, interval: 100 };
const MODEL_IDS: string[] = Object.values(MODEL_RULE_IDS);
/** The insults in forms people type, as the model tests use them. */
const ABUSIVE = 'Admin dinas ini t0l0l bgt, otak udang, b4ngs4t kalian semua';

let sp: LaunchedExtension;

beforeAll(async () => {
  sp = await launchExtension();
  // The admin has chosen an agency (options page), as in the sidebar tests.
  await chooseAgency(sp);
});

afterAll(async () => {
  await sp?.close();
});

async function ruleIds(page: Page): Promise<string[]> {
  return sidebar(page)
    .locator('[data-sp="finding"]')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-rule-id') ?? ''));
}

describe('the models, asked from the background', () => {
  it('add their finding to the sidebar and keep it while the admin types on', async () => {
    const page = await sp.context.newPage();
    const editor = await openFacebookComposer(page);
    await sidebar(page).waitFor({ state: 'attached' });
    await typeLikeAUser(page, editor, ABUSIVE);
    await expect
      .poll(async () => (await ruleIds(page)).filter((id) => MODEL_IDS.includes(id)).length, WAIT)
      .toBe(1);
    const verdict = sidebar(page).locator('[data-sp="verdict"]');
    expect(await verdict.getAttribute('data-verdict')).not.toBe('ready');

    // Every keystroke is a new text for the models; the finding does not blink off meanwhile.
    for (const key of ' ya') {
      await page.keyboard.type(key);
      expect((await ruleIds(page)).filter((id) => MODEL_IDS.includes(id))).toHaveLength(1);
    }
    await page.close();
  });
});
