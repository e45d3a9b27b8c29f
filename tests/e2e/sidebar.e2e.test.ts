import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseAgency,
  FIXTURE_URLS,
  fixtureState,
  type LaunchedExtension,
  launchExtension,
  openFacebookComposer,
  openInstagramComposer,
  openYouTubeUpload,
  sidebar,
  typeLikeAUser,
} from './harness';

/**
 * The sidebar on the look-alike composers. Every assertion about text is made on the platform's
 * OWN state (fixtureState: Lexical's editor state, YouTube Studio's model), never on the DOM.
 */
/** The extension API evaluated inside the service worker (no @types/chrome in this project). */
declare const chrome: {
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
  };
  tabs: {
    query(query: { url: string }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: object): Promise<{ res?: unknown; err?: unknown }>;
  };
};

/**
 * What the popup (or the background forwarding the keyboard command) asks the content script, sent
 * from the service worker in @webext-core/messaging's wire format ({id, type, data, timestamp}).
 */
async function askTab(url: string, type: string): Promise<unknown> {
  return sp.serviceWorker.evaluate(
    async ({ url, type }) => {
      const [tab] = await chrome.tabs.query({ url });
      if (tab?.id === undefined) throw new Error(`no tab for ${url}`);
      const reply = await chrome.tabs.sendMessage(tab.id, {
        id: 1,
        type,
        data: undefined,
        timestamp: Date.now(),
      });
      if (reply?.err) throw new Error(JSON.stringify(reply.err));
      return reply?.res ?? null;
    },
    { url, type },
  );
}

/** Waits sized for a loaded 2-core machine (the background and the editor answer asynchronously). */
const WAIT = { timeout: 15_000, interval: 100 };

let sp: LaunchedExtension;
const AGENCY = 'setda';

beforeAll(async () => {
  sp = await launchExtension();
  // The admin has chosen an agency (options page): captions fill {{agency.name}} from it.
  await chooseAgency(sp, AGENCY);
});

afterAll(async () => {
  await sp?.close();
});

async function newPage(): Promise<Page> {
  return sp.context.newPage();
}

function findings(page: Page): Locator {
  return sidebar(page).locator('[data-sp="finding"]');
}

async function findingAttributes(page: Page): Promise<{ category: string; field: string; ruleId: string }[]> {
  return findings(page).evaluateAll((elements) =>
    elements.map((element) => ({
      category: element.getAttribute('data-category') ?? '',
      field: element.getAttribute('data-field') ?? '',
      ruleId: element.getAttribute('data-rule-id') ?? '',
    })),
  );
}

async function categories(page: Page): Promise<string[]> {
  return (await findingAttributes(page)).map((finding) => finding.category);
}

