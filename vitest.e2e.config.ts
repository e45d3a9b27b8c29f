import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '');

// End-to-end tests drive a real Chromium with the built extension (`npm run build` first, or set
// SP_EXTENSION_DIR; see tests/e2e/harness.ts). One browser at a time: files run one after another.
export default defineConfig({
  // Tests may import lib code (e.g. to sign a library bundle) the way the extension does.
  resolve: { alias: { '@': root } },
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    // Builds tests/fixtures/dist when stale and fails early when Chromium or the build is missing.
    globalSetup: ['tests/e2e/harness/global-setup.ts'],
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/e2e.json' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
