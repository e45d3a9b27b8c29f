import { t } from '@/lib/i18n/in-page';
import type { FindingLike } from '@/lib/sidebar/findings';
import { trusted } from './trusted';

/**
 * The two actions every finding offers, in the sidebar and in a mark's card alike: apply its first
 * replacement, and ask to ignore it. Both act on a person's events only (`trusted`).
 */
export function FixButton(props: { finding: FindingLike; busy: boolean; onFix(): void }) {
  const replacement = props.finding.replacements?.[0];
  if (replacement === undefined) return null;
  return (
    <button type="button" data-sp="fix" disabled={props.busy} onClick={trusted(() => props.onFix())}>
      {/* A missing credit line or hashtag is an empty range: the fix adds text, it replaces none. */}
      {props.finding.start === props.finding.end
        ? t('sidebar.finding.add', { text: replacement.trim() })
        : t('sidebar.finding.fix', { replacement })}
    </button>
  );
}

export function IgnoreToggle(props: { asking: boolean; onToggle(): void }) {
  return (
    <button
      type="button"
      data-sp="ignore"
      aria-expanded={props.asking}
      onClick={trusted(() => props.onToggle())}
    >
      {t('sidebar.finding.ignore')}
    </button>
  );
}