/** Fills the caption's admin-only placeholders ({{location}}) and returns the text insert will put in. */
async function prepareCaption(item: Locator): Promise<string> {
  const inputs = item.locator('[data-sp="placeholder"]');
  for (let index = 0; index < (await inputs.count()); index++)
    await inputs.nth(index).fill('Kabupaten Sanggau');
  const text = (await item.locator('[data-sp="caption-text"]').textContent()) ?? '';
  expect(text).not.toMatch(/\{\{/);
  return text;
}

/** The first library caption whose text has several lines (blank lines included). */
async function multiLineCaption(page: Page): Promise<Locator> {
  const items = sidebar(page).locator('[data-sp="caption"]');
  await items.first().waitFor();
  const count = await items.count();
  for (let index = 0; index < count; index++) {
    const text = (await items.nth(index).locator('[data-sp="caption-text"]').textContent()) ?? '';
    if (text.includes('\n\n')) return items.nth(index);
  }
  throw new Error('no multi-line caption in the library for this platform');
}

describe('Facebook', () => {
  it('finds a non-standard word and a NIK, blocks, and fixes the word in Lexical’s state', async () => {
    const page = await newPage();
    const editor = await openFacebookComposer(page);
    await sidebar(page).waitFor({ state: 'attached' });
    await typeLikeAUser(page, editor, 'Ada himbauan untuk warga atas nama Siti, NIK 6171045203850002.');

    await expect
      .poll(() => categories(page), WAIT)
      .toEqual(expect.arrayContaining(['spelling', 'personal-data']));
    const verdict = sidebar(page).locator('[data-sp="verdict"]');
    expect(await verdict.getAttribute('data-verdict')).toBe('blocked');
    const nik = findings(page).filter({ has: page.locator('mark', { hasText: '6171045203850002' }) });
    expect(await nik.getAttribute('data-severity')).toBe('error');

    const spelling = findings(page).and(page.locator('[data-category="spelling"]')).first();
    await spelling.locator('[data-sp="fix"]').click();
    await expect
      .poll(async () => (await fixtureState(page)).caption, WAIT)
      .toBe('Ada imbauan untuk warga atas nama Siti, NIK 6171045203850002.');
    await expect.poll(() => categories(page), WAIT).not.toContain('spelling');
    await page.close();
  });

  it('clicking a finding selects its text in the editor', async () => {
    const page = await newPage();
    const editor = await openFacebookComposer(page);
    await typeLikeAUser(page, editor, 'Mohon himbauan ini dibaca');
    const spelling = findings(page).and(page.locator('[data-category="spelling"]')).first();
    await spelling.locator('[data-sp="finding-select"]').click();
    await expect.poll(() => page.evaluate(() => document.getSelection()?.toString()), WAIT).toBe('himbauan');
    await page.close();
  });
});

describe('ignoring a finding', () => {
  it('needs a reason for a personal-data error; with one, the finding goes and the verdict follows', async () => {
    const page = await newPage();
    const editor = await openFacebookComposer(page);
    await typeLikeAUser(page, editor, 'Formulir contoh: NIK 6171045203850002');
    const nik = findings(page).and(page.locator('[data-category="personal-data"]')).first();
    await nik.waitFor();
    expect(await sidebar(page).locator('[data-sp="verdict"]').getAttribute('data-verdict')).toBe('blocked');
    await nik.locator('[data-sp="ignore"]').click();
    await nik.locator('[data-sp="ignore-confirm"]').click();
    // Refused: the reason is required (the browser's own validation and the controller both say no).
    expect(await nik.count()).toBe(1);
    await nik.locator('[data-sp="ignore-reason"]').fill('Nomor contoh pada formulir, bukan milik warga');
    await nik.locator('[data-sp="ignore-confirm"]').click();
    await expect.poll(() => categories(page), WAIT).not.toContain('personal-data');
    await expect
      .poll(() => sidebar(page).locator('[data-sp="verdict"]').getAttribute('data-verdict'), WAIT)
      .not.toBe('blocked');
    // The text itself is untouched: ignoring is a decision, not an edit.
    expect((await fixtureState(page)).caption).toBe('Formulir contoh: NIK 6171045203850002');
    await page.close();
  });
});

describe('language', () => {
  it('follows the language chosen in the settings, findings included', async () => {
    const page = await newPage();
    const editor = await openFacebookComposer(page);
    await typeLikeAUser(page, editor, 'NIK 6171045203850002');
    const verdict = sidebar(page).locator('[data-sp="verdict"]');
    await expect.poll(() => verdict.getAttribute('data-verdict'), WAIT).toBe('blocked');
    const message = findings(page).first().locator('.sp-finding-message');
    const indonesian = await message.textContent();
    expect(await verdict.textContent()).toContain('Jangan diunggah');
    await sp.serviceWorker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), language: 'en' } });
    });
    try {
      await expect.poll(() => verdict.textContent(), WAIT).toContain('Do not post');
      await expect.poll(() => message.textContent(), WAIT).not.toBe(indonesian);
    } finally {
      await sp.serviceWorker.evaluate(async () => {
        const { settings } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { ...(settings as object), language: 'id' } });
      });
    }
    await page.close();
  });
});

