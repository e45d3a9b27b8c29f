import { t } from '@/lib/i18n';
import type { PlatformId } from '@/lib/platforms/types';

export interface SidebarProps {
  platform: PlatformId;
}

export function Sidebar({ platform }: SidebarProps) {
  return (
    <aside class="sp-sidebar" aria-label={t('common.appName')} data-platform={platform}>
      <header>
        <strong>{t('common.appName')}</strong> · {t(`common.platform.${platform}`)}
      </header>
    </aside>
  );
}
