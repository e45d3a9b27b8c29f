import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import type { SidebarMessageKey } from '@/lib/i18n/messages/sidebar';
import { fillPlaceholders, placeholderNames } from '@/lib/library/placeholders';
import { type Counter, type FieldLimits, fieldCounters } from './counters';
import {
  combineResults,
  type FieldFinding,
  type FindingLike,
  groupBySeverity,
  ignoreNeedsReason,
  type Severity,
  toFieldFindings,
  type Verdict,
} from './findings';
import { asHashtag, hashtagInsertText, hashtagKey, planHashtagInsert } from './hashtags';
import { type CaptionView, type HashtagSetView, visibleCaptions, visibleHashtagSets } from './library-view';
import { placeholderValues } from './placeholders';

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

export interface AgencyInfo {
  id: string;
  name: string;
  shortName?: string;
  region?: string;
  handles?: Partial<Record<string, string>>;
}

export interface IdentityInfo {
  agencyId: string | null;
  adminName: string;
  adminRole: string;
  handles: Partial<Record<string, string>>;
}

/**
 * Everything the sidebar needs from the page, the engine and the background. The content script
 * provides the real ones; unit tests provide plain functions. Nothing here touches the DOM.
 */
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

interface FieldState<F extends FindingLike> {
  text: string;
  result: CheckOutcome<F>;
}

export type SidebarController<F extends FindingLike = FindingLike> = ReturnType<
  typeof createSidebarController<F>
>;

/**
 * The sidebar's state and actions. Signals hold what the page and the library say; computed
 * values derive what the sidebar shows; actions go through `deps` so they are testable.
 */
