import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseAgency,
  type LaunchedExtension,
  launchExtension,
  openFacebookComposer,
  openOptions,
  openPopup,
  sidebar,
  typeLikeAUser,
} from './harness';

/**
 * Accessibility measured, not assumed: axe-core (WCAG 2.1 A and AA rules) on the options page, the
 * popup and the in-page sidebar inside the Facebook look-alike, in the built extension. Serious and
 * critical violations fail; the rest are printed so they can be seen and fixed.
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The extension API evaluated inside the service worker (no @types/chrome in this project). */
declare const chrome: {
  tabs: { query(query: { url: string }): Promise<{ id?: number }[]> };
};

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

interface AxeSummary {
  violations: Violation[];
  /** How many checked nodes lie inside a shadow root (axe names them by a selector path). */
  shadowNodes: number;
  checkedNodes: number;
}

/**
 * Runs axe in the page. Evaluated through the DevTools protocol rather than a `<script>` tag: the
 * extension pages' CSP (script-src 'self') refuses inline scripts, and the evaluation is not subject
 * to it. `include` scopes the run; a selector path such as [['satu-pintu-sidebar']] takes the host
 * and, through axe's shadow-DOM support, everything in its open shadow root.
 */
async function runAxe(page: Page, include?: string[][]): Promise<AxeSummary> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ include, tags }) => {
      type AxeNode = { target: (string | string[])[] };
      type AxeRule = { id: string; impact?: string | null; help: string; nodes: AxeNode[] };
      const axe = (
        globalThis as unknown as {
          axe: {
            run(context: unknown, options: unknown): Promise<{ violations: AxeRule[]; passes: AxeRule[] }>;
          };
        }
      ).axe;
      const result = await axe.run(include ? { include } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations', 'passes'],
      });
      const nodes = [...result.passes, ...result.violations].flatMap((rule) => rule.nodes);
      return {
        violations: result.violations.map((rule) => ({
          id: rule.id,
          impact: rule.impact ?? null,
          help: rule.help,
          targets: rule.nodes.map((node) => JSON.stringify(node.target)),
        })),
        shadowNodes: nodes.filter((node) => Array.isArray(node.target[0])).length,
        checkedNodes: nodes.length,
      };
    },
    { include, tags: WCAG_21_AA },
  );
}

function blocking(summary: AxeSummary): Violation[] {
  return summary.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
}

function report(where: string, summary: AxeSummary): void {
  for (const violation of summary.violations)
    console.log(
      `[a11y] ${where}: ${violation.impact} ${violation.id} (${violation.targets.length} nodes) — ${violation.help}`,
    );
}

let sp: LaunchedExtension;

beforeAll(async () => {
  sp = await launchExtension();
  // An agency chosen, so the sidebar and the popup show what an admin normally sees.
  await chooseAgency(sp);
});

afterAll(async () => {
  await sp?.close();
});

describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  it('the options page has no serious or critical violation, also when it shows errors', async () => {
    const page = await openOptions(sp.context, sp.extensionId);
    await page.locator('[data-sp="agency"] option').nth(1).waitFor({ state: 'attached', timeout: 20_000 });
    const clean = await runAxe(page);
    report('options', clean);
    expect(clean.checkedNodes).toBeGreaterThan(20);
    expect(blocking(clean)).toEqual([]);

    // The page with invalid fields, messages and aria-invalid set.
    await page.locator('[data-sp="handle"][data-platform="instagram"]').fill('.bad');
    await page.locator('[data-sp="library-url"]').fill('http://biro.kalbarprov.go.id/pustaka.json');
    await page.locator('[data-sp="desk-url"]').fill('https://meja.kalbarprov.go.id');
    await page.locator('[data-sp="save"]').click();
    await page.locator('[data-sp="error"]').first().waitFor({ timeout: 20_000 });
    const withErrors = await runAxe(page);
    report('options with errors', withErrors);
    expect(blocking(withErrors)).toEqual([]);
    await page.close();
  });

  it('the sidebar inside the Facebook look-alike, and the popup showing that draft, have none', async () => {
    const page = await sp.context.newPage();
    const textbox = await openFacebookComposer(page);
    await sidebar(page).locator('[data-sp="verdict"]').waitFor({ timeout: 30_000 });
    await typeLikeAUser(page, textbox, 'Hubungi 081234567890 untuk info vaksin gratis!!! Dijamin 100% aman');
    await sidebar(page).locator('[data-sp="finding"]').first().waitFor({ timeout: 30_000 });
    await sidebar(page).locator('[data-sp="caption"]').first().waitFor({ timeout: 30_000 });

    const inSidebar = await runAxe(page, [['satu-pintu-sidebar']]);
    report('sidebar', inSidebar);
    // The run really looked inside the open shadow root, not at an empty host.
    expect(inSidebar.shadowNodes).toBeGreaterThan(20);
    expect(blocking(inSidebar)).toEqual([]);

    // Submitted for approval (no endpoint: the manual ways are offered): the badge and share panel.
    await sidebar(page).locator('[data-sp="submit"]').click();
    await expect
      .poll(() => sidebar(page).locator('[data-sp="approval"]').getAttribute('data-status'), {
        timeout: 20_000,
      })
      .toBe('pending');
    const submitted = await runAxe(page, [['satu-pintu-sidebar']]);
    report('sidebar after submitting', submitted);
    expect(blocking(submitted)).toEqual([]);

    const tabId = await sp.serviceWorker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      return tab?.id;
    }, page.url());
    const popup = await openPopup(sp.context, sp.extensionId);
    await popup.goto(`chrome-extension://${sp.extensionId}/popup.html?tabId=${tabId}`);
    await popup.locator('[data-sp="verdict"]').waitFor({ timeout: 20_000 });
    const submission = popup.locator('[data-sp="submission"]');
    await submission.first().waitFor({ timeout: 20_000 });
    // The submission opened, with its share panel: every control the popup has is on screen.
    await submission.first().locator('[data-sp="submission-open"]').click();
    await submission.first().locator('[data-sp="submission-share"]').click();
    await popup.locator('[data-sp="submission-text"]').waitFor();
    const inPopup = await runAxe(popup);
    report('popup', inPopup);
    expect(inPopup.checkedNodes).toBeGreaterThan(10);
    expect(blocking(inPopup)).toEqual([]);
    await popup.close();
    await page.close();
  });
});
