import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

/**
 * A cache file's JSON, or undefined when there is none or it cannot be read or parsed: a damaged
 * cache is only lost time (it counts as missing and is written anew).
 */
export function readCacheJson(path: string): unknown {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Writes a cache file aside and renames it into place, so a run reading it meanwhile sees the old
 * file or the new one; returns a warning line naming `what` when it cannot be written (the run
 * itself is unaffected), else null.
 */
export function writeCacheJson(path: string, data: unknown, what: string): string | null {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(data));
    renameSync(partial, path);
    return null;
  } catch (error) {
    return `could not keep ${what} in ${path}: ${(error as Error).message}`;
  }
}

function read(path: string): CacheFile | null {
  const data = readCacheJson(path) as CacheFile | undefined;
  return data?.recheck === LEDGER_RECHECK_VERSION && typeof data.patterns === 'object' ? data : null;
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
  return writeCacheJson(
    path,
    { recheck: LEDGER_RECHECK_VERSION, patterns } satisfies CacheFile,
    "the regex audit's verdicts",
  );
}
