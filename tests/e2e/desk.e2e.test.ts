import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintText, shortCode } from '@/lib/approvals/fingerprint';
import { verifyBundle } from '@/lib/library/verify-bundle';
import { findChromium } from './harness/launch.mjs';

/** The lines `npm run desk` prints (docs/desk.md), parsed. */
interface DeskStart {
  desk: string;
  library: string;
  publicKey: string;
  reviewer: { user: string; password: string };
  agency: { id: string; token: string };
}

function startDesk(dataDir: string): Promise<{ child: ChildProcess; start: DeskStart }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'desk/main.ts', '--demo', '--port', '0', '--data', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DATABASE_URL: '' },
    },
  );
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk) => {
    err += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`desk did not start in 90 s:\n${out}\n${err}`)), 90_000);
    child.on('exit', (code) => reject(new Error(`desk exited (${code}):\n${out}\n${err}`)));
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const desk = /^Desk: (\S+)$/m.exec(out)?.[1];
      const library = /^Library: (\S+)$/m.exec(out)?.[1];
      const publicKey = /^Public key: (.+)$/m.exec(out)?.[1];
      const reviewer = /^Reviewer: (\S+) (\S+)$/m.exec(out);
      const agency = /^Agency token \(([^)]+)\): (\S+)$/m.exec(out);
      if (desk && library && publicKey && reviewer && agency) {
        clearTimeout(timer);
        resolve({
          child,
          start: {
            desk,
            library,
            publicKey,
            reviewer: { user: reviewer[1] ?? '', password: reviewer[2] ?? '' },
            agency: { id: agency[1] ?? '', token: agency[2] ?? '' },
          },
        });
      }
    });
  });
}

function stopped(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

describe('the desk in Chromium', () => {
  let dataDir: string;
  let desk: { child: ChildProcess; start: DeskStart };
  let browser: Browser;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sp-desk-e2e-'));
    desk = await startDesk(dataDir);
    browser = await chromium.launch({ executablePath: findChromium(), headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    if (desk && desk.child.exitCode === null) desk.child.kill('SIGTERM');
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
    await page.locator('[data-sp="login-user"]').fill(start.reviewer.user);
    await page.locator('[data-sp="login-password"]').fill(start.reviewer.password);
    await page.locator('[data-sp="login-submit"]').click();
    const item = page.locator(`[data-sp="queue-item"][data-submission-id="${id}"]`);
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 30_000 }).toBe('pending');

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
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    await page.addScriptTag({ content: await readFile(axePath, 'utf8') });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }
      ).axe;
      const result = await axe.run();
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id}: ${JSON.stringify((v as unknown as { nodes: { target: string[] }[] }).nodes.map((n) => n.target))}`,
        );
    });
    expect(violations).toEqual([]);

    await page
      .locator('[data-sp="decision-note"]')
      .fill('Nomor pribadi dihapus dulu? Tidak apa, disetujui untuk uji.');
    await page.locator('[data-sp="decide"][data-decision="approved"]').click();
    await expect
      .poll(() => page.locator('[data-sp="submission"]').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('approved');
    await expect.poll(() => page.locator('[data-sp="decide"]').count()).toBe(0);

    await page.goto(`${start.desk}/review?status=all`);
    const before = Number(await page.locator('[data-sp="publish-status"]').getAttribute('data-version'));
    await page.locator('[data-sp="publish"]').click();
    await expect
      .poll(
        async () => Number(await page.locator('[data-sp="publish-status"]').getAttribute('data-version')),
        {
          timeout: 60_000,
        },
      )
      .toBe(before + 1);
    await context.close();

    const bundle = await fetch(start.library);
    const bytes = new Uint8Array(await bundle.arrayBuffer());
    const signature = (await (await fetch(`${start.library}.sig`)).text()).trim();
    const publicKey = JSON.parse(await readFile(start.publicKey, 'utf8'));
    const verified = await verifyBundle(bytes, { signature, publicKey });
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.bundle.version).toBe(before + 1);
    expect(verified.bundle.approvals).toContainEqual(
      expect.objectContaining({ fingerprint, status: 'approved' }),
    );
    const etag = bundle.headers.get('etag') ?? '';
    expect((await fetch(start.library, { headers: { 'if-none-match': etag } })).status).toBe(304);

    desk.child.kill('SIGTERM');
    expect(await stopped(desk.child)).toBe(0);
  });
});
