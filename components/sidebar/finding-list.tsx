import { t } from '@/lib/i18n/in-page';
import type { FieldFinding, FindingLike, Severity } from '@/lib/sidebar/findings';
import { FindingItem, type FindingItemProps } from './finding-item';

export interface FindingListProps extends Omit<FindingItemProps, 'item' | 'needsReason'> {
  groups: { severity: Severity; items: FieldFinding<FindingLike>[] }[];
  ignoredCount: number;
  needsReason(finding: FindingLike): boolean;
}

/** Findings grouped by severity, errors first. */
export function FindingList({ groups, ignoredCount, needsReason, ...itemProps }: FindingListProps) {
  return (
    <section class="sp-findings" aria-label={t('sidebar.findings.title')}>
      {groups.length === 0 ? <p class="sp-muted">{t('sidebar.findings.none')}</p> : null}
      {groups.map((group) => (
        <div key={group.severity} class="sp-group" data-sp="finding-group" data-severity={group.severity}>
          <h3 class={`sp-sev-title sp-sev-${group.severity}`}>
            {t(`sidebar.severity.${group.severity}`)} ({group.items.length})
          </h3>
          <ul>
            {group.items.map((item) => (
              <FindingItem key={item.id} item={item} needsReason={needsReason(item.finding)} {...itemProps} />
            ))}
          </ul>
        </div>
      ))}
      {ignoredCount > 0 ? (
        <p class="sp-muted">{t('sidebar.findings.ignored', { count: ignoredCount })}</p>
      ) : null}
    </section>
  );
}
