import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

// The desk's tests run in Node against PGlite and a real PostgreSQL (desk/test/global-setup.ts
// starts one on loopback unless SP_TEST_DATABASE_URL names one).
export default defineConfig({
  root,
  resolve: { alias: { '@': root } },
  test: {
    environment: 'node',
    include: ['tests/desk/**/*.test.ts'],
    globalSetup: ['desk/test/global-setup.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/desk.json' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
