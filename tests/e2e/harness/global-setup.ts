import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureFixturesBuilt } from '../../fixtures/routes.mjs';
import { extensionDir, findChromium } from './launch.mjs';

/** Runs once before the e2e files: fixture bundles built, and a clear error for missing prerequisites. */
export default async function setup(): Promise<void> {
  await ensureFixturesBuilt();
  // Fail before any test with the fix in the message, rather than in every test.
  findChromium();
  const dir = extensionDir();
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`No built extension in ${dir}: run \`npm run build\` first (or set SP_EXTENSION_DIR).`);
}
