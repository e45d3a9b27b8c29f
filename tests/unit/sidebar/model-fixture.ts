import { vi } from 'vitest';
import type { DraftApproval, SubmitDraftResult } from '@/lib/approvals/types';
import type { ApprovalDeps } from '@/lib/sidebar/approval-state';
import type { FindingLike } from '@/lib/sidebar/findings';
import type { CaptionView, HashtagSetView } from '@/lib/sidebar/library-view';
import type { InsertOutcome, SidebarDeps } from '@/lib/sidebar/model-types';
import { createSidebarModel, type SidebarModelDeps } from '@/lib/sidebar/sidebar-model';

/** A tiny stand-in for the engine: one spelling rule and one personal-data rule. */
export function fakeCheck(text: string) {
  const findings: FindingLike[] = [];
  for (const match of text.matchAll(/himbauan/g))
    findings.push({
      ruleId: 'KB-EJAAN-01',
      category: 'spelling',
      severity: 'suggestion',
      start: match.index,
      end: match.index + match[0].length,
      message: 'Baku: imbauan',
      replacements: ['imbauan'],
    });
  for (const match of text.matchAll(/\b61\d{14}\b/g))
    findings.push({
      ruleId: 'KB-PDP-01',
      category: 'personal-data',
      severity: 'error',
      start: match.index,
      end: match.index + match[0].length,
      message: 'NIK',
    });
  const verdict = findings.some((f) => f.severity === 'error')
    ? 'blocked'
    : findings.length
      ? 'review'
      : 'ready';
  return { verdict, score: 100 - findings.length * 10, findings } as const;
}

/** Timers the test advances by hand (the approval query is debounced). */
export function manualTimers() {
  const timers = new Map<number, () => void>();
  let next = 0;
  return {
    delay(callback: () => void, _ms: number) {
      const id = ++next;
      timers.set(id, callback);
      return () => timers.delete(id);
    },
    pending: () => timers.size,
    runAll() {
      const due = [...timers.values()];
      timers.clear();
      for (const callback of due) callback();
    },
  };
}

export const approvalFor = (status: DraftApproval['status']): DraftApproval => ({
  status,
  fingerprint: 'fp',
  shortCode: 'AB12',
});

export function submitResult(text: string): SubmitDraftResult {
  return {
    submission: { id: 's1', text } as SubmitDraftResult['submission'],
    duplicate: false,
    delivery: 'queued',
    share: { requestText: text, whatsappUrl: 'https://wa.me/', mailtoUrl: 'mailto:' },
  } as SubmitDraftResult;
}

/** The model with plain-function dependencies: texts in a record, checks queued per frame. */
export function setupModel(
  options: {
    fields?: SidebarDeps['fields'];
    insert?: (field: string, text: string) => InsertOutcome;
    schedule?: 'queue' | 'now';
    approvals?: Partial<ApprovalDeps>;
  } = {},
) {
  const texts: Record<string, string> = {};
  const queue: (() => void)[] = [];
  const timers = manualTimers();
  const deps = {
    platform: 'instagram',
    fields: options.fields ?? [{ id: 'caption', kind: 'lexical' }],
    readField: (field: string) => texts[field] ?? null,
    insertText: vi.fn(async (field: string, text: string) => {
      const outcome = options.insert?.(field, text) ?? { ok: true as const };
      if (outcome.ok) texts[field] = (texts[field] ?? '') + text;
      return outcome;
    }),
    replaceRange: vi.fn(async (field: string, start: number, end: number, text: string) => {
      const current = texts[field] ?? '';
      texts[field] = current.slice(0, start) + text + current.slice(end);
      return { ok: true as const };
    }),
    selectRange: vi.fn(() => true),
    charBeforeCaret: (field: string) => (texts[field] ?? '').slice(-1),
    copyText: vi.fn(async () => true),
    check: (text: string) => fakeCheck(text),
    limits: () => ({ chars: 2200, hashtags: 5, mentions: 20 }),
    today: () => new Date('2026-11-26T02:00:00Z'),
    formatDayDate: () => 'Kamis (26/11/2026)',
    logAudit: vi.fn(),
    saveCollapsed: vi.fn(),
    schedule: (callback: () => void) => {
      if (options.schedule === 'now') callback();
      else queue.push(callback);
    },
    approvals: {
      getApproval: vi.fn(async () => approvalFor('not-submitted')),
      submit: vi.fn(async (draft: { text: string }) => submitResult(draft.text)),
      delay: timers.delay,
      onError: vi.fn(),
      ...options.approvals,
    },
  } satisfies SidebarModelDeps;
  const model = createSidebarModel(deps);
  const flush = () => {
    for (const callback of queue.splice(0)) callback();
  };
  return { model, deps, texts, flush, timers };
}

export const caption = (over: Partial<CaptionView> = {}): CaptionView => ({
  id: 'banjir',
  title: 'Siaga banjir',
  text: '{{agency.name}} mengimbau warga.\n\nDi {{location}}, {{date}}.',
  platforms: ['instagram'],
  agencies: [],
  keywords: [],
  validFrom: null,
  validUntil: null,
  ...over,
});

export const requiredSet: HashtagSetView = {
  id: 'wajib',
  title: 'Wajib',
  kind: 'required',
  tags: ['#PemprovKalbar', '#KalbarBangkit'],
  agencies: [],
  platforms: [],
  validFrom: null,
  validUntil: null,
};
