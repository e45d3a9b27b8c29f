import { libraryUrlError } from '@/lib/settings/schema';

/**
 * Where drafts may be sent: https only, because a submission carries the draft text, the admin's
 * name and the agency (docs/library-format.md). Plain http only on the loopback interface, for a desk
 * or a test server on the admin's own machine — the same rule as the library's own address, so it is
 * the settings' `libraryUrlError`, not a second copy of it.
 */
export function isSafeSubmitEndpoint(value: string): boolean {
  return libraryUrlError(value) === null;
}
