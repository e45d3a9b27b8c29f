import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@/lib/cli/rule-sources';

/** How the benchmarks run the command line: the built CLI when it exists, else through tsx. */
export function cliCommand(): string[] {
  const root = findRepoRoot();
  const built = join(root, 'dist', 'cli', 'satu-pintu.mjs');
  return existsSync(built)
    ? [process.execPath, built]
    : [join(root, 'node_modules', '.bin', 'tsx'), join(root, 'lib', 'cli', 'main.ts')];
}
