import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeskStart, startDesk, stopDesk } from '../desk/spawn-desk';
import {
  fixtureState,
  type LaunchedExtension,
  launchExtension,
  openFacebookComposer,
  openOptions,
  openPopup,
  serveUrl,
  sidebar,
} from './harness';
import { findChromium } from './harness/launch.mjs';
import { extensionWithLoopbackAccess, publishOnDesk, signInToDesk } from './harness/loopback';

/**
 * The big team through the real desk: the bureau writes a request on the desk and publishes it; the
 * admin sees it in the sidebar after sync, inserts it and posts with the look-alike's own button
 * while the desk cannot be reached; once it can, the board shows the agency's share — once. The
 * admin's commitment reaches the desk's board too.
 */
const REQUEST_ID = 'e2e-darurat-112';
const slow = { timeout: 30_000 };

/** The extension API evaluated inside the service worker (no @types/chrome in this project). */
declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };

function wibDay(offsetDays: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe('big team: extension and desk', () => {
  let dataDir: string;
  let extension: string;
  let desk: { child: ChildProcess; start: DeskStart };
  let browser: Browser;
  let sp: LaunchedExtension;
  let bureau: Page;
  /** While true the extension cannot reach the desk's API (the library still syncs). */
  let offline = false;
  let apiAttempts = 0;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sp-bigteam-desk-'));
    desk = await startDesk(['--demo', '--port', '0', '--data', dataDir]);
    extension = await extensionWithLoopbackAccess('sp-bigteam-ext-');
    browser = await chromium.launch({ executablePath: findChromium(), headless: true });
    sp = await launchExtension({ extensionDir: extension });
    await serveUrl(sp.context, `${desk.start.desk}/**`, async (route, request) => {
      if (new URL(request.url()).pathname.startsWith('/api/requests/')) apiAttempts++;
      if (offline && new URL(request.url()).pathname.startsWith('/api/')) {
        await route.abort('internetdisconnected');
        return;
      }
      const body = request.postDataBuffer();
      const response = await fetch(request.url(), {
        method: request.method(),
        headers: request.headers(),
        ...(body ? { body: new Uint8Array(body) } : {}),
      });
      await route.fulfill({
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: Buffer.from(await response.arrayBuffer()),
      });
    });
    await sp.serviceWorker.evaluate(async (agencyId) => {
      await chrome.storage.local.set({
        settings: {
          schemaVersion: 1,
          identity: { agencyId, adminName: 'Rina Humas', adminRole: 'Pranata Humas' },
        },
      });
    }, desk.start.agency.id);
    bureau = await browser.newPage();
    await signInToDesk(bureau, desk.start);
  }, 180_000);

  afterAll(async () => {
    await sp?.close();
    await browser?.close();
    // The desk must have exited before its PGlite folder goes: it may still be writing to it.
    if (desk) await stopDesk(desk.child);
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
    await rm(extension, { recursive: true, force: true });
  });

  async function boardRow(): Promise<string> {
    await bureau.goto(`${desk.start.desk}/review/board`);
    return (
      (await bureau
        .locator(`[data-sp="board-request"][data-request-id="${REQUEST_ID}"]`)
        .innerHTML({ timeout: 10_000 })) ?? ''
    );
  }

  it('a request written and published on the desk is shared from the look-alike, once, after an offline period', async () => {
    const { start } = desk;
    // The bureau: a new request with the form, then publish.
    await bureau.goto(`${start.desk}/review/board/new-request`);
    await bureau.locator('[data-sp="request-id"]').fill(REQUEST_ID);
    await bureau.locator('[data-sp="request-title"]').fill('Layanan darurat 112 (uji)');
    await bureau.locator('[data-sp="request-caption"]').selectOption('layanan-darurat-112');
    await bureau.locator(`input[name="agencies"][value="${start.agency.id}"]`).check();
    await bureau.locator('input[name="platforms"][value="facebook"]').check();
    await bureau.locator('[data-sp="request-from"]').fill(wibDay(-1));
    await bureau.locator('[data-sp="request-until"]').fill(wibDay(30));
    await bureau.locator('[data-sp="request-save"]').click();
    await bureau.waitForURL(/\/review\/board\?done=request-saved/, slow);
    await bureau.goto(`${start.desk}/review`);
    await publishOnDesk(bureau);
    expect(await boardRow()).toContain('0 dari 1 perangkat daerah');

    // The admin: the desk's library, key, address and token.
    const options = await openOptions(sp.context, sp.extensionId);
    await options.locator('[data-sp="library-url"]').fill(start.library);
    await options.locator('[data-sp="library-key"]').fill(await readFile(start.publicKey, 'utf8'));
    await options.locator('[data-sp="desk-url"]').fill(start.desk);
    await options.locator('[data-sp="desk-token"]').fill(start.agency.token);
    await options.locator('[data-sp="save"]').click();
    await expect
      .poll(() => options.locator('[data-sp="sync-status"]').getAttribute('data-state'), slow)
      .toBe('ok');
    await options.close();

    // Offline towards the desk: the post is recorded, the report waits.
    offline = true;
    const page = await sp.context.newPage();
    await openFacebookComposer(page);
    const request = sidebar(page).locator(`[data-sp="request"][data-request-id="${REQUEST_ID}"]`);
    await request.waitFor({ timeout: 60_000 });
    expect(await request.getAttribute('data-status')).toBe('open');
    await request.locator('[data-sp="insert"]').click();
    await expect.poll(async () => (await fixtureState(page)).caption, slow).toContain('layanan darurat 112');
    await page.locator('div[role="dialog"] [role="button"][aria-label="Posting"]').click();
    await expect.poll(async () => (await fixtureState(page)).posted?.length, slow).toBe(1);

    const popup = await openPopup(sp.context, sp.extensionId);
    const popupStatus = async () => {
      await popup.reload();
      return popup
        .locator(`[data-sp="request"][data-request-id="${REQUEST_ID}"]`)
        .getAttribute('data-status', { timeout: 20_000 });
    };
    await expect.poll(popupStatus, slow).toBe('done');
    await expect.poll(() => apiAttempts, slow).toBeGreaterThan(0);
    expect(await boardRow()).toContain('0 dari 1 perangkat daerah');

    // Back online: the queued report arrives with the next retry (backoff of about 30 s).
    offline = false;
    await expect.poll(boardRow, { timeout: 120_000, interval: 3_000 }).toContain('1 dari 1 perangkat daerah');
    const row = await boardRow();
    expect(row.match(/data-sp="board-share"/g)).toHaveLength(1);
    expect(row).toContain(`data-agency-id="${start.agency.id}"`);
    const csv = await (await bureau.request.get(`${start.desk}/review/board.csv`)).text();
    expect(csv.split('\r\n').filter((line) => line.startsWith(`${REQUEST_ID},`))).toHaveLength(1);
    const audit = await (await bureau.request.get(`${start.desk}/review/audit.csv`)).text();
    expect(audit.split('\r\n').filter((line) => line.includes(`request-done,${REQUEST_ID}`))).toHaveLength(1);
    await popup.close();
    await page.close();
  }, 300_000);

  it("the admin's commitment appears on the desk's board", async () => {
    const options = await openOptions(sp.context, sp.extensionId);
    await options.locator('[data-sp="commitment"]').waitFor(slow);
    await options.locator('[data-sp="commit"]').click();
    await options.locator('[data-sp="commitment-status"]').waitFor(slow);
    await options.close();
    await expect
      .poll(
        async () => {
          await bureau.goto(`${desk.start.desk}/review/board`);
          return bureau
            .locator(`[data-sp="commitment-row"][data-agency-id="${desk.start.agency.id}"]`)
            .count();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(1);
    expect(await bureau.locator('[data-sp="commitment-row"]').textContent()).toContain('Rina Humas');
  }, 120_000);
});
