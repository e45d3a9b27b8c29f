import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CSV_COLUMNS } from '@/lib/approvals/audit-log';
import { messages } from '@/lib/i18n';
import { LIBRARY_FORMAT, type LibraryBundle, LibraryBundleSchema } from '@/lib/library/schema';
import { generateKeyPair, type Jwk, signBytes } from '@/lib/library/signature';
import {
  type LaunchedExtension,
  launchExtension,
  openFacebookComposer,
  openOptions,
  openPopup,
  serveUrl,
  sidebar,
} from './harness';
import { extensionWithLoopbackAccess } from './harness/loopback';

/**
 * The options page against the built extension: first run, agency identity, library source (a
 * signed bundle served locally), export/import between profiles, and the language switch.
 */

const AGENCY = { id: 'dinas-uji-e2e', name: 'Dinas Uji Coba Satu Pintu Provinsi Kalimantan Barat' };

function bundle(): LibraryBundle {
  return LibraryBundleSchema.parse({
    format: LIBRARY_FORMAT,
    id: 'uji-e2e',
    // Higher than any embedded default, so the served one is accepted as newer.
    version: 900_000,
    issuedAt: '2026-11-01T00:00:00.000Z',
    expiresAt: '2030-01-01T00:00:00.000Z',
    publisher: 'Biro Administrasi Pimpinan',
    agencies: [
      {
        id: AGENCY.id,
        name: AGENCY.name,
        shortName: 'Dinas Uji Kalbar',
        kind: 'dinas',
        handles: { facebook: 'dinasuji.kalbar' },
        requiredHashtags: ['#PemprovKalbar'],
      },
      {
        id: 'dinas-lain-e2e',
        name: 'Dinas Lain Provinsi Kalimantan Barat',
        shortName: 'Dinas Lain',
        kind: 'dinas',
      },
    ],
    guidelines: [],
    captions: [
      {
        id: 'sapaan-e2e',
        title: 'Sapaan pagi',
        text: 'Selamat pagi dari {{agency.name}}.\n\n#PemprovKalbar',
        platforms: ['facebook', 'instagram'],
        approvedBy: 'Biro Administrasi Pimpinan',
        approvedAt: '2026-11-20',
      },
    ],
    hashtagSets: [{ id: 'wajib', kind: 'required', title: 'Wajib', hashtags: ['#PemprovKalbar'] }],
  });
}

let server: Server;
let libraryUrl: string;
let publicKey: Jwk;
let otherPublicKey: Jwk;
let patchedExtension: string;
const launched: LaunchedExtension[] = [];

async function launch(opts: { keepOnboardingTab?: boolean } = {}): Promise<LaunchedExtension> {
  const sp = await launchExtension({ extensionDir: patchedExtension, ...opts });
  launched.push(sp);
  // The bundle is served by a local server; route it too, in case the worker's fetches go
  // through Playwright (the harness aborts every request it does not know).
  await serveUrl(sp.context, `${libraryUrl}*`, async (route, request) => {
    const response = await fetch(request.url());
    await route.fulfill({ status: response.status, body: Buffer.from(await response.arrayBuffer()) });
  });
  return sp;
}

async function storedSettings(sp: LaunchedExtension): Promise<Record<string, unknown>> {
  // Runs in the service worker, where `chrome` exists (this file's types are Node's).
  return sp.serviceWorker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const { settings } = await api.storage.local.get('settings');
    return (settings ?? {}) as Record<string, unknown>;
  });
}

async function setSource(page: Page, key: Jwk) {
  await page.locator('[data-sp="library-url"]').fill(libraryUrl);
  await page.locator('[data-sp="library-key"]').fill(JSON.stringify(key));
  await page.locator('[data-sp="save"]').click();
}

/** Sets the served library as the source and waits until its agencies are offered. */
async function useServedLibrary(page: Page) {
  await setSource(page, publicKey);
  // Sized for a loaded 2-core machine: the Save verifies the bundle, then the background syncs it.
  const slow = { timeout: 20_000 };
  await expect
    .poll(() => page.locator('[data-sp="save-status"]').getAttribute('data-state'), slow)
    .toBe('ok');
  await expect
    .poll(() => page.locator('[data-sp="sync-status"]').getAttribute('data-state'), slow)
    .toBe('ok');
  await page.locator(`[data-sp="agency"] option[value="${AGENCY.id}"]`).waitFor({ state: 'attached' });
}

