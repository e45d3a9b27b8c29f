#!/usr/bin/env node
// Bundles the look-alike composer pages' scripts (tests/fixtures/src/*.ts, with the real Lexical)
// into tests/fixtures/dist/*.js. The e2e harness and the demo call ensureFixturesBuilt(), which
// rebuilds only when dist is missing or older than its sources.
// Usage: node scripts/build-fixtures.mjs   (always rebuilds)
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES_DIR = join(ROOT, 'tests/fixtures');
export const FIXTURES_SRC = join(FIXTURES_DIR, 'src');
export const FIXTURES_DIST = join(FIXTURES_DIR, 'dist');
/** One bundle per page; each page's HTML loads /__fixtures__/<name>.js. */
export const FIXTURE_ENTRIES = [
  'facebook',
  'facebook-composers',
  'business-suite',
  'instagram',
  'instagram-steps',
  'youtube',
  'youtube-comments',
  'unknown',
];
const STAMP = join(FIXTURES_DIST, '.stamp');

function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of paths) visit(path);
  return newest;
}

/** True when dist is missing, incomplete, or older than a source, this script or the lockfile. */
export function fixturesAreStale() {
  if (!existsSync(STAMP)) return true;
  if (FIXTURE_ENTRIES.some((name) => !existsSync(join(FIXTURES_DIST, `${name}.js`)))) return true;
  const sources = newestMtime([
    FIXTURES_SRC,
    fileURLToPath(import.meta.url),
    join(ROOT, 'package-lock.json'),
  ]);
  return statSync(STAMP).mtimeMs < sources;
}

/** Always rebuilds every fixture bundle. Returns the sizes, for the log. */
export async function buildFixtures() {
  mkdirSync(FIXTURES_DIST, { recursive: true });
  const result = await build({
    entryPoints: Object.fromEntries(FIXTURE_ENTRIES.map((name) => [name, join(FIXTURES_SRC, `${name}.ts`)])),
    outdir: FIXTURES_DIST,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    // Meta ships Lexical's production build; its dev build would also warn in the console.
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    sourcemap: 'inline',
    logLevel: 'warning',
    metafile: true,
  });
  writeFileSync(STAMP, new Date().toISOString());
  return Object.entries(result.metafile.outputs).map(([path, output]) => ({ path, bytes: output.bytes }));
}

/** Builds the fixture bundles if they are missing or stale; cheap when they are up to date. */
export async function ensureFixturesBuilt() {
  if (fixturesAreStale()) await buildFixtures();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outputs = await buildFixtures();
  for (const { path, bytes } of outputs) console.log(`  ${path}  ${(bytes / 1024).toFixed(1)} KB`);
}
