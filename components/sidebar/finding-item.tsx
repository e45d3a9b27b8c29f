import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/in-page';
import type { FieldFinding, FindingLike } from '@/lib/sidebar/findings';
import { fieldLabel } from './field-label';
import { FixButton, IgnoreToggle } from './finding-actions';
import { IgnoreForm } from './ignore-form';
import { trusted } from './trusted';

export interface FindingItemProps {
  item: FieldFinding<FindingLike>;
  /** Show which field the finding is in (YouTube has several). */
  showField: boolean;
  needsReason: boolean;
  busy: boolean;
  onSelect(item: FieldFinding<FindingLike>): void;
  onFix(item: FieldFinding<FindingLike>): void;
  /** Returns false when the reason was required and missing (nothing ignored). */
  onIgnore(item: FieldFinding<FindingLike>, reason: string): boolean;
}

/** One finding: the excerpt (click = select it in the editor), the message, fix and ignore. */
export function FindingItem({
  item,
  showField,
  needsReason,
  busy,
  onSelect,
  onFix,
  onIgnore,
}: FindingItemProps) {
  const [asking, setAsking] = useState(false);
  const { finding, excerpt } = item;
  const excerptText = `${excerpt.before}${excerpt.match}${excerpt.after}`;

  return (
    <li
      class={`sp-finding sp-sev-${finding.severity}`}
      data-sp="finding"
      data-rule-id={finding.ruleId}
      data-category={finding.category}
      data-severity={finding.severity}
      data-field={item.field}
      data-key={item.id}
    >
      <button
        type="button"
        class="sp-finding-main"
        data-sp="finding-select"
        aria-label={t('sidebar.finding.select', { excerpt: excerptText })}
        onClick={trusted(() => onSelect(item))}
      >
        {showField ? <span class="sp-field-tag">{fieldLabel(item.field)}</span> : null}
        <span class="sp-excerpt">
          {excerpt.before}
          <mark>{excerpt.match}</mark>
          {excerpt.after}
        </span>
      </button>
      <p class="sp-finding-message">{finding.message}</p>
      <div class="sp-actions">
        <FixButton finding={finding} busy={busy} onFix={() => onFix(item)} />
        <IgnoreToggle asking={asking} onToggle={() => setAsking(!asking)} />
      </div>
      {asking ? (
        <IgnoreForm
          needsReason={needsReason}
          onConfirm={(reason) => {
            const ignored = onIgnore(item, reason);
            if (ignored) setAsking(false);
            return ignored;
          }}
        />
      ) : null}
    </li>
  );
}
