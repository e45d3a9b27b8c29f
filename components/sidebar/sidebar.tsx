import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';
import type { PlatformId } from '@/lib/platforms/types';
import type { SidebarController } from '@/lib/sidebar/sidebar-controller';
import { FieldCounters } from './field-counters';
import { FindingList } from './finding-list';
import { HealthLine } from './health-line';
import { LibraryPanel } from './library-panel';
import { NoticeBar } from './notice-bar';
import { VerdictSummary } from './verdict-summary';

export interface SidebarProps {
  platform: PlatformId;
  controller: SidebarController;
  /** One technical line for the central team (which strategy found which field). */
  healthSummary: string;
  /** The approval badge (approvals' component, `data-sp="approval"`). */
  approval?: ComponentChildren;
  onSubmit(): void;
  submitting: boolean;
  /** Opens the options page to choose the agency (hidden when the host cannot). */
  onOpenOptions?: () => void;
}

/** The in-page sidebar: identity, verdict, findings, counters, approval, library. */
export function Sidebar({
  platform,
  controller: c,
  healthSummary,
  approval,
  onSubmit,
  submitting,
  onOpenOptions,
}: SidebarProps) {
  const collapsed = c.collapsed.value;
  const multiField = c.fields.length > 1;
  const hasText = Object.values(c.fieldStates.value).some((state) => state.text.trim() !== '');
  const { verdict, score } = c.summary.value;
  const agency = c.agency.value;

  return (
    <aside
      class={collapsed ? 'sp-sidebar sp-collapsed' : 'sp-sidebar'}
      aria-label={t('sidebar.region')}
      data-platform={platform}
      data-collapsed={String(collapsed)}
    >
      <header class="sp-header">
        <strong class="sp-title">{t('sidebar.title')}</strong>
        {collapsed ? (
          <VerdictSummary verdict={verdict} score={score} checks={c.checks.value} compact />
        ) : null}
        <button
          type="button"
          class="sp-toggle"
          data-sp="toggle"
          aria-expanded={!collapsed}
          aria-label={collapsed ? t('sidebar.expand') : t('sidebar.collapse')}
          onClick={() => c.toggleCollapsed()}
        >
          {collapsed ? '◂' : '▸'}
        </button>
      </header>
      {collapsed ? null : (
        <div class="sp-body">
          <HealthLine
            recognised={c.recognised.value}
            platform={platform}
            summary={healthSummary}
            onCopy={c.copy}
          />
          {agency ? (
            <p class="sp-agency" data-sp="agency-identity" data-agency-id={agency.id}>
              {t('sidebar.agency', { name: agency.name })}
            </p>
          ) : (
            <p class="sp-agency sp-warn" data-sp="agency-identity" data-agency-id="">
              {t('sidebar.agency.none')}{' '}
              {onOpenOptions ? (
                <button type="button" class="sp-link" data-sp="choose-agency" onClick={onOpenOptions}>
                  {t('sidebar.agency.choose')}
                </button>
              ) : null}
            </p>
          )}
          <NoticeBar notice={c.notice.value} onCopy={c.copy} onDismiss={c.dismissNotice} />
          <VerdictSummary verdict={verdict} score={score} checks={c.checks.value} />
          {!hasText ? <p class="sp-muted">{t('sidebar.noText')}</p> : null}
          <FieldCounters fields={c.counters.value} showField={multiField} />
          <FindingList
            groups={c.groups.value}
            ignoredCount={c.ignoredCount.value}
            needsReason={c.ignoreNeedsReason}
            showField={multiField}
            busy={c.busy.value}
            onSelect={c.selectFinding}
            onFix={(item) => void c.fixFinding(item)}
            onIgnore={c.ignoreFinding}
          />
          <div class="sp-approval-row">
            {approval}
            <button
              type="button"
              class="sp-primary"
              data-sp="submit"
              disabled={submitting || !hasText || !c.recognised.value}
              onClick={onSubmit}
            >
              {t('sidebar.submit')}
            </button>
          </div>
          <LibraryPanel
            query={c.query.value}
            captions={c.captionList.value}
            hashtagSets={c.hashtagSetList.value}
            ready={c.libraryReady.value}
            canInsert={c.recognised.value}
            busy={c.busy.value}
            onQuery={(value) => {
              c.query.value = value;
            }}
            onPlaceholder={c.setAdminInput}
            onInsertCaption={(id) => void c.insertCaption(id)}
            onInsertHashtagSet={(id) => void c.insertHashtagSet(id)}
            onCopy={(text) => void c.copy(text)}
          />
        </div>
      )}
    </aside>
  );
}
