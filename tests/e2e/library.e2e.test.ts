import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '@/lib/i18n';
import { type LibraryBundle, LibraryBundleSchema } from '@/lib/library/schema';
import { generateKeyPair, type KeyPair, signBytes } from '@/lib/library/signature';
import {
  type LaunchedExtension,
  launchExtension,
  openFacebookComposer,
  openOptions,
  serveUrl,
  sidebar,
} from './harness';

/**
 * The library end to end: a signed bundle served on an https URL is configured in the options
 * page, synced by the background, and its captions appear in the Facebook sidebar; then a
 * tampered bundle is served, refused with a visible reason, and the good captions stay; then an
 * older signed bundle is refused (rollback), and one with another library id waits until the admin
 * confirms the switch in the options page.
 *
 * The bundle is served on https://www.facebook.com/…: that origin is in the manifest's
 * host_permissions, so the optional-permission prompt (which headless Chromium cannot answer) is
 * not needed; the signature, schema and version checks are the same for any origin.
 */
const LIBRARY_URL = 'https://www.facebook.com/__satu-pintu-library-e2e__/kalbar.json';
const SERVED_CAPTION = 'uji-pustaka-tersinkron';
const SERVED_TEXT = 'Pustaka dari server uji sudah tersinkron.';
const TAMPERED_TEXT = 'Teks ini disisipkan tanpa tanda tangan.';

/** The embedded Kalimantan Barat library with one extra caption, as the bureau would publish it. */
async function servedBundle(): Promise<LibraryBundle> {
  const embedded = LibraryBundleSchema.parse(
    JSON.parse(await readFile(join(import.meta.dirname, '../../public/library/kalbar.json'), 'utf8')),
  );
  return {
    ...embedded,
    version: embedded.version + 1,
    captions: [
      ...embedded.captions,
      {
        id: SERVED_CAPTION,
        title: 'Uji pustaka tersinkron',
        text: `${SERVED_TEXT}\n\nSumber: {{agency.shortName}}\n#PemprovKalbar`,
        platforms: ['facebook', 'instagram'],
        agencies: [],
        tags: ['uji'],
        approvedBy: 'Biro Administrasi Pimpinan',
        approvedAt: '2026-11-20',
      },
    ],
  };
}

let keys: KeyPair;
let sp: LaunchedExtension;
/** What the scripted server answers now; swapped between the good and the tampered bundle. */
const served = { body: Buffer.alloc(0), signature: '' };

beforeAll(async () => {
  keys = await generateKeyPair();
  sp = await launchExtension();
  await serveUrl(sp.context, `${LIBRARY_URL}.sig`, (route) =>
    route.fulfill({ status: 200, body: served.signature }),
  );
  await serveUrl(sp.context, LIBRARY_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: served.body }),
  );
});

afterAll(async () => {
  await sp?.close();
});

async function libraryStatus(): Promise<{ version: number | null; error: { code: string } | null }> {
  return sp.serviceWorker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const { libraryStatus } = await api.storage.local.get('libraryStatus');
    return libraryStatus as { version: number | null; error: { code: string } | null };
  });
}

async function sidebarCaption(page: Page) {
  const bar = sidebar(page);
  await bar.locator('[data-sp="search"]').fill('tersinkron');
  return bar.locator(`[data-sp="caption"][data-caption-id="${SERVED_CAPTION}"]`);
}

