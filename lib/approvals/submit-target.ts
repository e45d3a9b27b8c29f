import { isSafeSubmitEndpoint } from '@/lib/library/endpoint-url';

/**
 * Where the outbox sends a submission: the bureau's desk when the admin configured one (its URL and
 * the agency token), otherwise the library's `endpoints.submit`; null = nowhere (the admin shares
 * the request by hand). docs/desk.md and docs/library-format.md describe both receivers.
 */
export interface SubmitTarget {
  kind: 'desk' | 'library';
  url: string;
  /** Sent as `Authorization: Bearer <token>` (the desk's agency token). */
  token: string | null;
}

/** `settings.desk` (lib/settings/schema.ts): both set, or both null. */
export interface DeskSettings {
  url: string | null;
  token: string | null;
}

/** `${desk.url}/api/submissions`, whatever slashes the admin typed at the end of the desk URL. */
export function deskSubmissionsUrl(deskUrl: string): string {
  return `${deskUrl.replace(/\/+$/, '')}/api/submissions`;
}

export function resolveSubmitTarget(
  desk: DeskSettings,
  libraryEndpoint: string | undefined,
): SubmitTarget | null {
  if (desk.url && desk.token) {
    const url = deskSubmissionsUrl(desk.url);
    if (isSafeSubmitEndpoint(url)) return { kind: 'desk', url, token: desk.token };
  }
  if (libraryEndpoint && isSafeSubmitEndpoint(libraryEndpoint))
    return { kind: 'library', url: libraryEndpoint, token: null };
  return null;
}
