/**
 * The composer-recognition report an admin copies for the central team. The sidebar itself only
 * says, in plain words, whether the composer was recognised; which strategy found which field is
 * technical detail and lives here (and in the health element's `data-diagnostics`).
 */
export interface HealthFacts {
  platform: string;
  recognised: boolean;
  /** The platform layer's one-line summary: adapter id, strategy per field, container. */
  summary: string;
  /** Where the page was (origin and path only: a query string may carry the admin's data). */
  location?: { origin: string; pathname: string } | undefined;
  extensionVersion?: string | undefined;
  userAgent?: string | undefined;
}

export function healthReport(facts: HealthFacts): string {
  const lines = [
    'Satu Pintu — composer report',
    `platform: ${facts.platform}`,
    `recognised: ${facts.recognised ? 'yes' : 'no'}`,
    `detail: ${facts.summary || '-'}`,
  ];
  if (facts.location) lines.push(`page: ${facts.location.origin}${facts.location.pathname}`);
  if (facts.extensionVersion) lines.push(`extension: ${facts.extensionVersion}`);
  if (facts.userAgent) lines.push(`browser: ${facts.userAgent}`);
  return lines.join('\n');
}