describe('Instagram', () => {
  it('inserts a multi-line caption from the library exactly, line for line', async () => {
    const page = await newPage();
    const caption = await openInstagramComposer(page);
    await caption.click();
    const item = await multiLineCaption(page);
    const expected = await prepareCaption(item);
    await item.locator('[data-sp="insert"]').click();
    await expect.poll(async () => (await fixtureState(page)).caption, WAIT).toBe(expected);
    expect(String((await fixtureState(page)).caption).split('\n')).toEqual(expected.split('\n'));
    await expect
      .poll(() => sidebar(page).locator('[data-sp="notice"]').getAttribute('data-kind'), WAIT)
      .toBe('success');
    await page.close();
  });

  it('inserts the required hashtag set once, and never a second time', async () => {
    const page = await newPage();
    const caption = await openInstagramComposer(page);
    await typeLikeAUser(page, caption, 'Apel pagi di halaman kantor');
    const set = sidebar(page).locator('[data-sp="hashtag-set"][data-required="true"]').first();
    const tags = ((await set.locator('[data-sp="hashtag-set-tags"]').textContent()) ?? '').split(' ');
    expect(tags.length).toBeGreaterThan(0);
    await set.locator('[data-sp="insert"]').click();
    await expect
      .poll(async () => (await fixtureState(page)).caption, WAIT)
      .toBe(`Apel pagi di halaman kantor ${tags.join(' ')}`);
    await set.locator('[data-sp="insert"]').click();
    await expect
      .poll(() => sidebar(page).locator('[data-sp="notice"]').getAttribute('data-kind'), WAIT)
      .toBe('info');
    const state = String((await fixtureState(page)).caption);
    for (const tag of tags) expect(state.split(tag).length - 1).toBe(1);
    await page.close();
  });

  it('flags more hashtags than the platform allows', async () => {
    const page = await newPage();
    const caption = await openInstagramComposer(page);
    const many = Array.from({ length: 31 }, (_, index) => `#Kalbar${index + 1}`).join(' ');
    await typeLikeAUser(page, caption, `Info ${many}`);
    await expect
      .poll(() => categories(page), WAIT)
      .toEqual(expect.arrayContaining([expect.stringMatching(/^(hashtags|platform-limits)$/)]));
    const counter = sidebar(page).locator('[data-sp="counter"][data-kind="hashtags"]');
    expect(await counter.getAttribute('data-over')).toBe('true');
    await page.close();
  });
});

