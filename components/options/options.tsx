import { t } from '@/lib/i18n';

export function Options() {
  return (
    <main class="sp-options" data-sp="options">
      <h1>{t('common.appName')}</h1>
    </main>
  );
}