describe('central library sync', () => {
  it('syncs a signed library configured in the options page, then refuses a tampered one and keeps the good captions', async () => {
    const good = await servedBundle();
    const goodBytes = Buffer.from(`${JSON.stringify(good, null, 2)}\n`);
    served.body = goodBytes;
    served.signature = await signBytes(goodBytes, keys.privateJwk);

    // The admin sets the library source in the options page.
    const options = await openOptions(sp.context, sp.extensionId);
    await options.locator('[data-sp="library-url"]').fill(LIBRARY_URL);
    await options.locator('[data-sp="library-key"]').fill(JSON.stringify(keys.publicJwk));
    await options.locator('[data-sp="save"]').click();
    await expect.poll(async () => (await libraryStatus())?.version, { timeout: 30_000 }).toBe(good.version);
    await expect.poll(() => options.locator('[data-sp="sync-status"]').getAttribute('data-state')).toBe('ok');
    expect(await options.locator('[data-sp="sync-status"]').textContent()).toContain(`versi ${good.version}`);

    // The served caption appears in the sidebar on Facebook.
    const page = await sp.context.newPage();
    await openFacebookComposer(page);
    const caption = await sidebarCaption(page);
    await expect.poll(() => caption.count(), { timeout: 20_000 }).toBe(1);
    expect(await caption.locator('[data-sp="caption-text"]').textContent()).toContain(SERVED_TEXT);

    // A newer bundle whose body was changed after signing: the old signature no longer holds.
    const tampered = { ...good, version: good.version + 1 };
    tampered.captions = tampered.captions.map((c) =>
      c.id === SERVED_CAPTION ? { ...c, text: TAMPERED_TEXT } : c,
    );
    served.body = Buffer.from(`${JSON.stringify(tampered, null, 2)}\n`);

    await options.bringToFront();
    await options.locator('[data-sp="sync"]').click();
    await expect
      .poll(async () => (await libraryStatus())?.error?.code, { timeout: 30_000 })
      .toBe('signature');
    await expect
      .poll(() => options.locator('[data-sp="sync-status"]').getAttribute('data-state'))
      .toBe('error');
    const reason = await options.locator('[data-sp="sync-status"]').textContent();
    // This key verified the library before: the message says the key is right and the bureau must
    // re-sign, instead of inviting the admin to change a correct key.
    expect(reason).toContain(messages['library.error.signature.resign'].id);
    expect(reason).not.toContain(messages['library.error.signature'].id);
    expect((await libraryStatus())?.error).toMatchObject({ detail: 'mismatch', knownKey: true });
    expect((await libraryStatus()).version).toBe(good.version);

    // The last good library stays in use: a fresh composer still offers the signed caption.
    await page.reload();
    await openFacebookComposer(page);
    const again = await sidebarCaption(page);
    await expect.poll(() => again.count(), { timeout: 20_000 }).toBe(1);
    const text = await again.locator('[data-sp="caption-text"]').textContent();
    expect(text).toContain(SERVED_TEXT);
    expect(text).not.toContain(TAMPERED_TEXT);
  });

  it('refuses an older signed bundle; a bundle with another library id waits for the admin to confirm', async () => {
    const good = await servedBundle();
    const serve = async (bundle: LibraryBundle) => {
      served.body = Buffer.from(`${JSON.stringify(bundle, null, 2)}\n`);
      served.signature = await signBytes(served.body, keys.privateJwk);
    };
    const options = await openOptions(sp.context, sp.extensionId);
    const syncStatus = options.locator('[data-sp="sync-status"]');

    // A replay of an older bundle, correctly signed: refused, the library in use stays.
    await serve({ ...good, version: good.version - 1 });
    await options.locator('[data-sp="sync"]').click();
    await expect.poll(async () => (await libraryStatus())?.error?.code, { timeout: 30_000 }).toBe('rollback');
    expect((await libraryStatus()).version).toBe(good.version);

    // Another library signed with the same key: refused until the admin confirms the switch.
    await serve({ ...good, id: 'pustaka-lain', version: 1 });
    await options.locator('[data-sp="sync"]').click();
    await expect
      .poll(async () => (await libraryStatus())?.error?.code, { timeout: 30_000 })
      .toBe('library-id');
    await expect.poll(() => syncStatus.textContent(), { timeout: 10_000 }).toContain('"pustaka-lain"');
    expect((await libraryStatus()).version).toBe(good.version);
    const confirm = options.locator('[data-sp="library-switch-confirm"]');
    await confirm.waitFor({ timeout: 10_000 });
    expect(await confirm.getAttribute('data-library-id')).toBe('pustaka-lain');
    await confirm.click();
    await expect
      .poll(async () => (await libraryStatus()) as { version: number | null; libraryId?: string }, {
        timeout: 30_000,
      })
      .toMatchObject({ libraryId: 'pustaka-lain', version: 1, error: null });
  });
});
