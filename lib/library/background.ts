import type { SatuPintuDb } from '@/lib/db/database';

/** Background wiring of the library domain: message handlers, alarms, sync. (library issue) */
export function setupLibrary(_db: SatuPintuDb): void {}
