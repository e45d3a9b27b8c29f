/**
 * Builds the command line (lib/cli/main.ts and its batch worker) into plain JavaScript in
 * dist/cli/, so `npm run cli` never transpiles TypeScript while it runs (docs/contracts.md §
 * Command line). `--if-stale` rebuilds only when a source the last build read is newer than it.
 * recheck stays external: it finds its native binary and worker file relative to its own package.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// `--outdir DIR` builds elsewhere (benchmarks of a work in progress); the default is what `npm run cli` runs.
const outArg = process.argv.indexOf('--outdir');
const outdir = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, 'dist', 'cli');
const entry = join(outdir, 'satu-pintu.mjs');
const meta = join(outdir, 'meta.json');
// `--no-minify` keeps function names readable in a CPU profile (`node --cpu-prof`).
const minify = !process.argv.includes('--no-minify');

function stale() {
  if (!existsSync(entry) || !existsSync(meta)) return true;
  const built = statSync(entry).mtimeMs;
  const inputs = Object.keys(JSON.parse(readFileSync(meta, 'utf8')).inputs);
  return inputs.some((input) => {
    const path = resolve(root, input);
    return !existsSync(path) || statSync(path).mtimeMs > built;
  });
}

if (!process.argv.includes('--if-stale') || stale()) {
  // Chunk names change with their content: earlier builds' chunks would pile up.
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { 'satu-pintu': 'lib/cli/main.ts', 'batch-worker': 'lib/cli/batch-worker.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: join(root, 'tsconfig.json'),
    external: ['recheck'],
    // Bundled CommonJS dependencies (yaml) call require(); give them one in the ES module output.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    minify,
    metafile: true,
    logLevel: 'warning',
  });
  const { writeFileSync } = await import('node:fs');
  writeFileSync(meta, JSON.stringify(result.metafile));
}
