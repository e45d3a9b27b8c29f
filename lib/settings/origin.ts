/**
 * The permission pattern for a library URL. Without the port: Firefox match patterns cannot carry
 * one (bugs 1362809, 1468162) and Chrome treats a pattern without a port as "any port", so
 * `http://localhost/*` covers a test server on `http://localhost:8080` in both browsers.
 */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/** The origin a permission prompt names, as the admin reads it: `https://host`. */
export function originLabel(url: string): string {
  return originPattern(url).replace(/\/\*$/, '');
}
