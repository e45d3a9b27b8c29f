import { t } from '@/lib/i18n/in-page';
import type { Verdict } from '@/lib/sidebar/findings';

export interface VerdictSummaryProps {
  verdict: Verdict;
  score: number;
  /** How many checks have completed (the keystroke benchmark waits for it to move). */
  checks: number;
  compact?: boolean;
}

export function VerdictSummary({ verdict, score, checks, compact }: VerdictSummaryProps) {
  const label = t(`common.verdict.${verdict}`);
  return (
    <div
      class={`sp-verdict sp-verdict-${verdict}${compact ? ' sp-compact' : ''}`}
      data-sp={compact ? 'verdict-compact' : 'verdict'}
      data-verdict={verdict}
      data-score={score}
      data-checks={checks}
      role="status"
      aria-label={t('sidebar.verdict.label', { verdict: label, score })}
    >
      <span class="sp-verdict-label">{label}</span>
      {compact ? null : <span class="sp-score">{t('sidebar.score', { score })}</span>}
    </div>
  );
}
