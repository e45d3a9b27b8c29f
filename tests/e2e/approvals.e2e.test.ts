import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApprovalRecord,
  LIBRARY_FORMAT,
  type LibraryBundle,
  LibraryBundleSchema,
} from '@/lib/library/schema';
import { generateKeyPair, type Jwk, publicPart, signBytes } from '@/lib/library/signature';
import {
  type LaunchedExtension,
  launchExtension,
  openFacebookComposer,
  openPopup,
  serveUrl,
  sidebar,
  typeLikeAUser,
} from './harness';

/**
 * Approvals end to end on the Facebook look-alike: submit → pending in the popup; a newly signed
 * library approves the fingerprint (computed by the CLI, as the bureau would) → sync now → approved
 * in popup and sidebar; one word edited → changed-since-approval with the diff; restore → approved;
 * with a submit endpoint the submission is POSTed exactly once; submissions and the audit log
 * survive an extension reload and a browser restart on the same profile.
 *
 * The library is served on https://www.facebook.com/…: that origin is in the manifest's
 * host_permissions, so no optional-permission prompt (which headless Chromium cannot answer) is needed.
 */
const LIBRARY_URL = 'https://www.facebook.com/__satu-pintu-e2e__/library.json';
const SUBMIT_URL = 'https://www.facebook.com/__satu-pintu-e2e__/submit';
const DRAFT = 'Gubernur Kalbar meresmikan Jembatan Kapuas hari ini.\nMari jaga fasilitas umum bersama.';

const run = promisify(execFile);

/** The few extension APIs evaluated inside the service worker (no @types/chrome in this project). */
declare const chrome: {
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
  };
  tabs: { query(query: { url: string }): Promise<{ id?: number }[]> };
};

async function cliFingerprint(text: string): Promise<string> {
  // The documented contract: `npm run --silent cli -- fingerprint -` prints only the fingerprint.
  const child = run('npm', ['run', '--silent', 'cli', '--', 'fingerprint', '-'], { encoding: 'utf8' });
  child.child.stdin?.end(text);
  const { stdout } = await child;
  return stdout.trim();
}

/** Remote versions well above the embedded default's, so the client never sees a rollback. */
const V = 1000;

function bundle(version: number, approvals: ApprovalRecord[], submit?: string): LibraryBundle {
  return LibraryBundleSchema.parse({
    format: LIBRARY_FORMAT,
    id: 'uji-e2e',
    version,
    issuedAt: '2026-11-01T00:00:00.000Z',
    expiresAt: '2030-01-01T00:00:00.000Z',
    publisher: 'Biro Administrasi Pimpinan',
    agencies: [
      {
        id: 'dinkes',
        name: 'Dinas Kesehatan Provinsi Kalimantan Barat',
        shortName: 'Dinkes Kalbar',
        kind: 'dinas',
      },
    ],
    guidelines: [],
    captions: [],
    hashtagSets: [],
    approvals,
    endpoints: submit ? { submit } : {},
  });
}

let sp: LaunchedExtension;
let privateKey: Jwk;
let served: { bytes: Uint8Array; signature: string } | null = null;

async function serve(next: LibraryBundle): Promise<void> {
  const bytes = new TextEncoder().encode(JSON.stringify(next, null, 2));
  served = { bytes, signature: await signBytes(bytes, privateKey) };
}

function worker(): Worker {
  return sp.context.serviceWorkers().find((candidate) => candidate.url().startsWith('chrome-extension://'))!;
}

async function libraryVersion(): Promise<number | null> {
  return worker().evaluate(async () => {
    const { libraryStatus } = await chrome.storage.local.get('libraryStatus');
    return (libraryStatus as { version: number | null } | undefined)?.version ?? null;
  });
}

async function tabIdOf(urlPattern: string): Promise<number> {
  return worker().evaluate(
    async (pattern) => (await chrome.tabs.query({ url: pattern }))[0]!.id!,
    urlPattern,
  );
}

async function popupFor(tabId: number): Promise<Page> {
  const popup = await openPopup(sp.context, sp.extensionId);
  await popup.goto(`chrome-extension://${sp.extensionId}/popup.html?tabId=${tabId}`);
  await popup.locator('[data-sp="sync-status"]').waitFor();
  return popup;
}

