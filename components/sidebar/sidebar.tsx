import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n/in-page';
import type { PlatformId } from '@/lib/platforms/types';
import type { Counter } from '@/lib/sidebar/counters';
import type { FieldFinding, FindingLike, Severity, Verdict } from '@/lib/sidebar/findings';
import type { AgencyInfo, Notice } from '@/lib/sidebar/model-types';
import { FieldCounters } from './field-counters';
import { FindingList } from './finding-list';
import { HealthLine } from './health-line';
import { type CaptionEntry, LibraryPanel, type LibraryPanelProps } from './library-panel';
import { NoticeBar } from './notice-bar';
import { trusted } from './trusted';
import { VerdictSummary } from './verdict-summary';

export interface SidebarState {
  platform: PlatformId;
  collapsed: boolean;
  /** Several fields (YouTube): findings and counters name their field. */
  multiField: boolean;
  hasText: boolean;
  verdict: Verdict;
  score: number;
  checks: number;
  recognised: boolean;
  /** The technical recognition summary (on the health element only, as `data-diagnostics`). */
  diagnostics: string;
  /** The report "copy report" puts on the clipboard. */
  healthReport: string;
  agency: AgencyInfo | null;
  notice: Notice | null;
  groups: { severity: Severity; items: FieldFinding<FindingLike>[] }[];
  ignoredCount: number;
  counters: { field: string; counters: Counter[] }[];
  busy: boolean;
  submitting: boolean;
  query: string;
  captions: CaptionEntry[];
  hashtagSets: LibraryPanelProps['hashtagSets'];
  libraryReady: boolean;
  /** A comment or reply box has the focus: reply templates instead of the approval flow. */
  replying?: boolean;
}

export interface SidebarActions {
  toggle(): void;
  copy(text: string): void;
  dismissNotice(): void;
  needsReason(finding: FindingLike): boolean;
  selectFinding(item: FieldFinding<FindingLike>): void;
  fixFinding(item: FieldFinding<FindingLike>): void;
  /** Returns false when the reason was required and missing (nothing ignored). */
  ignoreFinding(item: FieldFinding<FindingLike>, reason: string): boolean;
  submit(): void;
  setQuery(query: string): void;
  setPlaceholder(captionId: string, name: string, value: string): void;
  insertCaption(captionId: string): void;
  insertHashtagSet(setId: string): void;
  /** Opens the options page to choose the agency (hidden when the host cannot). */
  openOptions?: (() => void) | undefined;
}

export interface SidebarProps {
  state: SidebarState;
  actions: SidebarActions;
  /** The approval badge and the last submit's result (approvals' components). */
  approval?: ComponentChildren;
  /** The amplification requests, on top of the library panel (when writing a post). */
  requests?: ComponentChildren;
  /** The reply templates (when writing a reply). */
  replies?: ComponentChildren;
}

/** The in-page sidebar: identity, verdict, findings, counters, approval, library. */
export function Sidebar({ state: s, actions: on, approval, requests, replies }: SidebarProps) {
  const collapsed = s.collapsed;
  return (
    <aside
      class={collapsed ? 'sp-sidebar sp-collapsed' : 'sp-sidebar'}
      aria-label={t('sidebar.region')}
      data-platform={s.platform}
      data-collapsed={String(collapsed)}
    >
      <header class="sp-header">
        <strong class="sp-title">{t('sidebar.title')}</strong>
        {collapsed ? <VerdictSummary verdict={s.verdict} score={s.score} checks={s.checks} compact /> : null}
        <button
          type="button"
          class="sp-toggle"
          data-sp="toggle"
          aria-expanded={!collapsed}
          aria-label={collapsed ? t('sidebar.expand') : t('sidebar.collapse')}
          onClick={trusted(() => on.toggle())}
        >
          {collapsed ? '◂' : '▸'}
        </button>
      </header>
      {collapsed ? null : (
        <div class="sp-body">
          <HealthLine
            recognised={s.recognised}
            platform={s.platform}
            diagnostics={s.diagnostics}
            report={s.healthReport}
            onCopy={on.copy}
          />
          {s.agency ? (
            <p class="sp-agency" data-sp="agency-identity" data-agency-id={s.agency.id}>
              {t('sidebar.agency', { name: s.agency.name })}
            </p>
          ) : (
            <p class="sp-agency sp-warn" data-sp="agency-identity" data-agency-id="">
              {t('sidebar.agency.none')}{' '}
              {on.openOptions ? (
                <button
                  type="button"
                  class="sp-link"
                  data-sp="choose-agency"
                  onClick={trusted(() => on.openOptions?.())}
                >
                  {t('sidebar.agency.choose')}
                </button>
              ) : null}
            </p>
          )}
          <NoticeBar notice={s.notice} onCopy={on.copy} onDismiss={on.dismissNotice} />
          <VerdictSummary verdict={s.verdict} score={s.score} checks={s.checks} />
          {!s.hasText ? <p class="sp-muted">{t('sidebar.noText')}</p> : null}
          <FieldCounters fields={s.counters} showField={s.multiField} />
          <FindingList
            groups={s.groups}
            ignoredCount={s.ignoredCount}
            needsReason={on.needsReason}
            showField={s.multiField}
            busy={s.busy}
            onSelect={on.selectFinding}
            onFix={on.fixFinding}
            onIgnore={on.ignoreFinding}
          />
          {s.replying ? (
            replies
          ) : (
            <div class="sp-approval-row">
              {approval}
              <button
                type="button"
                class="sp-primary"
                data-sp="submit"
                disabled={s.submitting || !s.hasText || !s.recognised}
                onClick={trusted(() => on.submit())}
              >
                {t('sidebar.submit')}
              </button>
            </div>
          )}
          {s.replying ? null : requests}
          <LibraryPanel
            query={s.query}
            captions={s.captions}
            hashtagSets={s.hashtagSets}
            ready={s.libraryReady}
            canInsert={s.recognised}
            busy={s.busy}
            onQuery={on.setQuery}
            onPlaceholder={on.setPlaceholder}
            onInsertCaption={on.insertCaption}
            onInsertHashtagSet={on.insertHashtagSet}
            onCopy={on.copy}
          />
        </div>
      )}
    </aside>
  );
}
