import { t } from '@/lib/i18n/in-page';
import type { PlatformId } from '@/lib/platforms/types';
import { trusted } from './trusted';

export interface HealthLineProps {
  recognised: boolean;
  platform: PlatformId;
  /** The technical summary (adapter, strategies): an attribute for support, never shown as text. */
  diagnostics: string;
  /** What "copy report" puts on the clipboard for the central team. */
  report: string;
  onCopy(text: string): void;
}

/** Whether the composer was recognised, in plain words, with a report to copy in either case. */
export function HealthLine({ recognised, platform, diagnostics, report, onCopy }: HealthLineProps) {
  const platformLabel = t(`common.platform.${platform}`);
  return (
    <p
      class={recognised ? 'sp-health' : 'sp-health sp-warn'}
      data-sp="health"
      data-recognised={String(recognised)}
      data-diagnostics={diagnostics}
    >
      <span data-sp="health-text">
        {recognised
          ? t('sidebar.health.ok', { platform: platformLabel })
          : t('sidebar.health.unrecognised', { platform: platformLabel })}
      </span>{' '}
      <button type="button" class="sp-link" data-sp="health-report" onClick={trusted(() => onCopy(report))}>
        {t('sidebar.health.report')}
      </button>
    </p>
  );
}