/**
 * Reloads the extension as a developer does on chrome://extensions. Chromium disables a reloaded
 * unpacked extension ("unsupportedDeveloperExtension") unless developer mode is on, so turn it on.
 */
async function reloadExtension(): Promise<void> {
  const extensions = await sp.context.newPage();
  await extensions.goto('chrome://extensions');
  await extensions.evaluate(async (id) => {
    const { developerPrivate } = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } })
      .chrome;
    await developerPrivate.updateProfileConfiguration({ inDeveloperMode: true });
    await developerPrivate.reload(id, { failQuietly: false });
  }, sp.extensionId);
  await extensions.close();
}

interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
  reload(id: string, options: { failQuietly: boolean }): Promise<void>;
}

/** Back to the Facebook tab (the popup tab had the focus) with the caret at the end of the draft. */
async function moveCaretToEnd(page: Page): Promise<void> {
  await page.bringToFront();
  await page.locator('div[role="dialog"] div[role="textbox"][data-lexical-editor="true"]').focus();
  await page.keyboard.press('Control+End');
}

const approvalStatus = (page: Page) =>
  sidebar(page).locator('[data-sp="approval"]').getAttribute('data-status');

beforeAll(async () => {
  const keyPair = await generateKeyPair();
  privateKey = keyPair.privateJwk;
  sp = await launchExtension();
  await serveUrl(sp.context, LIBRARY_URL, async (route) => {
    if (!served) return route.fulfill({ status: 404, body: '' });
    await route.fulfill({ status: 200, contentType: 'application/json', body: Buffer.from(served.bytes) });
  });
  await serveUrl(sp.context, `${LIBRARY_URL}.sig`, async (route) => {
    if (!served) return route.fulfill({ status: 404, body: '' });
    await route.fulfill({ status: 200, contentType: 'text/plain', body: served.signature });
  });
  await serve(bundle(V + 1, []));
  // Pointing the settings at the library makes the background sync it at once.
  await worker().evaluate(
    async ({ url, publicKey }) => {
      await chrome.storage.local.set({
        settings: {
          schemaVersion: 1,
          identity: { agencyId: 'dinkes', adminName: 'Rina Humas', adminRole: 'Pranata Humas', handles: {} },
          library: { url, publicKey },
          language: 'id',
        },
      });
    },
    { url: LIBRARY_URL, publicKey: publicPart(keyPair.publicJwk) },
  );
});

afterAll(async () => {
  await sp?.close();
});