export function createSidebarController<F extends FindingLike = FindingLike>(deps: SidebarDeps<F>) {
  const fieldStates = signal<Record<string, FieldState<F>>>({});
  const activeField = signal<string | null>(
    deps.fields.find((field) => field.kind !== 'tag-input')?.id ?? null,
  );
  const recognised = signal(deps.fields.length > 0);
  const collapsed = signal(false);
  const query = signal('');
  const identity = signal<IdentityInfo | null>(null);
  const agencies = signal<readonly AgencyInfo[]>([]);
  const captions = signal<readonly CaptionView[]>([]);
  const hashtagSets = signal<readonly HashtagSetView[]>([]);
  const libraryReady = signal(false);
  const adminInputs = signal<Record<string, Record<string, string>>>({});
  const ignored = signal<Record<string, string>>({});
  const notice = signal<Notice | null>(null);
  const busy = signal(false);
  /** Bumped on every completed check: a hook for the keystroke benchmark and for tests. */
  const checks = signal(0);
  const pending = new Set<string>();

  const agency = computed(
    () => agencies.value.find((candidate) => candidate.id === identity.value?.agencyId) ?? null,
  );

  const allFindings = computed(() =>
    Object.entries(fieldStates.value).flatMap(([field, state]) =>
      toFieldFindings(field, state.text, state.result.findings),
    ),
  );
  const findings = computed(() => allFindings.value.filter((item) => !(item.key in ignored.value)));
  const groups = computed(() => groupBySeverity(findings.value));
  const ignoredCount = computed(() => allFindings.value.length - findings.value.length);

  const summary = computed(() => {
    const combined = combineResults(Object.values(fieldStates.value).map((state) => state.result));
    if (ignoredCount.value === 0) return combined;
    // Ignoring (with a reason) lowers the verdict only as far as what is left justifies.
    const worst = (severity: Severity) => findings.value.some((item) => item.finding.severity === severity);
    const verdict: Verdict = worst('error') ? 'blocked' : worst('warning') ? 'review' : 'ready';
    const rank = { ready: 0, review: 1, blocked: 2 } as const;
    return {
      verdict: rank[verdict] < rank[combined.verdict] ? verdict : combined.verdict,
      score: combined.score,
    };
  });

  const counters = computed(() =>
    Object.entries(fieldStates.value).map(([field, state]) => ({
      field,
      counters: fieldCounters(state.text, deps.limits(field)) as Counter[],
    })),
  );

  const context = computed(() => ({
    platform: deps.platform,
    agencyId: identity.value?.agencyId ?? null,
    now: deps.today(),
  }));

  const knownValues = computed(() =>
    placeholderValues({
      dayDate: deps.formatDayDate(deps.today()),
      agency: agency.value,
      identity: identity.value,
      platform: deps.platform,
    }),
  );

  /** Captions as shown: the filled text (what insert puts in) and the inputs still needed. */
  const captionList = computed(() =>
    visibleCaptions(captions.value, context.value, query.value).map((caption) => {
      const inputs = adminInputs.value[caption.id] ?? {};
      const values = { ...knownValues.value, ...placeholderValues({ dayDate: '', admin: inputs }) };
      const filled = fillPlaceholders(caption.text, values);
      const needsAdmin = placeholderNames(caption.text).filter((name) => !(name in knownValues.value));
      return { caption, text: filled.text, missing: filled.missing, inputs: needsAdmin, values: inputs };
    }),
  );

  const hashtagSetList = computed(() => visibleHashtagSets(hashtagSets.value, context.value, query.value));

  /**
   * The draft that approvals are about: the main free-text field (Facebook/Instagram caption; on
   * YouTube the last-focused of title/description, else the first), with its text.
   */
  const approvalDraft = computed(() => {
    const field = captionTarget();
    return field === null ? null : { field, text: fieldStates.value[field]?.text ?? '' };
  });

  function checkNow(field: string): void {
    pending.delete(field);
    const text = deps.readField(field);
    const next = { ...fieldStates.value };
    if (text === null) delete next[field];
    else next[field] = { text, result: deps.check(text, field) };
    batch(() => {
      fieldStates.value = next;
      checks.value += 1;
    });
  }

  /** Coalesce bursts of input events into one check per field per frame. */
  function scheduleCheck(field: string): void {
    if (pending.has(field)) return;
    pending.add(field);
    deps.schedule(() => {
      if (pending.has(field)) checkNow(field);
    });
  }

  function recheckAll(): void {
    for (const field of deps.fields) checkNow(field.id);
  }

  function fieldKind(field: string): string | undefined {
    return deps.fields.find((candidate) => candidate.id === field)?.kind;
  }

  /** Captions go into the last-focused free-text field (a tag input cannot take a caption). */
  function captionTarget(): string | null {
    const active = activeField.value;
    if (active && fieldKind(active) !== 'tag-input') return active;
    return deps.fields.find((field) => field.kind !== 'tag-input')?.id ?? null;
  }

  async function runInsert(
    field: string | null,
    text: string,
    audit: Pick<AuditEntry, 'captionId' | 'hashtagSetId'>,
  ): Promise<boolean> {
    if (busy.value) return false; // a second click while the first insert runs must not insert twice
    if (!recognised.value || field === null) {
      notice.value = { kind: 'info', message: 'sidebar.notice.copyInstead', copyText: text };
      return false;
    }
    busy.value = true;
    try {
      const outcome = await deps.insertText(field, text);
      if (outcome.ok) {
        notice.value = { kind: 'success', message: 'sidebar.notice.inserted' };
        deps.logAudit({ type: 'library-insert', field, ...audit });
        checkNow(field);
        return true;
      }
      notice.value = {
        kind: 'error',
        message: 'sidebar.notice.insertFailed',
        params: { reason: outcome.reason },
        copyText: text,
      };
      checkNow(field);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return {
    platform: deps.platform,
    fields: deps.fields,
    // state
    recognised,
    collapsed,
    query,
    identity,
    agencies,
    agency,
    captions,
    hashtagSets,
    libraryReady,
    activeField,
    notice,
    busy,
    checks,
    fieldStates: fieldStates as ReadonlySignal<Record<string, FieldState<F>>>,
    // derived
    findings,
    groups,
    ignoredCount,
    summary,
    counters,
    captionList,
    hashtagSetList,
    approvalDraft,
    // checking
    checkNow,
    scheduleCheck,
    recheckAll,
    focusField(field: string) {
      activeField.value = field;
    },
    setRecognised(value: boolean) {
      recognised.value = value;
    },
    // library
    setAdminInput(captionId: string, name: string, value: string) {
      adminInputs.value = {
        ...adminInputs.value,
        [captionId]: { ...adminInputs.value[captionId], [name]: value },
      };
    },
    async insertCaption(captionId: string): Promise<boolean> {
      const entry = captionList.value.find((item) => item.caption.id === captionId);
      if (!entry) return false;
      if (entry.missing.length > 0) {
        notice.value = {
          kind: 'error',
          message: 'sidebar.notice.fillPlaceholders',
          params: { names: entry.missing.join(', ') },
        };
        return false;
      }
      return runInsert(captionTarget(), entry.text, { captionId });
    },
    async insertHashtagSet(setId: string): Promise<boolean> {
      const entry = hashtagSetList.value.find((item) => item.set.id === setId);
      if (!entry) return false;
      const field = activeField.value ?? captionTarget();
      if (field !== null && fieldKind(field) === 'tag-input') {
        // YouTube tags: committed one by one, without '#', skipping tags already in the list.
        const current = new Set(
          (deps.readField(field) ?? '')
            .split(/[,\n]/)
            .map((tag) => hashtagKey(tag.trim()))
            .filter(Boolean),
        );
        const tags = entry.set.tags
          .map((tag) => asHashtag(tag).slice(1))
          .filter((tag) => !current.has(hashtagKey(tag)));
        if (tags.length === 0) {
          notice.value = { kind: 'info', message: 'sidebar.notice.hashtagsPresent' };
          return false;
        }
        return runInsert(field, tags.join(','), { hashtagSetId: setId });
      }
      const text = field === null ? '' : (deps.readField(field) ?? '');
      const plan = planHashtagInsert(
        entry.set.tags,
        text,
        field === null ? null : (deps.limits(field).hashtags ?? null),
      );
      if (plan.add.length === 0) {
        notice.value = {
          kind: 'info',
          message: plan.overCap.length > 0 ? 'sidebar.notice.hashtagCap' : 'sidebar.notice.hashtagsPresent',
          params: { count: plan.overCap.length },
        };
        return false;
      }
      const insert = hashtagInsertText(plan.add, field === null ? '' : deps.charBeforeCaret(field));
      const ok = await runInsert(field, insert, { hashtagSetId: setId });
      if (ok && plan.overCap.length > 0)
        notice.value = {
          kind: 'info',
          message: 'sidebar.notice.hashtagCap',
          params: { count: plan.overCap.length },
        };
      return ok;
    },
    async copy(text: string): Promise<boolean> {
      const ok = await deps.copyText(text);
      notice.value = ok
        ? { kind: 'success', message: 'sidebar.notice.copied' }
        : { kind: 'error', message: 'sidebar.notice.copyFailed' };
      return ok;
    },
    /** Approvals' "restore the approved text": replace the whole main field through the editor. */
    async restoreText(text: string): Promise<boolean> {
      const field = captionTarget();
      const current = field === null ? null : deps.readField(field);
      if (field === null || current === null || busy.value) return false;
      busy.value = true;
      try {
        const outcome = await deps.replaceRange(field, 0, current.length, text, current);
        notice.value = outcome.ok
          ? { kind: 'success', message: 'sidebar.notice.inserted' }
          : {
              kind: 'error',
              message: 'sidebar.notice.insertFailed',
              params: { reason: outcome.reason },
              copyText: text,
            };
        checkNow(field);
        return outcome.ok;
      } finally {
        busy.value = false;
      }
    },
    // findings
    selectFinding(item: FieldFinding<F>): boolean {
      activeField.value = item.field;
      return deps.selectRange(item.field, item.finding.start, item.finding.end);
    },
    async fixFinding(item: FieldFinding<F>): Promise<boolean> {
      const replacement = item.finding.replacements?.[0];
      if (replacement === undefined || busy.value) return false;
      // The editor may have changed since the check: only fix what is still there.
      const text = deps.readField(item.field);
      if (text === null || text.slice(item.finding.start, item.finding.end) !== item.matched) {
        checkNow(item.field);
        notice.value = { kind: 'info', message: 'sidebar.notice.stale' };
        return false;
      }
      busy.value = true;
      try {
        const outcome = await deps.replaceRange(
          item.field,
          item.finding.start,
          item.finding.end,
          replacement,
          item.matched,
        );
        if (!outcome.ok)
          notice.value = {
            kind: 'error',
            message: 'sidebar.notice.fixFailed',
            params: { reason: outcome.reason },
            copyText: replacement,
          };
        else notice.value = null;
        checkNow(item.field);
        return outcome.ok;
      } finally {
        busy.value = false;
      }
    },
    /** Ignore with a reason; false (and nothing ignored) when the reason is required but empty. */
    ignoreFinding(item: FieldFinding<F>, reason: string): boolean {
      const trimmed = reason.trim();
      if (ignoreNeedsReason(item.finding) && trimmed === '') return false;
      ignored.value = { ...ignored.value, [item.key]: trimmed };
      deps.logAudit({
        type: 'finding-ignored',
        field: item.field,
        ruleId: item.finding.ruleId,
        category: item.finding.category,
        reason: trimmed,
        excerpt: item.matched.slice(0, 200),
      });
      return true;
    },
    ignoreNeedsReason,
    // chrome
    toggleCollapsed() {
      collapsed.value = !collapsed.value;
      deps.saveCollapsed(collapsed.value);
    },
    dismissNotice() {
      notice.value = null;
    },
  };
}
