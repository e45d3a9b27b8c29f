/**
 * `npm run bench:heap`: how much the Satu Pintu content script adds to the page's JS heap, on the
 * Facebook look-alike with the composer open. Two Chromium profiles load the same page: one with
 * the built extension (sidebar mounted, library and rules loaded, a 2,000-character draft checked),
 * one without it. After a forced garbage collection, JSHeapUsedSize (the page's isolate: the main
 * world and the content script's isolated world) is read over CDP, three times each; the medians'
 * difference is printed. Target: at most 7 MB more with the sidebar open.
 *
 * Another build: WXT_OUT_DIR=.output-x npx wxt build && SP_EXTENSION_DIR=.output-x/chrome-mv3 npx tsx
 * scripts/bench-heap.ts. Which part of the heap is what: scripts/bench-heap-node.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { findChromium } from '../tests/e2e/harness/launch.mjs';
import { launchExtension, openFacebookComposer, sidebar } from '../tests/e2e/harness.ts';
import { OFFLINE_ARGS, routeFixtures } from '../tests/fixtures/routes.mjs';

const DRAFT = 'Pemerintah Provinsi Kalimantan Barat menggelar rapat koordinasi penanganan banjir. '.repeat(
  24,
);
const ROUNDS = 3;

async function usedHeap(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}

async function composerWithDraft(page: Page): Promise<void> {
  const editor = await openFacebookComposer(page);
  await editor.click();
  await page.evaluate(`document.execCommand('insertText', false, ${JSON.stringify(DRAFT)})`);
}

async function withoutExtension(): Promise<number> {
  const profile = await mkdtemp(join(tmpdir(), 'satu-pintu-heap-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: false,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', ...OFFLINE_ARGS],
  });
  try {
    await routeFixtures(context);
    const page = await context.newPage();
    await composerWithDraft(page);
    await page.waitForTimeout(1_000);
    return await usedHeap(context, page);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

async function withExtension(): Promise<number> {
  const sp = await launchExtension();
  try {
    const page = await sp.context.newPage();
    await composerWithDraft(page);
    await sidebar(page).locator('[data-sp="caption"]').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1_000);
    return await usedHeap(sp.context, page);
  } finally {
    await sp.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const plain: number[] = [];
const ours: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  plain.push(await withoutExtension());
  ours.push(await withExtension());
}
console.log('Page JS heap after GC, Facebook look-alike with the composer open and a 2,000-character draft');
console.log(`  without the extension: median ${mb(median(plain))} (${plain.map(mb).join(', ')})`);
console.log(`  with the sidebar open: median ${mb(median(ours))} (${ours.map(mb).join(', ')})`);
console.log(`  added by Satu Pintu:   ${mb(median(ours) - median(plain))} (target ≤ 7 MB)`);