beforeAll(async () => {
  const bureau = await generateKeyPair();
  publicKey = bureau.publicJwk;
  otherPublicKey = (await generateKeyPair()).publicJwk;
  const bytes = new TextEncoder().encode(JSON.stringify(bundle(), null, 2));
  const signature = await signBytes(bytes, bureau.privateJwk);
  server = createServer((request, response) => {
    if (request.url === '/pustaka.json') response.end(bytes);
    else if (request.url === '/pustaka.json.sig') response.end(signature);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  libraryUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pustaka.json`;
  patchedExtension = await extensionWithLoopbackAccess('satu-pintu-ext-');
});

afterAll(async () => {
  for (const sp of launched) await sp.close().catch(() => undefined);
  await new Promise((resolve) => server?.close(resolve));
  if (patchedExtension) await rm(patchedExtension, { recursive: true, force: true });
});

describe('options page (e2e)', () => {
  it('opens on install in a fresh profile and walks the admin through choosing the agency', async () => {
    const sp = await launch({ keepOnboardingTab: true });
    // The harness waited for the tab the install opened and kept it.
    const page = sp.context.pages().find((candidate) => candidate.url().endsWith('/options.html'));
    if (!page) throw new Error('the install did not open the options page');
    await page.locator('[data-sp="first-run"]').waitFor();
    expect(await page.locator('[data-sp="options"]').getAttribute('data-first-run')).toBe('true');
    expect(await page.locator('[data-step="agency"]').getAttribute('aria-current')).toBe('step');
    await sp.close();
  });

  it('reports a wrong key and saves nothing; the right key syncs from the served library', async () => {
    const sp = await launch();
    const page = await openOptions(sp.context, sp.extensionId);

    // Not a P-256 public JWK: refused before anything leaves the page.
    await page.locator('[data-sp="library-url"]').fill(libraryUrl);
    await page.locator('[data-sp="library-key"]').fill('{"kty":"RSA","n":"abc","e":"AQAB"}');
    await page.locator('[data-sp="save"]').click();
    const keyError = page.locator('[data-sp="error"][data-field="libraryKey"]');
    await expect.poll(() => keyError.textContent()).toContain('EC');
    expect(await page.locator('[data-sp="library-key"]').getAttribute('aria-invalid')).toBe('true');

    // A valid P-256 key that did not sign this library: the signature check fails, nothing saved.
    await setSource(page, otherPublicKey);
    await expect.poll(() => keyError.textContent(), { timeout: 15_000 }).toContain('Belum disimpan');
    expect(await page.locator('[data-sp="test-status"]').getAttribute('data-state')).toBe('error');
    const notSaved = (await storedSettings(sp)).library as { url: string | null } | undefined;
    expect(notSaved?.url ?? null).toBeNull();
    await page.reload();
    expect(await page.locator('[data-sp="library-url"]').inputValue()).toBe('');

    // The right key: saved, synced, and the served library's agencies are offered.
    await useServedLibrary(page);
    expect(await page.locator('[data-sp="sync-status"]').textContent()).toContain('900000');
    expect(await storedSettings(sp)).toMatchObject({
      library: { url: libraryUrl, publicKey: { x: publicKey.x } },
    });
    await sp.close();
  });

  it('saves the desk with its origin granted, and inline-mark and diagnostics switches', async () => {
    const sp = await launch();
    const page = await openOptions(sp.context, sp.extensionId);
    const desk = new URL(libraryUrl).origin;
    const token = 'spd_Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4';
    await page.locator('[data-sp="desk-url"]').fill(`${desk}/`);
    await page.locator('[data-sp="desk-token"]').fill(token);
    await page.locator('[data-sp="marks-switch"][data-platform="youtube"]').uncheck();
    await page.locator('[data-sp="debug"]').check();
    await page.locator('[data-sp="save"]').click();
    await expect
      .poll(() => page.locator('[data-sp="save-status"]').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('ok');
    expect(await storedSettings(sp)).toMatchObject({
      desk: { url: desk, token },
      marks: { facebook: true, instagram: true, youtube: false },
      debug: true,
    });
    const granted = await sp.serviceWorker.evaluate(async (origin) => {
      const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      return api.permissions.contains({ origins: [`${origin}/*`] });
    }, desk);
    expect(granted).toBe(true);
    await sp.close();
  });

  it('stops waiting for a permission prompt nobody answers, says so, and saves nothing', async () => {
    // An origin the test build does not pre-grant: Chromium shows its prompt and nobody answers it.
    const sp = await launch();
    const page = await openOptions(sp.context, sp.extensionId);
    await page.locator('[data-sp="desk-url"]').fill('https://meja.kalbarprov.go.id');
    await page.locator('[data-sp="desk-token"]').fill('spd_Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4');
    await page.locator('[data-sp="save"]').click();
    const permission = page.locator('[data-sp="permission-status"]');
    await expect.poll(() => permission.getAttribute('data-state')).toBe('busy');
    // PERMISSION_TIMEOUT_MS (60 s) plus a loaded machine's margin.
    await expect.poll(() => permission.getAttribute('data-state'), { timeout: 90_000 }).toBe('error');
    expect(await permission.textContent()).toContain('Tidak ada jawaban');
    expect(await page.locator('[data-sp="save-status"]').getAttribute('data-state')).toBe('error');
    expect(await page.locator('[data-sp="save"]').isEnabled()).toBe(true);
    expect(await storedSettings(sp)).not.toHaveProperty('desk.url', 'https://meja.kalbarprov.go.id');
    await sp.close();
  }, 150_000);

  it('choosing an agency and saving puts it in the sidebar header and in captions', async () => {
    const sp = await launch();
    const options = await openOptions(sp.context, sp.extensionId);
    await useServedLibrary(options);
    // Keyboard only: search, Tab into the list, arrow to the agency, type the name, Enter saves.
    await options.locator('[data-sp="agency-search"]').focus();
    await options.keyboard.type('uji coba');
    await options.keyboard.press('Tab');
    expect(await options.evaluate(() => document.activeElement?.getAttribute('data-sp'))).toBe('agency');
    await options.keyboard.press('ArrowDown');
    expect(await options.locator('[data-sp="agency"]').inputValue()).toBe(AGENCY.id);
    // The agency's known Facebook page fills the empty handle field.
    expect(await options.locator('[data-sp="handle"][data-platform="facebook"]').inputValue()).toBe(
      'dinasuji.kalbar',
    );
    await options.keyboard.press('Tab');
    expect(await options.evaluate(() => document.activeElement?.getAttribute('data-sp'))).toBe('admin-name');
    await options.keyboard.type('Rina Wati');
    await options.keyboard.press('Enter');
    // (save-status is already "ok" from saving the source: wait for the stored identity instead.)
    await expect
      .poll(async () => (await storedSettings(sp)).identity)
      .toMatchObject({ agencyId: AGENCY.id, adminName: 'Rina Wati' });
    expect(await options.locator('[data-sp="first-run"]').count()).toBe(0);

    const page = await sp.context.newPage();
    await openFacebookComposer(page);
    const identity = sidebar(page).locator('[data-sp="agency-identity"]');
    await expect.poll(() => identity.getAttribute('data-agency-id'), { timeout: 15_000 }).toBe(AGENCY.id);
    expect(await identity.textContent()).toContain(AGENCY.name);
    const caption = sidebar(page).locator(
      '[data-sp="caption"][data-caption-id="sapaan-e2e"] [data-sp="caption-text"]',
    );
    await expect
      .poll(() => caption.textContent(), { timeout: 15_000 })
      .toContain(`Selamat pagi dari ${AGENCY.name}.`);
    await sp.close();
  });

  it('export, then import into a fresh profile, restores the same settings (and the audit log downloads)', async () => {
    const first = await launch();
    const options = await openOptions(first.context, first.extensionId);
    await useServedLibrary(options);
    await options.locator('[data-sp="agency"]').selectOption(AGENCY.id);
    await options.locator('[data-sp="admin-name"]').fill('Rina Wati');
    await options.locator('[data-sp="admin-role"]').fill('Pranata Humas Ahli Muda');
    await options.locator('[data-sp="handle"][data-platform="youtube"]').fill('DinasUjiKalbar');
    await options.locator('[data-sp="platform"][data-platform="instagram"]').uncheck();
    await options.locator('[data-sp="save"]').click();
    await expect.poll(() => options.locator('[data-sp="save-status"]').getAttribute('data-state')).toBe('ok');
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.locator('[data-sp="export"]').click(),
    ]);
    const exportDir = await mkdtemp(join(tmpdir(), 'satu-pintu-export-'));
    const file = join(exportDir, download.suggestedFilename());
    await download.saveAs(file);
    const exported = await storedSettings(first);

    // The audit log downloads from the same page, as CSV (header row first) and as JSON.
    const [csv] = await Promise.all([
      options.waitForEvent('download'),
      options.locator('[data-sp="audit-export"][data-format="csv"]').click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^satu-pintu-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvFile = join(tmpdir(), `satu-pintu-audit-${Date.now()}.csv`);
    await csv.saveAs(csvFile);
    expect((await readFile(csvFile, 'utf8')).split('\r\n')[0]).toBe(AUDIT_CSV_COLUMNS.join(','));
    const [json] = await Promise.all([
      options.waitForEvent('download'),
      options.locator('[data-sp="audit-export"][data-format="json"]').click(),
    ]);
    const jsonFile = join(tmpdir(), `satu-pintu-audit-${Date.now()}.json`);
    await json.saveAs(jsonFile);
    expect(Array.isArray(JSON.parse(await readFile(jsonFile, 'utf8')))).toBe(true);
    await rm(csvFile, { force: true });
    await rm(jsonFile, { force: true });
    await first.close();

    const second = await launch();
    const fresh = await openOptions(second.context, second.extensionId);
    await fresh.locator('[data-sp="import"]').setInputFiles(file);
    await expect.poll(() => fresh.locator('[data-sp="import-status"]').getAttribute('data-state')).toBe('ok');
    await fresh.locator('[data-sp="save"]').click();
    await expect.poll(() => fresh.locator('[data-sp="save-status"]').getAttribute('data-state')).toBe('ok');
    expect(await storedSettings(second)).toEqual(exported);
    expect(exported).toMatchObject({
      identity: {
        agencyId: AGENCY.id,
        adminName: 'Rina Wati',
        adminRole: 'Pranata Humas Ahli Muda',
        handles: { facebook: 'dinasuji.kalbar', youtube: '@DinasUjiKalbar' },
      },
      platforms: { facebook: true, instagram: false, youtube: true },
    });

    // A file from another tool is refused with a clear message, and changes nothing.
    const foreign = join(tmpdir(), `satu-pintu-foreign-${Date.now()}.json`);
    await writeFile(foreign, JSON.stringify({ format: 'satu-pintu/library@1', agencies: [] }));
    await fresh.locator('[data-sp="import"]').setInputFiles(foreign);
    await expect
      .poll(() => fresh.locator('[data-sp="import-status"]').getAttribute('data-state'))
      .toBe('error');
    expect(await fresh.locator('[data-sp="import-status"]').textContent()).toContain('satu-pintu/library@1');
    await rm(foreign, { force: true });
    await rm(exportDir, { recursive: true, force: true });
    await second.close();
  });

  it('switching to English changes the options page, the popup and the sidebar', async () => {
    const sp = await launch();
    const options = await openOptions(sp.context, sp.extensionId);
    await options.locator('[data-sp="language"]').selectOption('en');
    await options.locator('[data-sp="save"]').click();
    await expect.poll(() => options.locator('h1').textContent()).toBe(messages['options.title'].en);

    const popup = await openPopup(sp.context, sp.extensionId);
    await expect.poll(() => englishOnly(popup, 'popup.'), { timeout: 10_000 }).not.toEqual([]);

    const page = await sp.context.newPage();
    await openFacebookComposer(page);
    const identity = sidebar(page).locator('[data-sp="agency-identity"]');
    await expect
      .poll(() => identity.textContent(), { timeout: 15_000 })
      .toContain(messages['sidebar.agency.none'].en);
    await sp.close();
  });
});

/** Messages of a domain whose English text (differing from the Indonesian) is on the page. */
async function englishOnly(page: Page, prefix: string) {
  const text = (await page.locator('body').textContent()) ?? '';
  return Object.entries(messages)
    .filter(
      ([key, message]) => key.startsWith(prefix) && message.en !== message.id && !message.en.includes('{'),
    )
    .filter(([, message]) => text.includes(message.en))
    .map(([key]) => key);
}
