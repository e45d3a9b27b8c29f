import type { SatuPintuDb } from '@/lib/db/database';

/** Background wiring of the approvals domain: submit, outbox retries, status, audit. (approvals issue) */
export function setupApprovals(_db: SatuPintuDb): void {}
