import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  LEDGER_RECHECK_VERSION,
  type PatternVerdict,
  reachedVerdicts,
  rememberVerdicts,
} from '@/lib/guidelines/regex-verdicts';

/**
 * recheck's verdicts on patterns the shipped ledger does not know (a library published after this
 * build of the CLI), kept between runs: recheck takes up to a second a pattern, and `check` audits
 * every pattern of the library it loads, so a new library cost tens of seconds on every run. The
 * file is the user's own cache ($SP_CACHE_DIR, else $XDG_CACHE_HOME/satu-pintu, else
 * ~/.cache/satu-pintu); verdicts from another recheck version are not used. The per-rule time
 * budget still guards every pattern at run time (docs/guidelines.md § Regex budget).
 */

interface CacheFile {
  recheck: string;
  patterns: Record<string, PatternVerdict>;
}

/** The user's cache folder for `check`: $SP_CACHE_DIR, else $XDG_CACHE_HOME/satu-pintu, else ~/.cache/satu-pintu. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.SP_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'satu-pintu');
}

export function verdictCachePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheDir(env), 'regex-verdicts.json');
}

function read(path: string): CacheFile | null {
  if (!existsSync(path)) return null;
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
    return data.recheck === LEDGER_RECHECK_VERSION && typeof data.patterns === 'object' ? data : null;
  } catch {
    // A damaged cache is only lost time: it counts as empty and is written anew after the audit.
    return null;
  }
}

/** Makes the cached verdicts known to the audit (before auditRulePatterns). */
export function loadVerdictCache(path = verdictCachePath()): void {
  const cache = read(path);
  if (cache) rememberVerdicts(cache.patterns);
}

/**
 * Adds the verdicts recheck reached in this run to the cache; returns a warning line when the file
 * cannot be written (the run itself is unaffected), else null.
 */
export function saveVerdictCache(path = verdictCachePath()): string | null {
  const reached = reachedVerdicts();
  if (Object.keys(reached).length === 0) return null;
  const patterns = { ...(read(path)?.patterns ?? {}), ...reached };
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify({ recheck: LEDGER_RECHECK_VERSION, patterns } satisfies CacheFile));
    return null;
  } catch (error) {
    return `could not keep the regex audit's verdicts in ${path}: ${(error as Error).message}`;
  }
}
