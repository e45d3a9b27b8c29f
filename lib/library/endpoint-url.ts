/**
 * Where drafts may be sent: https only, because a submission carries the draft text, the admin's
 * name and the agency (docs/library-format.md). Plain http is allowed on the loopback interface
 * alone, for a desk or a test server running on the admin's own machine.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why `value` cannot receive submissions, or null when it can. */
export function submitEndpointProblem(value: string): 'invalid' | 'credentials' | 'https' | null {
  if (!URL.canParse(value)) return 'invalid';
  const url = new URL(value);
  if (url.username || url.password) return 'credentials';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return 'https';
}

export function isSafeSubmitEndpoint(value: string): boolean {
  return submitEndpointProblem(value) === null;
}
