// Bundles tests/e2e/harness/platforms-in-page.ts (lib/platforms' insert path) for a page's main
// world, once per run. Plain JS so esbuild is called the way scripts/build-fixtures.mjs calls it.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../../..');
let bundled;

/** The bundle's source text (an IIFE that sets window.__satuPintuPlatforms). */
export async function platformsBundle() {
  bundled ??= build({
    entryPoints: [join(HERE, 'platforms-in-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    alias: { '@': ROOT },
    logLevel: 'warning',
  }).then((result) => result.outputFiles[0].text);
  return bundled;
}
