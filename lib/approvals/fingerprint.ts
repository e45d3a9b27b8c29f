/**
 * Approval fingerprints: SHA-256 over one canonical form of a text, so that the same post read
 * from Lexical (Facebook/Instagram), from a plain contenteditable (YouTube Studio), from
 * `innerText`/`textContent` readers or from a file given to the CLI gives the same fingerprint.
 *
 * Canonical form (decided here; the CLI, the background and the tests all use this function):
 * 1. Unicode NFC (composed "é" and "e + U+0301" are the same wording).
 * 2. Line endings CRLF, CR, U+2028, U+2029 → "\n".
 * 3. Invisible editor artefacts removed: U+200B (zero-width space), U+FEFF (BOM / Lexical's
 *    placeholder), U+00AD (soft hyphen). ZWJ/ZWNJ stay: they change how emoji and scripts render.
 * 4. Horizontal whitespace (tabs, U+00A0 that contenteditables put in place of repeated spaces,
 *    every other Unicode space separator) → one space; each line trimmed at both ends.
 * 5. Any run of line breaks, blank lines included, → ONE "\n"; leading/trailing breaks dropped.
 *
 * Why step 5 collapses blank lines although blank lines are part of a post's layout: the readers of
 * one and the same editor disagree on them — Lexical's own text joins paragraphs with "\n\n"
 * (an empty paragraph becomes "\n\n\n\n"), Chrome's `innerText` gives "\n\n" around `<p>` but "\n"
 * around `<div>`, and a `textContent` reader joining blocks gives "\n". Keeping the count would make
 * one visible post produce several fingerprints and raise false "changed since approval" alarms.
 * Lines never merge (at least one "\n" survives), so the approved wording and its line order are
 * still fully covered; only the amount of vertical spacing is not.
 */
export function normalizeForFingerprint(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/[\u200b\ufeff\u00ad]/g, '')
    .replace(/[^\S\n]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** SHA-256 (WebCrypto: the same in Node ≥ 20, the service worker and extension pages) as 64 hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += HEX[byte];
  return hex;
}

/** The approval fingerprint of a text: 64 lowercase hex characters. */
export function fingerprintText(text: string): Promise<string> {
  return sha256Hex(normalizeForFingerprint(text));
}

export const FINGERPRINT_PATTERN = /^[0-9a-f]{64}$/;

/**
 * Crockford's base32 alphabet: no I, L, O, U, so a code read aloud on the phone or typed from a
 * WhatsApp message cannot be confused (0/O, 1/I/L).
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The 8-character code people use for a fingerprint: its first 40 bits in Crockford base32. */
export function shortCode(fingerprint: string): string {
  if (!FINGERPRINT_PATTERN.test(fingerprint)) throw new Error(`not a fingerprint: ${fingerprint}`);
  // 40 bits = the first 10 hex digits; below 2^53, so plain numbers are exact.
  let value = Number.parseInt(fingerprint.slice(0, 10), 16);
  let code = '';
  for (let i = 0; i < 8; i++) {
    code = CROCKFORD[value % 32] + code;
    value = Math.floor(value / 32);
  }
  return code;
}
