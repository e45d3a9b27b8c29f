#!/usr/bin/env node
// Prints the size of every built script, raw and gzipped, and checks the content-script budget.
// Usage: node scripts/size-report.mjs [OUTPUT_DIR]   (default: $WXT_OUT_DIR/chrome-mv3 or .output/chrome-mv3)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const CONTENT_SCRIPT_BUDGET_GZIP = 60 * 1024;
const dir = process.argv[2] ?? join(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');

function* walk(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (/\.(js|css)$/.test(name)) yield path;
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
let contentGzip = 0;
console.log(`\nScript sizes in ${dir} (raw / gzip):`);
for (const path of walk(dir)) {
  const bytes = readFileSync(path);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const name = relative(dir, path);
  if (name.startsWith('content-scripts/')) contentGzip += gzip;
  console.log(`  ${name.padEnd(48)} ${kb(bytes.length).padStart(10)} / ${kb(gzip).padStart(9)}`);
}
const verdict = contentGzip <= CONTENT_SCRIPT_BUDGET_GZIP ? 'within' : 'OVER';
console.log(
  `Content script total: ${kb(contentGzip)} gzipped — ${verdict} the ${kb(CONTENT_SCRIPT_BUDGET_GZIP)} budget.\n`,
);
