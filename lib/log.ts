/**
 * The one diagnostics channel. Admins see plain sentences in the UI; technical detail goes here
 * (and into the copyable health report). Quiet unless this is a dev build or debugging is switched
 * on (`setDebugLogging(true)`, e.g. from a settings flag, or `SATU_PINTU_DEBUG=1` for the CLI).
 * Errors are always written: a swallowed failure is a bug nobody can see.
 */
const PREFIX = '[satu-pintu]';

function envDebug(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.SATU_PINTU_DEBUG === '1';
}

let debugEnabled = Boolean(import.meta.env?.DEV) || envDebug();

export function setDebugLogging(enabled: boolean): void {
  debugEnabled = enabled;
}

export function isDebugLogging(): boolean {
  return debugEnabled;
}

export const log = {
  /** Detail for whoever debugs; silent for admins. */
  debug(scope: string, ...detail: unknown[]): void {
    if (debugEnabled) console.debug(PREFIX, scope, ...detail);
  },
  /** Something went wrong but the user's work is safe (e.g. a sync that will be retried). */
  warn(scope: string, ...detail: unknown[]): void {
    if (debugEnabled) console.warn(PREFIX, scope, ...detail);
  },
  /** A failure that must never disappear silently. */
  error(scope: string, ...detail: unknown[]): void {
    console.error(PREFIX, scope, ...detail);
  },
};

/** For promise chains whose failure is not fatal: `.catch(logFailure('library sync'))` keeps it visible. */
export function logFailure(scope: string): (error: unknown) => undefined {
  return (error) => {
    log.warn(scope, error);
    return undefined;
  };
}
