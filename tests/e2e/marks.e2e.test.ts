import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixtureState,
  type LaunchedExtension,
  launchExtension,
  openFacebookComposer,
  openYouTubeUpload,
  sidebar,
  typeLikeAUser,
} from './harness';

/**
 * Inline marks over the Facebook look-alike's Lexical editor. Geometry is checked against the
 * words' own client rectangles, measured in the page independently of the extension's code; the
 * editor is watched with a MutationObserver while marks come and go.
 */
declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
};

let sp: LaunchedExtension;

/** Waits sized for a loaded 2-core machine: checks, layout and storage round trips are async. */
const WAIT = { timeout: 15_000, interval: 100 };
function poll<T>(probe: () => T | Promise<T>) {
  return expect.poll(probe, WAIT);
}
const AGENCY = 'setda';

async function setSettings(marks: { facebook: boolean }): Promise<void> {
  await sp.serviceWorker.evaluate(
    async ({ agencyId, facebook }) => {
      await chrome.storage.local.set({
        settings: {
          schemaVersion: 1,
          identity: { agencyId },
          marks: { facebook, instagram: true, youtube: true },
        },
      });
    },
    { agencyId: AGENCY, facebook: marks.facebook },
  );
}

beforeAll(async () => {
  sp = await launchExtension();
  await setSettings({ facebook: true });
});

afterAll(async () => {
  await sp?.close();
});

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface MarkGeometry {
  ruleId: string;
  start: number;
  end: number;
  boxes: Rect[];
  /** The words' client rectangles, cut to what the editor shows. */
  words: Rect[];
}

/**
 * Every mark of `field` with its boxes, and the client rectangles of the words it stands for,
 * measured from the editor's text nodes (one line of text: offsets run through them in order).
 */
async function markGeometry(editor: Locator, field = 'caption'): Promise<MarkGeometry[]> {
  return editor.evaluate((element, field) => {
    const rect = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const root = document.querySelector('satu-pintu-marks')?.shadowRoot;
    if (!root) return [];
    const view = element.getBoundingClientRect();
    const texts: Text[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
    const wordsOf = (start: number, end: number) => {
      const out: ReturnType<typeof rect>[] = [];
      let at = 0;
      for (const node of texts) {
        const from = Math.max(start, at);
        const to = Math.min(end, at + node.data.length);
        if (from < to) {
          const range = document.createRange();
          range.setStart(node, from - at);
          range.setEnd(node, to - at);
          for (const r of range.getClientRects()) {
            const clipped = {
              left: Math.max(r.left, view.left),
              top: Math.max(r.top, view.top),
              right: Math.min(r.right, view.right),
              bottom: Math.min(r.bottom, view.bottom),
            };
            if (clipped.right > clipped.left && clipped.bottom > clipped.top) out.push(clipped);
          }
        }
        at += node.data.length;
      }
      return out;
    };
    return [...root.querySelectorAll<HTMLElement>(`[data-sp="mark"][data-field="${field}"]`)].map((mark) => {
      const start = Number(mark.dataset.start);
      const end = Number(mark.dataset.end);
      return {
        ruleId: mark.dataset.ruleId ?? '',
        start,
        end,
        boxes: [...mark.querySelectorAll('.sp-mark-box')].map((box) => rect(box.getBoundingClientRect())),
        words: wordsOf(start, end),
      };
    });
  }, field);
}

/** Share of the words' area under the mark's boxes, and how far any box strays outside them. */
function measureFit(mark: MarkGeometry): { coverage: number; stray: number } {
  const area = (r: Rect) => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);
  const overlap = (a: Rect, b: Rect) =>
    area({
      left: Math.max(a.left, b.left),
      top: Math.max(a.top, b.top),
      right: Math.min(a.right, b.right),
      bottom: Math.min(a.bottom, b.bottom),
    });
  const total = mark.words.reduce((sum, word) => sum + area(word), 0);
  // Boxes of one mark never overlap each other (one per line), so their overlaps add up.
  const covered = mark.words.reduce(
    (sum, word) => sum + mark.boxes.reduce((inner, box) => inner + overlap(word, box), 0),
    0,
  );
  let stray = 0;
  for (const box of mark.boxes) {
    const near = mark.words.filter((word) => overlap(word, box) > 0);
    const bound = near.length > 0 ? near : mark.words;
    const left = Math.min(...bound.map((word) => word.left));
    const top = Math.min(...bound.map((word) => word.top));
    const right = Math.max(...bound.map((word) => word.right));
    const bottom = Math.max(...bound.map((word) => word.bottom));
    stray = Math.max(stray, left - box.left, top - box.top, box.right - right, box.bottom - bottom);
  }
  return { coverage: total === 0 ? 1 : covered / total, stray };
}

async function expectMarksOverTheirWords(editor: Locator, field = 'caption'): Promise<void> {
  await poll(async () => {
    const marks = (await markGeometry(editor, field)).filter((mark) => mark.end > mark.start);
    if (marks.length === 0) return 'no marks';
    return marks
      .map((mark) => ({ ruleId: mark.ruleId, ...measureFit(mark) }))
      .filter((result) => result.coverage < 0.9 || result.stray > 4);
  }).toEqual([]);
}

