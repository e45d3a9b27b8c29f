#!/usr/bin/env node
// The demo: Chromium with the built extension on the three look-alike composer pages (served on
// the real origins, nothing leaves the machine, the embedded default library), each composer
// opened with a sample draft so the sidebar shows.
//   npm run demo                      builds, then opens a Chromium window (needs a display)
//   npm run demo -- --headless        writes demo-screenshots/<platform>.png instead
// Without a display (no DISPLAY/WAYLAND_DISPLAY on Linux) it runs headless automatically.
// Env: SP_EXTENSION_DIR (default .output/chrome-mv3), CHROMIUM_PATH.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

// The page helpers are the e2e harness's own (TypeScript), loaded through tsx so there is one copy.
const harness = await tsImport('../tests/e2e/harness.ts', import.meta.url);

const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const headless = process.argv.includes('--headless') || noDisplay;
const outDir = join(process.cwd(), 'demo-screenshots');

// Sample drafts with something for the checks to say (a non-standard spelling, a phone number).
const DRAFTS = {
  facebook:
    'Selamat pagi warga Kalbar!\nHari ini Gubernur membuka rapat kordinasi di Pontianak. Info: 081234567890 #KalbarMaju',
  instagram:
    'Pembukaan Festival Budaya Kalbar 2026!\nSaksikan di Taman Alun Kapuas. #KalbarMaju #PesonaKalbar',
  youtube: {
    title: 'Rapat Koordinasi Pemerintah Provinsi Kalimantan Barat',
    description: 'Rapat kordinasi bersama 44 perangkat daerah.\nSimak selengkapnya.',
    tags: 'kalbar,pemprov kalbar,rapat koordinasi\n',
  },
};

async function showFacebook(page) {
  const editor = await harness.openFacebookComposer(page);
  await harness.typeLikeAUser(page, editor, DRAFTS.facebook);
}

// Meta Business Suite: from Home, "Create post" opens the full-page composer without a reload.
async function showBusinessSuite(page) {
  await harness.gotoComposerPage(page, harness.composerUrl('businessSuiteHome'));
  await page.getByRole('link', { name: 'Buat postingan' }).click();
  const box = harness.businessSuiteBox(page);
  await box.waitFor({ timeout: 10_000 });
  await harness.typeLikeAUser(page, box, DRAFTS.facebook);
}

async function showInstagram(page) {
  const caption = await harness.openInstagramComposer(page);
  await harness.typeLikeAUser(page, caption, DRAFTS.instagram);
}

async function showYouTube(page) {
  const upload = await harness.openYouTubeUpload(page, { showMore: true });
  await harness.typeLikeAUser(page, upload.title, DRAFTS.youtube.title);
  await harness.typeLikeAUser(page, upload.description, DRAFTS.youtube.description);
  await harness.typeLikeAUser(page, upload.tags, DRAFTS.youtube.tags);
}

/**
 * Picks the first agency on the options page, as an admin does on first run, so the sidebar shows
 * the agency's rules. Uses only the options page's test hooks; if it cannot, the demo goes on
 * without an agency (the sidebar then says none is chosen).
 */
async function chooseFirstAgency() {
  const options = await harness.openOptions(sp.context, sp.extensionId);
  try {
    const picker = options.locator('[data-sp="agency"]');
    // The agencies come from the library: wait until the list is filled and enabled.
    await picker.locator('option:not([value=""])').first().waitFor({ state: 'attached', timeout: 10_000 });
    await options.locator('[data-sp="agency"]:enabled').waitFor({ timeout: 10_000 });
    const values = await picker
      .locator('option')
      .evaluateAll((items) => items.map((item) => item.value).filter(Boolean));
    if (values.length === 0) throw new Error('no agency in the library');
    await picker.selectOption(values[0]);
    await options.locator('[data-sp="save"]').click({ timeout: 5000 });
    console.log(`  options: agency "${values[0]}" chosen.`);
  } catch (error) {
    console.warn(
      `  options: no agency chosen (${error instanceof Error ? error.message.split('\n')[0] : error}).`,
    );
  } finally {
    await options.close();
  }
}

const PLATFORMS = [
  ['facebook', showFacebook],
  ['business-suite', showBusinessSuite],
  ['instagram', showInstagram],
  ['youtube', showYouTube],
];

const sp = await harness.launchExtension({
  headless,
  viewport: headless ? { width: 1440, height: 900 } : null,
});
console.log(
  `Satu Pintu ${sp.extensionId} loaded from ${sp.extensionDir} (${headless ? 'headless' : 'headed'}).`,
);
const written = [];
let failed = false;
try {
  await chooseFirstAgency();
  for (const [name, show] of PLATFORMS) {
    const page = await sp.context.newPage();
    try {
      await show(page);
      await harness.sidebar(page).waitFor({ state: 'attached', timeout: 15_000 });
      // Let the sidebar finish its first check before the picture.
      await page.waitForTimeout(1500);
      if (headless) {
        await mkdir(outDir, { recursive: true });
        const path = join(outDir, `${name}.png`);
        await page.screenshot({ path });
        written.push(path);
      }
      console.log(`  ${name}: composer open, sidebar mounted.`);
    } catch (error) {
      failed = true;
      console.error(`  ${name}: ${error instanceof Error ? error.message : error}`);
    }
  }
  // Closing the initial blank tab leaves only the platforms' pages in the window.
  for (const page of sp.context.pages()) if (page.url() === 'about:blank') await page.close();
  if (headless) {
    console.log('Screenshots:');
    for (const path of written) console.log(`  ${path}`);
  } else {
    console.log('Close the Chromium window to end the demo.');
    await new Promise((resolve) => sp.context.on('close', resolve));
  }
} finally {
  // The window may already be closed by the admin; say so rather than hide it.
  await sp
    .close()
    .catch((error) =>
      console.error(`Closing the browser: ${error instanceof Error ? error.message : error}`),
    );
}
process.exit(failed ? 1 : 0);