describe('YouTube Studio', () => {
  it('checks the title and the description as separate fields', async () => {
    const page = await newPage();
    const upload = await openYouTubeUpload(page);
    const title =
      'Kunjungan kerja Gubernur ke Kabupaten Sanggau untuk meninjau pembangunan jalan dan jembatan di perbatasan negara hari ini';
    expect(title.length).toBeGreaterThanOrEqual(120);
    await typeLikeAUser(page, upload.title, title);
    await expect
      .poll(
        async () => (await findingAttributes(page)).filter((f) => f.field === 'title').map((f) => f.category),
        WAIT,
      )
      .toContain('platform-limits');
    await typeLikeAUser(page, upload.description, 'Nilai a < b');
    await expect
      .poll(async () => (await findingAttributes(page)).filter((f) => f.field === 'description').length, WAIT)
      .toBeGreaterThan(0);
    await page.close();
  });

  it('inserts a caption into the description and tags into the tag list, as the app’s model sees them', async () => {
    const page = await newPage();
    const upload = await openYouTubeUpload(page, { showMore: true });
    await upload.description.click();
    await sidebar(page).waitFor({ state: 'attached' });
    const item = await multiLineCaption(page);
    const expected = await prepareCaption(item);
    // The placeholder input took the focus; the sidebar remembers the description as the target.
    await item.locator('[data-sp="insert"]').click();
    await expect.poll(async () => (await fixtureState(page)).description, WAIT).toBe(expected);

    await upload.tags.click();
    const set = sidebar(page).locator('[data-sp="hashtag-set"]').first();
    const tags = ((await set.locator('[data-sp="hashtag-set-tags"]').textContent()) ?? '')
      .split(' ')
      .map((tag) => tag.replace(/^#/, ''));
    await set.locator('[data-sp="insert"]').click();
    await expect
      .poll(async () => (await fixtureState(page)).tags, WAIT)
      .toEqual(expect.arrayContaining(tags));
    await page.close();
  });
});

describe('a composer no strategy recognises', () => {
  it('says so, and copy-to-clipboard works', async () => {
    await sp.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://www.facebook.com',
    });
    const page = await newPage();
    await page.goto(FIXTURE_URLS.unknown);
    await page.waitForFunction(() => window.__fixture !== undefined);
    await page.locator('textarea').click();
    await sidebar(page).waitFor({ state: 'attached' });
    const health = sidebar(page).locator('[data-sp="health"]');
    await expect.poll(() => health.getAttribute('data-recognised'), WAIT).toBe('false');
    // No blind insert into an editor we do not know: copy only.
    const item = sidebar(page).locator('[data-sp="caption"]').first();
    await item.waitFor();
    expect(await item.locator('[data-sp="insert"]').count()).toBe(0);
    const expected = await prepareCaption(item);
    await item.locator('[data-sp="copy"]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), WAIT).toBe(expected);
    // Nothing was put into the page's own field.
    expect((await fixtureState(page)).caption).toBe('');
    await page.close();
  });
});

describe('keyboard and chrome', () => {
  it('collapses with the toggle, remembers it per platform, and everything has a label', async () => {
    const page = await newPage();
    await openFacebookComposer(page);
    const toggle = sidebar(page).locator('[data-sp="toggle"]');
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-label')).toBeTruthy();
    // Every button in the sidebar has a name a screen reader can read.
    const unnamed = await sidebar(page)
      .locator('button')
      .evaluateAll((buttons) =>
        buttons
          .filter((b) => !(b.getAttribute('aria-label') || b.textContent?.trim()))
          .map((b) => b.outerHTML),
      );
    expect(unnamed).toEqual([]);
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded'), WAIT).toBe('false');
    await expect
      .poll(
        () =>
          sp.serviceWorker.evaluate(async () => {
            const { settings } = await chrome.storage.local.get('settings');
            return (settings as { sidebarCollapsed?: Record<string, boolean> }).sidebarCollapsed?.facebook;
          }),
        WAIT,
      )
      .toBe(true);
    // A new Facebook page opens collapsed; Instagram is not affected.
    const again = await newPage();
    await openFacebookComposer(again);
    await expect
      .poll(() => sidebar(again).locator('[data-sp="toggle"]').getAttribute('aria-expanded'), WAIT)
      .toBe('false');
    await sidebar(again).locator('[data-sp="toggle"]').click();
    await expect
      .poll(() => sidebar(again).locator('[data-sp="toggle"]').getAttribute('aria-expanded'), WAIT)
      .toBe('true');
    await page.close();
    await again.close();
  });

  it('answers the popup’s getDraftState and toggles on toggleSidebar (the keyboard command’s path)', async () => {
    const page = await newPage();
    const caption = await openInstagramComposer(page);
    await typeLikeAUser(page, caption, 'NIK 6171045203850002');
    await expect.poll(() => categories(page), WAIT).toContain('personal-data');
    expect(await askTab('https://www.instagram.com/*', 'getDraftState')).toEqual({
      platform: 'instagram',
      field: 'caption',
      text: 'NIK 6171045203850002',
      verdict: 'blocked',
      score: expect.any(Number),
      approval: expect.any(String),
    });
    const toggle = sidebar(page).locator('[data-sp="toggle"]');
    const before = await toggle.getAttribute('aria-expanded');
    await askTab('https://www.instagram.com/*', 'toggleSidebar');
    await expect
      .poll(() => toggle.getAttribute('aria-expanded'), WAIT)
      .toBe(before === 'true' ? 'false' : 'true');
    await askTab('https://www.instagram.com/*', 'toggleSidebar');
    await expect.poll(() => toggle.getAttribute('aria-expanded'), WAIT).toBe(before);
    await page.close();
  });

  it('does not cover the composer dialog', async () => {
    const page = await newPage();
    await openFacebookComposer(page);
    await sidebar(page).locator('[data-sp="verdict"]').waitFor();
    const dialog = await page.locator('div[role="dialog"]').first().boundingBox();
    const panel = await sidebar(page).locator('aside').boundingBox();
    expect(dialog && panel).toBeTruthy();
    const overlaps =
      panel!.x < dialog!.x + dialog!.width &&
      dialog!.x < panel!.x + panel!.width &&
      panel!.y < dialog!.y + dialog!.height &&
      dialog!.y < panel!.y + panel!.height;
    expect(overlaps).toBe(false);
    await page.close();
  });
});

/** Rows of a store of the extension's database, read raw inside the service worker. */
async function storeRows(store: 'audit' | 'submissions'): Promise<{ type?: string }[]> {
  return sp.serviceWorker.evaluate(
    (store) =>
      new Promise<{ type?: string }[]>((resolve, reject) => {
        const request = indexedDB.open('satu-pintu');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const read = request.result.transaction(store).objectStore(store).getAll();
          read.onsuccess = () => resolve(read.result as { type?: string }[]);
          read.onerror = () => reject(read.error);
        };
      }),
    store,
  );
}

/** What a script of the page can do: reach into the open shadow root and press a button. */
async function pageScriptPresses(page: Page, selector: string, how: 'click' | 'dispatch'): Promise<number> {
  return page.evaluate(
    ({ selector, how }) => {
      const root = document.querySelector('satu-pintu-sidebar')?.shadowRoot;
      const targets = [...(root?.querySelectorAll<HTMLElement>(selector) ?? [])];
      for (const target of targets) {
        if (how === 'click') target.click();
        else
          target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
      }
      return targets.length;
    },
    { selector, how },
  );
}

