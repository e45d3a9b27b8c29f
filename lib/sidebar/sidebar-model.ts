import { computed, signal } from '@preact/signals';
import { type ApprovalDeps, createApprovalState } from './approval-state';
import { type BigTeamDeps, createBigTeamState } from './bigteam-state';
import { createCheckState } from './check-state';
import type { FieldFinding, FindingLike } from './findings';
import { createLibraryActions } from './library-actions';
import type { AgencyInfo, AuditEntry, IdentityInfo, Notice, SidebarDeps } from './model-types';

export type SidebarModelDeps<F extends FindingLike = FindingLike> = SidebarDeps<F> & {
  approvals: ApprovalDeps;
  /** Requests and reply templates from the background (absent: the sidebar shows none). */
  bigTeam?: BigTeamDeps;
};

/**
 * The sidebar's state and actions, as signals: what the page, the engine, the library and the
 * background say, what is derived from it, and the admin's actions, all through `deps` (no DOM,
 * no browser API) so that every path is unit-tested. The views only read it through props.
 */
export function createSidebarModel<F extends FindingLike = FindingLike>(deps: SidebarModelDeps<F>) {
  const activeField = signal<string | null>(
    deps.fields.find((field) => field.kind !== 'tag-input')?.id ?? null,
  );
  const recognised = signal(deps.fields.length > 0);
  /** The technical recognition summary (adapter, strategies): for the copyable report only. */
  const diagnostics = signal('');
  /** True once the sidebar is on the page (mounted); before, nothing asks the background. */
  const shown = signal(false);
  const collapsed = signal(false);
  const identity = signal<IdentityInfo | null>(null);
  const agencies = signal<readonly AgencyInfo[]>([]);
  const notice = signal<Notice | null>(null);
  const busy = signal(false);

  const agency = computed(
    () => agencies.value.find((candidate) => candidate.id === identity.value?.agencyId) ?? null,
  );

  const isTagInput = (field: string) =>
    deps.fields.find((candidate) => candidate.id === field)?.kind === 'tag-input';

  /** A comment or reply box: its own templates, never a caption, a request or the approval flow. */
  const isReply = (field: string) => field === 'reply';

  /** Captions go into the last-focused free-text field (a tag input cannot take a caption). */
  function captionTarget(): string | null {
    const active = activeField.value;
    if (active && !isTagInput(active) && !isReply(active)) return active;
    return deps.fields.find((field) => field.kind !== 'tag-input' && !isReply(field.id))?.id ?? null;
  }

  const checking = createCheckState<F>(deps);

  /**
   * The draft that approvals are about: the main free-text field (Facebook/Instagram caption; on
   * YouTube the last-focused of title/description, else the first), with its text.
   */
  const approvalDraft = computed(() => {
    const field = captionTarget();
    return field === null ? null : { field, text: checking.fieldStates.value[field]?.text ?? '' };
  });
  const hasText = computed(() =>
    Object.values(checking.fieldStates.value).some((state) => state.text.trim() !== ''),
  );

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
      } else
        notice.value = {
          kind: 'error',
          message: 'sidebar.notice.insertFailed',
          params: { reason: outcome.reason },
          copyText: text,
        };
      checking.checkNow(field);
      return outcome.ok;
    } finally {
      busy.value = false;
    }
  }

  const library = createLibraryActions({
    ...deps,
    identity,
    agency,
    activeField,
    notice,
    captionTarget,
    isTagInput,
    runInsert,
  });

  const approvals = createApprovalState({ draft: approvalDraft, shown, notice, deps: deps.approvals });
  const bigTeam = createBigTeamState({ deps: deps.bigTeam, agency, captionTarget, runInsert });
  /** The admin is writing a reply: the sidebar offers reply templates instead of the approval. */
  const replying = computed(() => activeField.value !== null && isReply(activeField.value));

  return {
    platform: deps.platform,
    fields: deps.fields,
    recognised,
    diagnostics,
    shown,
    collapsed,
    identity,
    agencies,
    agency,
    activeField,
    notice,
    busy,
    approvalDraft,
    hasText,
    ...checking,
    ...library,
    ...approvals,
    ...bigTeam,
    replying,
    focusField(field: string) {
      activeField.value = field;
    },
    setRecognised(value: boolean, summary?: string) {
      recognised.value = value;
      if (summary !== undefined) diagnostics.value = summary;
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
        checking.checkNow(field);
        return outcome.ok;
      } finally {
        busy.value = false;
      }
    },
    selectFinding(item: FieldFinding<F>): boolean {
      activeField.value = item.field;
      return deps.selectRange(item.field, item.finding.start, item.finding.end);
    },
    /** Applies the first replacement through the editor's own path (the sidebar and the marks). */
    async fixFinding(item: FieldFinding<F>): Promise<boolean> {
      const replacement = item.finding.replacements?.[0];
      if (replacement === undefined || busy.value) return false;
      // The editor may have changed since the check: only fix what is still there.
      const text = deps.readField(item.field);
      if (text === null || text.slice(item.finding.start, item.finding.end) !== item.matched) {
        checking.checkNow(item.field);
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
        notice.value = outcome.ok
          ? null
          : {
              kind: 'error',
              message: 'sidebar.notice.fixFailed',
              params: { reason: outcome.reason },
              copyText: replacement,
            };
        checking.checkNow(item.field);
        return outcome.ok;
      } finally {
        busy.value = false;
      }
    },
    toggleCollapsed() {
      collapsed.value = !collapsed.value;
      deps.saveCollapsed(collapsed.value);
    },
    dismissNotice() {
      notice.value = null;
    },
  };
}

export type SidebarModel<F extends FindingLike = FindingLike> = ReturnType<typeof createSidebarModel<F>>;