describe('approvals on the Facebook look-alike', () => {
  let page: Page;
  let fingerprint: string;
  let sentId = '';
  let submitPosts: { id: string }[] = [];

  it('uses the signed library from the settings', async () => {
    await expect.poll(libraryVersion, { timeout: 20_000 }).toBe(V + 1);
  });

  it('submits a draft: the sidebar and the popup say pending', async () => {
    page = await sp.context.newPage();
    const editor = await openFacebookComposer(page);
    await typeLikeAUser(page, editor, DRAFT);
    await expect.poll(() => approvalStatus(page), { timeout: 10_000 }).toBe('not-submitted');
    await sidebar(page).locator('[data-sp="submit"]').click();
    await expect.poll(() => approvalStatus(page), { timeout: 10_000 }).toBe('pending');
    // No submit endpoint in the library: the sidebar offers the manual ways with the short code.
    const share = sidebar(page).locator('[data-sp="share-whatsapp"]');
    expect(await share.getAttribute('href')).toMatch(/^https:\/\/wa\.me\/\?text=/);

    fingerprint = await cliFingerprint(DRAFT);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const popup = await popupFor(await tabIdOf('https://www.facebook.com/*'));
    const item = popup.locator('[data-sp="submission"]');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getAttribute('data-status')).toBe('pending');
    // The CLI and the extension agree on the fingerprint of the text read from Lexical.
    expect(await item.getAttribute('data-fingerprint')).toBe(fingerprint);
    expect(await popup.locator('[data-sp="approval"]').getAttribute('data-status')).toBe('pending');
    await popup.close();
  });

  it('a newly signed library approves it: after "sync now" popup and sidebar say approved', async () => {
    await serve(
      bundle(V + 2, [
        {
          fingerprint,
          status: 'approved',
          reviewer: 'Kabag Protokol',
          decidedAt: '2026-11-26T13:00:00+07:00',
        },
      ]),
    );
    const popup = await popupFor(await tabIdOf('https://www.facebook.com/*'));
    await popup.locator('[data-sp="sync"]').click();
    const item = popup.locator('[data-sp="submission"]');
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 15_000 }).toBe('approved');
    expect(await libraryVersion()).toBe(V + 2);
    expect(await popup.locator('[data-sp="sync-status"]').textContent()).toContain(String(V + 2));
    await expect.poll(() => approvalStatus(page), { timeout: 15_000 }).toBe('approved');
    await popup.close();
  });

  it('editing one word says changed-since-approval with the diff; restore makes it approved again', async () => {
    await moveCaretToEnd(page);
    for (let i = 0; i < 'bersama.'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('semua.');
    await expect.poll(() => approvalStatus(page), { timeout: 10_000 }).toBe('changed-since-approval');
    const badge = sidebar(page).locator('[data-sp="approval"]');
    expect((await badge.locator('[data-sp="diff-removed"]').allTextContents()).join('').trim()).toBe(
      'bersama.',
    );
    expect((await badge.locator('[data-sp="diff-added"]').allTextContents()).join('').trim()).toBe('semua.');
    await badge.locator('[data-sp="restore"]').click();
    await expect.poll(() => approvalStatus(page), { timeout: 10_000 }).toBe('approved');
  });

  it('with a submit endpoint, POSTs a new submission exactly once', async () => {
    const received: { id: string; fingerprint: string; agencyId: string }[] = [];
    await serveUrl(sp.context, SUBMIT_URL, async (route, request) => {
      received.push(JSON.parse(request.postData() ?? '{}'));
      await route.fulfill({ status: 201, contentType: 'application/json', body: '{}' });
    });
    await serve(
      bundle(
        V + 3,
        [
          {
            fingerprint,
            status: 'approved',
            reviewer: 'Kabag Protokol',
            decidedAt: '2026-11-26T13:00:00+07:00',
          },
        ],
        SUBMIT_URL,
      ),
    );
    const popup = await popupFor(await tabIdOf('https://www.facebook.com/*'));
    await popup.locator('[data-sp="sync"]').click();
    await expect.poll(libraryVersion, { timeout: 15_000 }).toBe(V + 3);
    await popup.close();

    await moveCaretToEnd(page);
    await page.keyboard.type(' #KalbarMaju');
    await expect.poll(() => approvalStatus(page), { timeout: 10_000 }).toBe('changed-since-approval');
    await sidebar(page).locator('[data-sp="submit"]').click();
    await expect.poll(() => approvalStatus(page), { timeout: 10_000 }).toBe('pending');
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
    expect(received[0]).toMatchObject({
      fingerprint: await cliFingerprint(`${DRAFT} #KalbarMaju`),
      agencyId: 'dinkes',
    });
    sentId = received[0]!.id;
    submitPosts = received;
  });

  it('keeps the submission and the audit log across an extension reload', async () => {
    const tabId = await tabIdOf('https://www.facebook.com/*');
    await reloadExtension();
    // The reloaded extension's pages are blocked for a moment; opening the popup wakes the new worker.
    let popup: Page | undefined;
    await expect
      .poll(
        async () => {
          popup = await popupFor(tabId).catch(() => undefined);
          return popup !== undefined;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    if (!popup) throw new Error('the popup did not open after the reload');
    const item = popup.locator('[data-sp="submission"]');
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(2);
    const approved = popup.locator(`[data-sp="submission"][data-fingerprint="${fingerprint}"]`);
    expect(await approved.getAttribute('data-status')).toBe('approved');
    expect(
      await popup.locator(`[data-sp="submission"][data-id="${sentId}"]`).getAttribute('data-status'),
    ).toBe('pending');
    // The restarted outbox does not send a delivered submission again.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(submitPosts.map((body) => body.id)).toEqual([sentId]);
    // The audit log is in the extension's IndexedDB: read it raw, as an inspector's export would.
    const types = await popup.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const request = indexedDB.open('satu-pintu');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const read = request.result.transaction('audit').objectStore('audit').getAll();
            read.onsuccess = () => resolve((read.result as { type: string }[]).map((row) => row.type));
            read.onerror = () => reject(read.error);
          };
        }),
    );
    expect(types).toEqual(expect.arrayContaining(['submission', 'status-changed']));
    await popup.close();
  });

  it('keeps them across a browser restart on the same profile', async () => {
    const profile = sp.userDataDir;
    await sp.close({ keepProfile: true });
    sp = await launchExtension({ userDataDir: profile });
    try {
      const popup = await openPopup(sp.context, sp.extensionId);
      const items = popup.locator('[data-sp="submission"]');
      await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(2);
      expect(
        await popup
          .locator(`[data-sp="submission"][data-fingerprint="${fingerprint}"]`)
          .getAttribute('data-status'),
      ).toBe('approved');
      expect(await popup.locator(`[data-sp="submission"][data-id="${sentId}"]`).count()).toBe(1);
      await popup.close();

      // Changed since approval survives the restart: in a new tab, a draft edited from the approved
      // text is still compared with it (the approved text is kept in extension storage).
      const fresh = await sp.context.newPage();
      const editor = await openFacebookComposer(fresh);
      await typeLikeAUser(fresh, editor, DRAFT.replace('bersama.', 'semua.'));
      await expect.poll(() => approvalStatus(fresh), { timeout: 15_000 }).toBe('changed-since-approval');
      const badge = sidebar(fresh).locator('[data-sp="approval"]');
      expect((await badge.locator('[data-sp="diff-removed"]').allTextContents()).join('').trim()).toBe(
        'bersama.',
      );
    } finally {
      // launchExtension deletes only the profiles it created: this one is now ours.
      await sp.close();
      sp = undefined as unknown as LaunchedExtension;
      await rm(profile, { recursive: true, force: true });
    }
  });
});

