import { t } from '@/lib/i18n';

export function Popup() {
  return (
    <main class="sp-popup" data-sp="popup">
      <h1>{t('common.appName')}</h1>
    </main>
  );
}
