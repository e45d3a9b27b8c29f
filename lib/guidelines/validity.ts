/**
 * Validity windows. A bare day (`2026-08-17`) is a day in Kalimantan Barat, i.e. WIB (UTC+7):
 * `validUntil: 2026-08-17` ends at the end of that day in Pontianak, not at 07:00 the next morning.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const WIB_OFFSET = '+07:00';

export function startOf(value: string): number {
  return DAY.test(value) ? Date.parse(`${value}T00:00:00${WIB_OFFSET}`) : Date.parse(value);
}

export function endOf(value: string): number {
  return DAY.test(value) ? Date.parse(`${value}T23:59:59.999${WIB_OFFSET}`) : Date.parse(value);
}

export function isValidAt(
  item: { validFrom?: string | null; validUntil?: string | null },
  now: Date,
): boolean {
  const time = now.getTime();
  if (item.validFrom && time < startOf(item.validFrom)) return false;
  if (item.validUntil && time > endOf(item.validUntil)) return false;
  return true;
}