describe('only the person at the keyboard acts', () => {
  it('a page script’s clicks through the open shadow root insert, fix, ignore, submit and toggle nothing', async () => {
    const page = await newPage();
    const caption = await openInstagramComposer(page);
    await typeLikeAUser(page, caption, 'Ada himbauan untuk warga, NIK 6171045203850002');
    await expect
      .poll(() => categories(page), WAIT)
      .toEqual(expect.arrayContaining(['spelling', 'personal-data']));
    const toggle = sidebar(page).locator('[data-sp="toggle"]');
    await expect.poll(() => toggle.getAttribute('aria-expanded'), WAIT).toBe('true');
    // Placeholders filled by the admin (a real, trusted fill) so that insert is enabled.
    const item = sidebar(page).locator('[data-sp="caption"]').first();
    await prepareCaption(item);
    await expect.poll(() => item.locator('[data-sp="insert"]').isDisabled(), WAIT).toBe(false);
    const auditBefore = (await storeRows('audit')).length;
    const submissionsBefore = (await storeRows('submissions')).length;
    const textBefore = (await fixtureState(page)).caption;

    for (const how of ['click', 'dispatch'] as const) {
      for (const selector of [
        '[data-sp="fix"]',
        '[data-sp="caption"] [data-sp="insert"]',
        '[data-sp="hashtag-set"] [data-sp="insert"]',
        '[data-sp="copy"]',
        '[data-sp="submit"]',
        '[data-sp="toggle"]',
      ])
        expect(await pageScriptPresses(page, selector, how), selector).toBeGreaterThan(0);
      // Ignore would open the reason form (its confirm is a click of its own).
      expect(await pageScriptPresses(page, '[data-sp="ignore"]', how)).toBeGreaterThan(0);
    }
    // Give the background time to have done anything a press could have asked for.
    await page.waitForTimeout(1500);
    expect((await fixtureState(page)).caption).toBe(textBefore);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await sidebar(page).locator('[data-sp="ignore-form"]').count()).toBe(0);
    expect(await categories(page)).toEqual(expect.arrayContaining(['spelling', 'personal-data']));
    expect(await sidebar(page).locator('[data-sp="approval"]').getAttribute('data-status')).toBe(
      'not-submitted',
    );
    expect((await storeRows('submissions')).length).toBe(submissionsBefore);
    expect((await storeRows('audit')).length).toBe(auditBefore);

    // A placeholder typed by a script is not the admin's: the caption's text does not take it.
    const shownBefore = await item.locator('[data-sp="caption-text"]').textContent();
    await page.evaluate(() => {
      const input = document
        .querySelector('satu-pintu-sidebar')
        ?.shadowRoot?.querySelector<HTMLInputElement>('[data-sp="caption"] [data-sp="placeholder"]');
      if (!input) throw new Error('no placeholder input');
      input.value = 'Disisipkan oleh skrip halaman';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    });
    await page.waitForTimeout(300);
    expect(await item.locator('[data-sp="caption-text"]').textContent()).toBe(shownBefore);

    // The reason form opened and filled by the admin: the script's confirm, click or form
    // submission, still ignores nothing.
    const nik = findings(page).and(page.locator('[data-category="personal-data"]')).first();
    await nik.locator('[data-sp="ignore"]').click();
    await nik.locator('[data-sp="ignore-reason"]').fill('Nomor contoh pada formulir');
    await pageScriptPresses(page, '[data-sp="ignore-confirm"]', 'click');
    await page.evaluate(() =>
      document
        .querySelector('satu-pintu-sidebar')
        ?.shadowRoot?.querySelector<HTMLFormElement>('[data-sp="ignore-form"]')
        ?.requestSubmit(),
    );
    await page.waitForTimeout(500);
    expect(await categories(page)).toContain('personal-data');
    expect((await storeRows('audit')).length).toBe(auditBefore);

    // The same buttons work for a real click.
    const spelling = findings(page).and(page.locator('[data-category="spelling"]')).first();
    await spelling.locator('[data-sp="fix"]').click();
    await expect
      .poll(async () => (await fixtureState(page)).caption, WAIT)
      .toBe('Ada imbauan untuk warga, NIK 6171045203850002');
    await nik.locator('[data-sp="ignore-confirm"]').click();
    await expect.poll(() => categories(page), WAIT).not.toContain('personal-data');
    await sidebar(page).locator('[data-sp="submit"]').click();
    await expect
      .poll(async () => (await storeRows('submissions')).length, { timeout: 15_000 })
      .toBe(submissionsBefore + 1);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded'), WAIT).toBe('false');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded'), WAIT).toBe('true');
    await page.close();
  });
});