function sidebarRuleIds(page: Page): Promise<string[]> {
  return sidebar(page)
    .locator('[data-sp="finding"]')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-rule-id') ?? '').sort());
}

async function markRuleIds(editor: Locator, field = 'caption'): Promise<string[]> {
  return (await markGeometry(editor, field)).map((mark) => mark.ruleId).sort();
}

/** Starts recording every change of the editor's DOM (children, text, attributes). */
async function watchEditor(editor: Locator): Promise<void> {
  await editor.evaluate((element) => {
    const records: string[] = [];
    const observer = new MutationObserver((list) => {
      for (const record of list) records.push(`${record.type}:${record.attributeName ?? ''}`);
    });
    observer.observe(element, { subtree: true, childList: true, characterData: true, attributes: true });
    (window as unknown as { __editorMutations: () => string[] }).__editorMutations = () => {
      observer.takeRecords();
      return records;
    };
  });
}

function editorMutations(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { __editorMutations: () => string[] }).__editorMutations(),
  );
}

const DRAFT = 'Ada 🙏 himbauan untuk warga atas nama Siti, NIK 6171045203850002. Mohon himbauan ini dibaca.';

describe('inline marks on the Facebook composer', () => {
  it('marks every finding over its words, follows scrolling, and never touches the editor', async () => {
    const page: Page = await sp.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const editor = await openFacebookComposer(page);
    await typeLikeAUser(page, editor, DRAFT);
    await poll(() => sidebarRuleIds(page)).toEqual(expect.arrayContaining(['KB-BAKU-01']));
    // Every finding the sidebar lists has its mark.
    await poll(async () => JSON.stringify(await markRuleIds(editor))).toBe(
      JSON.stringify(await sidebarRuleIds(page)),
    );
    const host = await page.evaluate(() => {
      const element = document.querySelector('satu-pintu-marks');
      return { open: element?.shadowRoot !== null, mode: element?.shadowRoot?.mode };
    });
    expect(host).toEqual({ open: true, mode: 'open' });
    const severities = await page.evaluate(() =>
      [
        ...(document
          .querySelector('satu-pintu-marks')
          ?.shadowRoot?.querySelectorAll<HTMLElement>('[data-sp="mark"]') ?? []),
      ].map((mark) => [
        mark.dataset.ruleId,
        mark.dataset.severity,
        mark.dataset.category,
        mark.dataset.field,
      ]),
    );
    for (const [ruleId, severity, category, field] of severities) {
      expect(ruleId).toBeTruthy();
      expect(['error', 'warning', 'suggestion']).toContain(severity);
      expect(category).toBeTruthy();
      expect(field).toBe('caption');
    }
    await expectMarksOverTheirWords(editor);
    // Typing before the findings moves them: the marks follow.
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Halo warga, ');
    // "Ada 🙏 " is 7 UTF-16 units: the first "himbauan" was at 7, and is 12 further on now.
    await poll(
      async () =>
        (await markGeometry(editor))
          .filter((mark) => mark.ruleId === 'KB-BAKU-01')
          .map((mark) => mark.start)[0],
    ).toBe(7 + 'Halo warga, '.length);
    await expectMarksOverTheirWords(editor);

    // From here on the extension must not change the editor: only scrolling, hovering, cards.
    await watchEditor(editor);

    // The page scrolls (the dialog with it) and the field scrolls inside the dialog.
    await page.addStyleTag({
      content:
        '.fx-backdrop { position: absolute !important; min-height: 2400px; } ' +
        'div[role="dialog"] div[role="textbox"] { max-height: 64px; overflow-y: auto; }',
    });
    await expectMarksOverTheirWords(editor);
    await page.evaluate(() => window.scrollBy(0, 70));
    await expectMarksOverTheirWords(editor);
    await editor.evaluate((element) => {
      element.scrollTop = 30;
    });
    await expectMarksOverTheirWords(editor);
    await page.setViewportSize({ width: 1100, height: 760 });
    await expectMarksOverTheirWords(editor);

    // Hover opens the card; Escape closes it; the shortcut walks the marks.
    const cards = page.locator('satu-pintu-marks [data-sp="mark-card"]');
    const spelling = (await markGeometry(editor)).find(
      (mark) => mark.ruleId === 'KB-BAKU-01' && mark.boxes.length,
    );
    expect(spelling).toBeTruthy();
    const box = spelling!.boxes[0]!;
    await page.mouse.move((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    await poll(() => cards.count()).toBe(1);
    expect(await cards.getAttribute('data-rule-id')).toBe('KB-BAKU-01');
    expect(await cards.locator('[data-sp="fix"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await poll(() => cards.count()).toBe(0);
    await editor.focus();
    await page.keyboard.press('Alt+Shift+J');
    await poll(() => cards.count()).toBe(1);
    await page.keyboard.press('Escape');
    await poll(() => cards.count()).toBe(0);
    expect(await editorMutations(page)).toEqual([]);
    await page.close();
  });

  it('fixes through the card in the editor’s own state; a page script cannot', async () => {
    const page: Page = await sp.context.newPage();
    const editor = await openFacebookComposer(page);
    await typeLikeAUser(page, editor, 'Mohon himbauan ini dibaca');
    const cards = page.locator('satu-pintu-marks [data-sp="mark-card"]');
    await poll(async () => (await markRuleIds(editor)).includes('KB-BAKU-01')).toBe(true);
    const spelling = (await markGeometry(editor)).find((mark) => mark.ruleId === 'KB-BAKU-01');
    const box = spelling!.boxes[0]!;
    await page.mouse.move((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    await poll(() => cards.count()).toBe(1);
    await page.evaluate(() =>
      document
        .querySelector('satu-pintu-marks')
        ?.shadowRoot?.querySelector<HTMLElement>('[data-sp="mark-card"] [data-sp="fix"]')
        ?.click(),
    );
    await page.waitForTimeout(500);
    expect((await fixtureState(page)).caption).toBe('Mohon himbauan ini dibaca');
    await cards.locator('[data-sp="fix"]').click();
    await poll(async () => (await fixtureState(page)).caption).toBe('Mohon imbauan ini dibaca');
    await poll(async () => (await markRuleIds(editor)).includes('KB-BAKU-01')).toBe(false);
    await page.close();
  });

  it('switching marks off for the platform removes them; on brings them back', async () => {
    const page: Page = await sp.context.newPage();
    const editor = await openFacebookComposer(page);
    await typeLikeAUser(page, editor, DRAFT);
    await poll(async () => (await markRuleIds(editor)).length).toBeGreaterThan(0);
    await watchEditor(editor);
    await setSettings({ facebook: false });
    await poll(() => page.evaluate(() => document.querySelectorAll('satu-pintu-marks').length)).toBe(0);
    // The sidebar still lists the findings.
    expect((await sidebarRuleIds(page)).length).toBeGreaterThan(0);
    await setSettings({ facebook: true });
    await poll(async () => (await markRuleIds(editor)).length).toBeGreaterThan(0);
    await expectMarksOverTheirWords(editor);
    expect(await editorMutations(page)).toEqual([]);
    await page.close();
  });

  it('marks the YouTube Studio description and title apart, each over its own words', async () => {
    const page: Page = await sp.context.newPage();
    const upload = await openYouTubeUpload(page);
    await typeLikeAUser(
      page,
      upload.description,
      'Mohon himbauan ini dibaca oleh warga, NIK 6171045203850002',
    );
    await poll(async () => (await markRuleIds(upload.description, 'description')).length).toBeGreaterThan(1);
    await expectMarksOverTheirWords(upload.description, 'description');
    await typeLikeAUser(page, upload.title, 'Himbauan rapat koordinasi');
    await poll(async () => (await markRuleIds(upload.title, 'title')).length).toBeGreaterThan(0);
    await expectMarksOverTheirWords(upload.title, 'title');
    await expectMarksOverTheirWords(upload.description, 'description');
    await page.close();
  });

  it('lies over the words on a high-DPI screen at 1280 px', async () => {
    const page: Page = await sp.context.newPage();
    const cdp = await sp.context.newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: 1280,
      height: 800,
      deviceScaleFactor: 2,
      mobile: false,
    });
    expect(await page.evaluate(() => window.devicePixelRatio)).toBe(2);
    const editor = await openFacebookComposer(page);
    await typeLikeAUser(page, editor, DRAFT);
    await poll(async () => (await markRuleIds(editor)).length).toBeGreaterThan(1);
    await expectMarksOverTheirWords(editor);
    await page.close();
  });

  it('“show in the panel” opens the sidebar at that finding', async () => {
    const page: Page = await sp.context.newPage();
    const editor = await openFacebookComposer(page);
    await typeLikeAUser(page, editor, 'Mohon himbauan ini dibaca');
    const toggle = sidebar(page).locator('[data-sp="toggle"]');
    if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
    await poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    await poll(async () => (await markRuleIds(editor)).includes('KB-BAKU-01')).toBe(true);
    const spelling = (await markGeometry(editor)).find((mark) => mark.ruleId === 'KB-BAKU-01');
    const box = spelling!.boxes[0]!;
    await page.mouse.move((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    const card = page.locator('satu-pintu-marks [data-sp="mark-card"]');
    await card.locator('[data-sp="mark-show"]').click();
    await poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await poll(() =>
      page.evaluate(() => {
        const active = document.querySelector('satu-pintu-sidebar')?.shadowRoot?.activeElement;
        return active?.closest('[data-sp="finding"]')?.getAttribute('data-rule-id') ?? null;
      }),
    ).toBe('KB-BAKU-01');
    expect(await card.count()).toBe(0);
    await page.close();
  });
});
