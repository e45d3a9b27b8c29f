import { t } from '@/lib/i18n';
import { originLabel } from '@/lib/settings/origin';
import type { PermissionOutcome } from '@/lib/settings/permissions';
import type { Settings } from '@/lib/settings/schema';
import type { ActionStatus } from './options-model';

/**
 * How long Save waits for the browser's permission prompt. A prompt nobody answers (hidden behind
 * another window, or dismissed in a way the browser never reports) must not leave Save busy forever.
 */
export const PERMISSION_TIMEOUT_MS = 60_000;

/** The origins a prompt names, as the admin reads them: "https://a, https://b". */
export function originsLabel(urls: readonly string[]): string {
  return [...new Set(urls.map(originLabel))].join(', ');
}

/** What the permission step's outcome means for the admin; null when access was granted. */
export function permissionText(
  outcome: PermissionOutcome,
  urls: readonly string[],
  timeoutMs: number,
): ActionStatus | null {
  if (outcome.granted) return null;
  const origin = originsLabel(urls);
  switch (outcome.reason) {
    case 'denied':
      return { kind: 'error', text: t('options.library.permissionDenied', { origin }) };
    case 'gesture':
      return { kind: 'error', text: t('options.permission.gesture', { origin }) };
    case 'undeclared':
      return { kind: 'error', text: t('options.permission.undeclared', { origin }) };
    case 'timeout':
      return {
        kind: 'error',
        text: t('options.permission.timeout', { origin, seconds: Math.round(timeoutMs / 1000) }),
      };
    default:
      return {
        kind: 'error',
        text: t('options.permission.failed', { origin, detail: outcome.detail ?? '' }),
      };
  }
}

/** The pending prompt, or a refusal with reason 'timeout' once `ms` pass without an answer. */
export function withTimeout(pending: Promise<PermissionOutcome>, ms: number): Promise<PermissionOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<PermissionOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ granted: false, reason: 'timeout' }), ms);
  });
  return Promise.race([pending, expired]).finally(() => clearTimeout(timer));
}

/** What one Save asks the browser for. */
export interface AccessPlan {
  sourceChanged: boolean;
  deskChanged: boolean;
  /** The library URL whose origin is requested, or null. */
  library: string | null;
  /** The desk URL whose origin is requested, or null. */
  desk: string | null;
}

/**
 * Which remote origins Save asks for: a new library source or desk always (it is saved only once
 * its origin is granted), an unchanged one when its access is missing (reported, not blocking).
 */
export function accessPlan(
  next: Settings,
  current: Settings,
  granted: { library: boolean; desk: boolean },
): AccessPlan {
  const sourceChanged = JSON.stringify(next.library) !== JSON.stringify(current.library);
  const deskChanged = JSON.stringify(next.desk) !== JSON.stringify(current.desk);
  const library = next.library.url && (sourceChanged || !granted.library) ? next.library.url : null;
  const desk = next.desk.url && (deskChanged || !granted.desk) ? next.desk.url : null;
  return { sourceChanged, deskChanged, library, desk };
}