describe('submissions to the bureau’s desk', () => {
  /** A desk on an origin the extension may reach (the platforms' own host, routed in the test). */
  const DESK_URL = 'https://www.facebook.com/__satu-pintu-desk__/';
  const TOKEN = 'dinkes.Rahasia-123';
  const TEXT = 'Posyandu keliling hadir di Kecamatan Sungai Raya pekan ini.\nAjak keluarga Anda.';
  let desk: LaunchedExtension;
  const received: { headers: Record<string, string>; body: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    desk = await launchExtension();
    await serveUrl(desk.context, `${DESK_URL}api/submissions`, async (route, request) => {
      received.push({ headers: request.headers(), body: request.postDataJSON() as Record<string, unknown> });
      await route.fulfill({
        status: 201,
        contentType: 'application/json',
        body: JSON.stringify({ id: (request.postDataJSON() as { id: string }).id, status: 'pending' }),
      });
    });
    const deskWorker = desk.context
      .serviceWorkers()
      .find((candidate) => candidate.url().startsWith('chrome-extension://'))!;
    await deskWorker.evaluate(
      async ({ url, token }) => {
        await chrome.storage.local.set({
          settings: {
            schemaVersion: 1,
            identity: {
              agencyId: 'dinkes',
              adminName: 'Rina Humas',
              adminRole: 'Pranata Humas',
              handles: {},
            },
            library: { url: null, publicKey: null },
            desk: { url, token },
            language: 'id',
          },
        });
      },
      { url: DESK_URL, token: TOKEN },
    );
  });

  afterAll(async () => {
    await desk?.close();
  });

  it('POSTs the submission to /api/submissions with the agency token and the idempotency key', async () => {
    const page = await desk.context.newPage();
    const editor = await openFacebookComposer(page);
    await typeLikeAUser(page, editor, TEXT);
    await expect.poll(() => approvalStatus(page), { timeout: 10_000 }).toBe('not-submitted');
    await sidebar(page).locator('[data-sp="submit"]').click();
    await expect.poll(() => approvalStatus(page), { timeout: 10_000 }).toBe('pending');
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
    const [post] = received;
    expect(post!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(post!.headers['idempotency-key']).toBe(post!.body.id);
    expect(post!.body).toMatchObject({
      fingerprint: await cliFingerprint(TEXT),
      platform: 'facebook',
      field: 'caption',
      agencyId: 'dinkes',
      adminName: 'Rina Humas',
    });
    // Sent, not manual: no share options are offered.
    expect(await sidebar(page).locator('[data-sp="share-whatsapp"]').count()).toBe(0);
  });
});
