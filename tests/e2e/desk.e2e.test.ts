import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintText, shortCode } from '@/lib/approvals/fingerprint';
import { verifyBundle } from '@/lib/library/verify-bundle';
import { type DeskStart, startDesk, stopDesk } from '../desk/spawn-desk';
import {
  type LaunchedExtension,
  launchExtension,
  openFacebookComposer,
  openOptions,
  openPopup,
  serveUrl,
  sidebar,
  typeLikeAUser,
} from './harness';
import { findChromium } from './harness/launch.mjs';
import { extensionWithLoopbackAccess, publishOnDesk, signInToDesk } from './harness/loopback';

/** axe-core's serious and critical findings on the page (WCAG rules), as "rule: [targets]". */
async function seriousViolations(page: Page): Promise<string[]> {
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  await page.addScriptTag({ content: await readFile(axePath, 'utf8') });
  return page.evaluate(async () => {
    type Violation = { id: string; impact: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

describe('the desk in Chromium', () => {
  let dataDir: string;
  let desk: { child: ChildProcess; start: DeskStart };
  let browser: Browser;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sp-desk-e2e-'));
    desk = await startDesk(['--demo', '--port', '0', '--data', dataDir]);
    browser = await chromium.launch({ executablePath: findChromium(), headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    if (desk) await stopDesk(desk.child);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('receives a submission, shows it with its findings, records the approval and publishes it signed', async () => {
    const { start } = desk;
    expect(start.desk).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(start.library).toBe(`${start.desk}/library/kalbar.json`);
    const text =
      'Diskominfo Kalbar menggelar sosialisasi keamanan data di Pontianak, Kamis (26/11/2026). Info: hubungi Pak Budi 0812-3456-7890.';
    const fingerprint = await fingerprintText(text);
    const id = `e2e-${fingerprint.slice(0, 12)}`;
    const response = await fetch(`${start.desk}/api/submissions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${start.agency.token}`,
        'content-type': 'application/json',
        'idempotency-key': id,
      },
      body: JSON.stringify({
        id,
        fingerprint,
        shortCode: shortCode(fingerprint),
        text,
        platform: 'facebook',
        field: 'caption',
        agencyId: start.agency.id,
        adminName: 'Rina Humas',
        adminRole: 'Pranata Humas',
        createdAt: new Date().toISOString(),
      }),
    });
    expect(response.status).toBe(201);

    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${start.desk}/review`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('[data-sp="login-user"]').fill(start.reviewer.user);
    await page.locator('[data-sp="login-password"]').fill(start.reviewer.password);
    await page.locator('[data-sp="login-submit"]').click();
    const item = page.locator(`[data-sp="queue-item"][data-submission-id="${id}"]`);
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 30_000 }).toBe('pending');
    expect(await seriousViolations(page)).toEqual([]);

    // A page on another site that posts a decision in the signed-in reviewer's browser is refused:
    // the session cookie is SameSite=Strict and the desk checks the Origin.
    await context.route('https://evil.example/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<form method="post" action="${start.desk}/review/submissions/${id}/decide">
          <input name="decision" value="rejected"><button id="go">go</button></form>`,
      }),
    );
    const evil = await context.newPage();
    await evil.goto('https://evil.example/');
    const [answer] = await Promise.all([
      evil.waitForResponse((response) => response.url().includes('/decide'), { timeout: 30_000 }),
      evil.locator('#go').click(),
    ]);
    expect([401, 403]).toContain(answer.status());
    await evil.close();
    await page.reload();
    expect(await item.getAttribute('data-status')).toBe('pending');

    // Keyboard only: the item's link is reachable and opens with Enter.
    await item.locator('a').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/review\/submissions\//, { timeout: 30_000 });
    await expect
      .poll(() => page.locator('[data-sp="review-finding"][data-category="personal-data"]').count(), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);

    // No serious accessibility problem on the page a reviewer works in.
    expect(await seriousViolations(page)).toEqual([]);

    await page
      .locator('[data-sp="decision-note"]')
      .fill('Nomor pribadi dihapus dulu? Tidak apa, disetujui untuk uji.');
    await page.locator('[data-sp="decide"][data-decision="approved"]').click();
    await expect
      .poll(() => page.locator('[data-sp="submission"]').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('approved');
    await expect.poll(() => page.locator('[data-sp="decide"]').count()).toBe(0);

    await page.goto(`${start.desk}/review?status=all`);
    const published = await publishOnDesk(page);
    await context.close();

    const bundle = await fetch(start.library);
    const bytes = new Uint8Array(await bundle.arrayBuffer());
    const signature = (await (await fetch(`${start.library}.sig`)).text()).trim();
    const publicKey = JSON.parse(await readFile(start.publicKey, 'utf8'));
    const verified = await verifyBundle(bytes, { signature, publicKey });
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.bundle.version).toBe(published);
    expect(verified.bundle.approvals).toContainEqual(
      expect.objectContaining({ fingerprint, status: 'approved' }),
    );
    const etag = bundle.headers.get('etag') ?? '';
    expect((await fetch(start.library, { headers: { 'if-none-match': etag } })).status).toBe(304);

    expect(await stopDesk(desk.child)).toBe(0);
  });
});

describe('the whole door: extension → desk → signed library → extension', () => {
  let dataDir: string;
  let extension: string;
  let desk: { child: ChildProcess; start: DeskStart };
  let browser: Browser;
  let sp: LaunchedExtension;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sp-desk-loop-'));
    desk = await startDesk(['--demo', '--port', '0', '--data', dataDir]);
    extension = await extensionWithLoopbackAccess('sp-desk-ext-');
    browser = await chromium.launch({ executablePath: findChromium(), headless: true });
    sp = await launchExtension({ extensionDir: extension });
    // The harness aborts requests it does not know; pass the desk's through to the real server.
    await serveUrl(sp.context, `${desk.start.desk}/**`, async (route, request) => {
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
  });
  afterAll(async () => {
    await sp?.close();
    await browser?.close();
    if (desk) await stopDesk(desk.child);
    await rm(dataDir, { recursive: true, force: true });
    await rm(extension, { recursive: true, force: true });
  });

  it('a draft submitted from the Facebook look-alike is approved on the desk and shows approved after sync', async () => {
    const { start } = desk;
    const slow = { timeout: 30_000 };

    // The admin: the desk's library and key, the desk's address and the agency token, in the options page.
    const options = await openOptions(sp.context, sp.extensionId);
    await options.locator('[data-sp="library-url"]').fill(start.library);
    await options.locator('[data-sp="library-key"]').fill(await readFile(start.publicKey, 'utf8'));
    await options.locator('[data-sp="desk-url"]').fill(start.desk);
    await options.locator('[data-sp="desk-token"]').fill(start.agency.token);
    await options.locator('[data-sp="save"]').click();
    await expect
      .poll(() => options.locator('[data-sp="save-status"]').getAttribute('data-state'), slow)
      .toBe('ok');
    await expect
      .poll(() => options.locator('[data-sp="sync-status"]').getAttribute('data-state'), slow)
      .toBe('ok');
    await options.close();

    const draft = 'Diskominfo Kalbar mengajak warga memeriksa kebenaran berita sebelum membagikannya.';
    const page = await sp.context.newPage();
    const editor = await openFacebookComposer(page);
    await typeLikeAUser(page, editor, draft);
    const approval = sidebar(page).locator('[data-sp="approval"]');
    await expect.poll(() => approval.getAttribute('data-status'), slow).toBe('not-submitted');
    await sidebar(page).locator('[data-sp="submit"]').click();
    await expect.poll(() => approval.getAttribute('data-status'), slow).toBe('pending');

    // The reviewer: the submission arrives in the queue, with its findings; approve and publish.
    const review = await browser.newPage();
    await signInToDesk(review, start);
    const item = review.locator('[data-sp="queue-item"]', { hasText: 'memeriksa kebenaran berita' });
    await expect
      .poll(
        async () => {
          await review.reload();
          return item.count();
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(1);
    await item.locator('a').click();
    await review.locator('[data-sp="review-verdict"]').waitFor(slow);
    await review.locator('[data-sp="decision-note"]').fill('Silakan unggah.');
    await review.locator('[data-sp="decide"][data-decision="approved"]').click();
    await expect
      .poll(() => review.locator('[data-sp="submission"]').getAttribute('data-status'), slow)
      .toBe('approved');
    await review.goto(`${start.desk}/review`);
    await publishOnDesk(review);
    await review.close();

    // The admin: "sync now" in the popup shows the approval at once, and the sidebar follows.
    const popup = await openPopup(sp.context, sp.extensionId);
    await popup.locator('[data-sp="sync"]').click();
    const submission = popup.locator('[data-sp="submission"]');
    await expect.poll(() => submission.first().getAttribute('data-status'), slow).toBe('approved');
    await popup.close();
    await page.bringToFront();
    await expect.poll(() => approval.getAttribute('data-status'), slow).toBe('approved');

    // Editing the approved text says so.
    await page.locator('div[role="dialog"] div[role="textbox"][data-lexical-editor="true"]').focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Terima kasih.');
    await expect.poll(() => approval.getAttribute('data-status'), slow).toBe('changed-since-approval');
  });
});
