import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { DeskStart } from '../../desk/spawn-desk';
import { extensionDir } from './launch.mjs';

/**
 * A copy of the built extension with http://127.0.0.1 granted up front. Chromium's prompt for an
 * optional origin cannot be answered in a headless test, so `permissions.request` from the options
 * page's Save click then resolves at once, exactly as after an admin clicked "Allow".
 */
export async function extensionWithLoopbackAccess(prefix = 'sp-ext-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await cp(extensionDir(), dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), 'http://127.0.0.1/*'];
  await writeFile(manifestPath, JSON.stringify(manifest));
  return dir;
}

/** Signs the desk's demo reviewer in on the review page. */
export async function signInToDesk(page: Page, start: DeskStart): Promise<void> {
  await page.goto(`${start.desk}/review/login`);
  await page.locator('[data-sp="login-user"]').fill(start.reviewer.user);
  await page.locator('[data-sp="login-password"]').fill(start.reviewer.password);
  await page.locator('[data-sp="login-submit"]').click();
  await page.waitForURL(/\/review(\?|$)/, { timeout: 30_000 });
}

/**
 * Presses the review page's publish button (the page shows the queue) and waits for the next
 * version to be signed and shown; returns that version.
 */
export async function publishOnDesk(page: Page): Promise<number> {
  const version = async () =>
    Number(await page.locator('[data-sp="publish-status"]').getAttribute('data-version'));
  const before = await version();
  await page.locator('[data-sp="publish"]').click();
  await expect.poll(version, { timeout: 60_000 }).toBe(before + 1);
  return before + 1;
}
