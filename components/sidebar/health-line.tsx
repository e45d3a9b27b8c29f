import { t } from '@/lib/i18n';
import type { PlatformId } from '@/lib/platforms/types';

export interface HealthLineProps {
  recognised: boolean;
  platform: PlatformId;
  /** The technical line (not translated) the admin can copy into a report. */
  summary: string;
  onCopy(text: string): void;
}

/** Whether the composer was recognised; when not, the admin can copy a report for the central team. */
export function HealthLine({ recognised, platform, summary, onCopy }: HealthLineProps) {
  const platformLabel = t(`common.platform.${platform}`);
  return (
    <p
      class={recognised ? 'sp-health' : 'sp-health sp-warn'}
      data-sp="health"
      data-recognised={String(recognised)}
    >
      <span data-sp="health-text">
        {recognised
          ? t('sidebar.health.ok', { fields: summary })
          : t('sidebar.health.unrecognised', { platform: platformLabel })}
      </span>
      {recognised ? null : (
        <button type="button" class="sp-link" data-sp="health-report" onClick={() => onCopy(summary)}>
          {t('sidebar.health.report')}
        </button>
      )}
    </p>
  );
}
