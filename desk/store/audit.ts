import type { Queryable } from '../db/db';

export interface AuditEntry {
  id: number;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  detail: string;
}

/** Every action the desk takes for someone ends up here, inside the same transaction as the action. */
export async function recordAudit(
  db: Queryable,
  entry: { actor: string; action: string; subject?: string; detail?: string },
): Promise<void> {
  await db.query('INSERT INTO audit (actor, action, subject, detail) VALUES ($1, $2, $3, $4)', [
    entry.actor,
    entry.action,
    entry.subject ?? '',
    entry.detail ?? '',
  ]);
}

export function listAudit(db: Queryable, limit = 10_000): Promise<AuditEntry[]> {
  return db.query<AuditEntry>(
    'SELECT id, at, actor, action, subject, detail FROM audit ORDER BY id DESC LIMIT $1',
    [limit],
  );
}

/** RFC 4180 field; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = ['id,at,actor,action,subject,detail'];
  for (const entry of [...entries].reverse()) {
    lines.push(
      [String(entry.id), entry.at.toISOString(), entry.actor, entry.action, entry.subject, entry.detail]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
