import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/in-page';
import type { FieldFinding, FindingLike } from '@/lib/sidebar/findings';
import { fieldLabel } from './field-label';
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
  const replacement = finding.replacements?.[0];
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
        {replacement !== undefined ? (
          <button type="button" data-sp="fix" disabled={busy} onClick={trusted(() => onFix(item))}>
            {/* A missing credit line or hashtag is an empty range: the fix adds text, it replaces none. */}
            {finding.start === finding.end
              ? t('sidebar.finding.add', { text: replacement.trim() })
              : t('sidebar.finding.fix', { replacement })}
          </button>
        ) : null}
        <button
          type="button"
          data-sp="ignore"
          aria-expanded={asking}
          onClick={trusted(() => setAsking(!asking))}
        >
          {t('sidebar.finding.ignore')}
        </button>
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
