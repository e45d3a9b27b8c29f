/**
 * Validators decide whether a pattern match really is a violation, so that a 16-digit budget
 * figure is not reported as a NIK and an official hotline is not reported as a private number.
 */

/** Province codes in use (Dukcapil kode wilayah, Permendagri 72/2019 + the new Papua provinces). */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73,
  74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97,
]);
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/**
 * A NIK/KK number: 16 digits = 2 province + 2 regency + 2 district + DDMMYY (day + 40 for women)
 * + 4 serial. Exported for tests.
 */
export function isPlausibleNik(text: string): boolean {
  const digits = digitsOf(text);
  if (digits.length !== 16) return false;
  if (!PROVINCE_CODES.has(Number(digits.slice(0, 2)))) return false;
  let day = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  if (day > 40) day -= 40;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= DAYS_IN_MONTH[month - 1]!;
}

/** Phone numbers compared as digits in national form: +62 812… and 0812… are the same number. */
export function normalizePhone(text: string): string {
  const digits = digitsOf(text);
  return digits.startsWith('62') ? `0${digits.slice(2)}` : digits;
}

export function isAllowedPhone(text: string, allowed: readonly string[]): boolean {
  const number = normalizePhone(text);
  return allowed.some((entry) => normalizePhone(entry) === number);
}

export function isPlausibleNpwp(text: string): boolean {
  const length = digitsOf(text).length;
  return length === 15 || length === 16;
}

/** The host of a URL-ish match ("https://bit.ly/x", "www.kalbarprov.go.id/a", "s.id/abc"). */
export function hostOf(url: string): string {
  const withoutScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const host = withoutScheme.split(/[/?#:]/, 1)[0] ?? '';
  return host
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.+$/, '');
}

/** "*.go.id" allows go.id and every subdomain; other entries allow that host and its subdomains. */
export function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => {
    const pattern = entry.toLowerCase().replace(/^\*\./, '');
    return host === pattern || host.endsWith(`.${pattern}`);
  });
}
