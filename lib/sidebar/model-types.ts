/**
 * What the sidebar's model needs from the page, the engine and the background, as plain function
 * types: the content script provides the real ones, unit tests plain functions. Nothing here
 * touches the DOM, and every import is type-only (the content script carries no zod).
 */
import type { FieldLimits } from '@/lib/guidelines/types';
import type { SidebarMessageKey } from '@/lib/i18n/messages/sidebar';
import type { Agency } from '@/lib/library/schema';
import type { Settings } from '@/lib/settings/schema';
import type { FindingLike, Verdict } from './findings';

/** What a field of the composer is, as far as the sidebar cares. */
export interface FieldInfo {
  id: string;
  /** 'tag-input' fields take one tag at a time (YouTube tags); the others take free text. */
  kind: string;
}

export interface CheckOutcome<F extends FindingLike = FindingLike> {
  verdict: Verdict;
  score: number;
  findings: F[];
}

export type InsertOutcome = { ok: true } | { ok: false; reason: string };

/** The library's agency entry, as much of it as the sidebar shows and fills captions from. */
export type AgencyInfo = Pick<Agency, 'id' | 'name'> &
  Partial<Pick<Agency, 'shortName' | 'handles' | 'ppid'>>;

/** The admin's identity from the settings (the options page writes it). */
export type IdentityInfo = Pick<Settings['identity'], 'agencyId' | 'adminName' | 'adminRole' | 'handles'>;

/** What the sidebar sends to the audit log (a subset of the approvals' AuditEntryInput). */
export interface AuditEntry {
  type: 'library-insert' | 'finding-ignored';
  field?: string;
  captionId?: string;
  hashtagSetId?: string;
  ruleId?: string;
  category?: string;
  reason?: string;
  excerpt?: string;
}

export interface Notice {
  kind: 'success' | 'error' | 'info';
  /** An i18n key of the 'sidebar.' table, with its parameters. */
  message: SidebarMessageKey;
  params?: Record<string, string | number>;
  /** When set, the notice offers to copy this text (insert failed, or no composer recognised). */
  copyText?: string;
}

export interface SidebarDeps<F extends FindingLike = FindingLike> {
  platform: string;
  /** The composer's fields (empty when no strategy recognised the composer). */
  fields: readonly FieldInfo[];
  /** The field's current text, or null when it is not on the page now. */
  readField(field: string): string | null;
  /** Insert at the caret through the editor's own path and verify; never retried. */
  insertText(field: string, text: string): Promise<InsertOutcome>;
  /**
   * Replace [start, end) of the field's text (fix), through the editor's own path; refused when
   * the field no longer holds `expected` there (the admin typed meanwhile).
   */
  replaceRange(
    field: string,
    start: number,
    end: number,
    text: string,
    expected: string,
  ): Promise<InsertOutcome>;
  selectRange(field: string, start: number, end: number): boolean;
  /** The character just before the caret in the field ('' at the start or when unknown). */
  charBeforeCaret(field: string): string;
  copyText(text: string): Promise<boolean>;
  check(text: string, field: string): CheckOutcome<F>;
  limits(field: string): FieldLimits;
  today(): Date;
  formatDayDate(date: Date): string;
  /** Fire-and-forget: the audit log lives in the background (approvals' `logAudit`). */
  logAudit(entry: AuditEntry): void;
  saveCollapsed(collapsed: boolean): void;
  /** Defers a re-check to the next frame (requestAnimationFrame in the page). */
  schedule(callback: () => void): void;
}
