import { z } from 'zod';
import type { SatuPintuDb } from '@/lib/db/database';
import { FIELD_IDS, PLATFORM_IDS } from '@/lib/platforms/types';

/**
 * The local audit log: what an inspector asks for. The background writes the submission and
 * status entries; the sidebar sends the others with `logAudit`. Agency and admin are stamped by the
 * background from the settings at the time of the entry.
 */
export const AUDIT_TYPES = [
  'submission',
  'submission-sent',
  'submission-failed',
  'status-changed',
  'library-insert',
  'finding-ignored',
  'approved-text-restored',
  // The big team (lib/bigteam): a request recorded done, the admin's commitment.
  'request-done',
  'commitment',
] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

const Detail = z.string().max(2000).optional();

/** One entry, as the sidebar sends it (`logAudit`) and as it is stored (plus agency/admin). */
export const AuditEntrySchema = z.object({
  type: z.enum(AUDIT_TYPES),
  platform: z.enum(PLATFORM_IDS).optional(),
  field: z.enum(FIELD_IDS).optional(),
  submissionId: Detail,
  fingerprint: Detail,
  shortCode: Detail,
  /** Status after the event (status-changed) — and `previousStatus` before it. */
  status: Detail,
  previousStatus: Detail,
  reviewer: Detail,
  note: Detail,
  /** Library items inserted: caption or hashtag set id. */
  captionId: Detail,
  hashtagSetId: Detail,
  /** Ignored findings: which rule, and the admin's reason (required by the sidebar). */
  ruleId: Detail,
  category: Detail,
  reason: Detail,
  /** A short excerpt of the text concerned (never the whole draft). */
  excerpt: Detail,
});
export type AuditEntryInput = z.infer<typeof AuditEntrySchema>;

export const StoredAuditEntrySchema = AuditEntrySchema.extend({
  agencyId: z.string().nullable(),
  adminName: z.string(),
});
export type StoredAuditEntry = z.infer<typeof StoredAuditEntrySchema>;

export interface AuditRecord extends StoredAuditEntry {
  id: number;
  at: number;
}

export async function appendAudit(
  db: SatuPintuDb,
  entry: StoredAuditEntry,
  at = Date.now(),
): Promise<number> {
  const valid = StoredAuditEntrySchema.parse(entry);
  return (await db.audit.add({ at, type: valid.type, entry: valid })) as number;
}

/** All entries, oldest first; rows that no longer parse are skipped rather than breaking the export. */
export async function readAudit(db: SatuPintuDb): Promise<AuditRecord[]> {
  const rows = await db.audit.orderBy('at').toArray();
  const records: AuditRecord[] = [];
  for (const row of rows) {
    const parsed = StoredAuditEntrySchema.safeParse(row.entry);
    if (parsed.success && row.id !== undefined) records.push({ id: row.id, at: row.at, ...parsed.data });
  }
  return records;
}

export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'type',
  'agencyId',
  'adminName',
  'platform',
  'field',
  'submissionId',
  'fingerprint',
  'shortCode',
  'previousStatus',
  'status',
  'reviewer',
  'note',
  'captionId',
  'hashtagSetId',
  'ruleId',
  'category',
  'reason',
  'excerpt',
] as const;

/** RFC 4180 quoting; cells starting with = + - @ are prefixed with ' so spreadsheets do not run them. */
function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatAuditCsv(records: readonly AuditRecord[]): string {
  const lines = [AUDIT_CSV_COLUMNS.join(',')];
  for (const record of records) {
    lines.push(
      AUDIT_CSV_COLUMNS.map((column) =>
        csvCell(column === 'at' ? new Date(record.at).toISOString() : record[column]),
      ).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function formatAuditJson(records: readonly AuditRecord[]): string {
  return `${JSON.stringify(
    records.map((record) => ({ ...record, at: new Date(record.at).toISOString() })),
    null,
    2,
  )}\n`;
}
