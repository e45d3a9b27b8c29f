// Launches Chromium with the built extension, shared by the e2e harness (harness.ts) and the demo
// (scripts/demo.mjs). Plain JS so the demo runs with plain node. Types: launch.d.mts.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { OFFLINE_ARGS, routeFixtures } from '../../fixtures/routes.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The unpacked extension: SP_EXTENSION_DIR, else .output/chrome-mv3 (what `npm run build` writes). */
export function extensionDir(explicit) {
  const dir = explicit ?? process.env.SP_EXTENSION_DIR ?? '.output/chrome-mv3';
  return isAbsolute(dir) ? dir : join(ROOT, dir);
}

/**
 * CHROMIUM_PATH, else Debian's /usr/bin/chromium, else a Playwright-installed Chromium. Branded
 * Google Chrome 137+ ignores --load-extension, so it is never picked automatically.
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(
        `CHROMIUM_PATH=${fromEnv} does not exist. Install Chromium with \`sudo apt-get install -y chromium\` ` +
          '(gives /usr/bin/chromium) or point CHROMIUM_PATH at a Chromium binary.',
      );
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  let bundled;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error(
    'No Chromium found for the e2e tests. Install one with `sudo apt-get install -y chromium` ' +
      '(Debian/Ubuntu, gives /usr/bin/chromium), or `npx playwright-core install chromium`, ' +
      'or point CHROMIUM_PATH at a Chromium binary (not branded Google Chrome, which ignores --load-extension).',
  );
}

/** Polls `probe` until it returns something, or gives up (returns undefined) after `timeoutMs`. */
async function waitFor(probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function isEmptyDir(dir) {
  try {
    return (await readdir(dir)).length === 0;
  } catch {
    return true;
  }
}

/**
 * Starts Chromium with the unpacked extension in a persistent profile.
 * Options: userDataDir (reuse a profile, e.g. to test a restart), extensionDir, headless (default
 * true), args (extra switches), keepOnboardingTab (leave the options tab a fresh install opens),
 * routeFixtures (default true: serve the look-alike pages and abort every other request).
 */
export async function launchExtension(opts = {}) {
  const dir = extensionDir(opts.extensionDir);
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(
      `No built extension in ${dir}. Run \`npm run build\` (or \`WXT_OUT_DIR=.output-x npx wxt build\` ` +
        'and set SP_EXTENSION_DIR=.output-x/chrome-mv3) first.',
    );
  const ownsProfile = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'satu-pintu-profile-')));
  const freshProfile = await isEmptyDir(userDataDir);
  const headless = opts.headless ?? true;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    // Playwright's own headless switch would pick the old headless mode; extensions need the new one.
    headless: false,
    viewport: opts.viewport !== undefined ? opts.viewport : { width: 1280, height: 800 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...OFFLINE_ARGS,
      ...(opts.args ?? []),
    ],
  });
  try {
    if (opts.routeFixtures !== false) await routeFixtures(context);
    const serviceWorker =
      context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (worker) => worker.url().startsWith('chrome-extension://'),
        timeout: 30_000,
      }));
    const extensionId = new URL(serviceWorker.url()).host;
    // The background opens the options page on install: wait for it so it does not pop up in the
    // middle of a test, and close it unless the caller wants it. Chromium reports onInstalled
    // 'install' on EVERY start of a --load-extension extension, so a reused profile gets the tab
    // too (quickly: the worker already runs). Polled, because a new tab's URL is still
    // about:blank when Playwright reports it.
    {
      const tab = await waitFor(
        () => context.pages().find((page) => page.url().includes('/options.html')),
        freshProfile ? 10_000 : 3_000,
      );
      if (tab && !opts.keepOnboardingTab) {
        // Closing the last tab of a headed window would end the browser.
        if (context.pages().length === 1) await context.newPage();
        await tab.close();
      }
    }
    const close = async (closeOpts = {}) => {
      await context.close();
      if (ownsProfile && !closeOpts.keepProfile) await rm(userDataDir, { recursive: true, force: true });
    };
    return { context, extensionId, serviceWorker, userDataDir, extensionDir: dir, close };
  } catch (error) {
    await context.close();
    if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
