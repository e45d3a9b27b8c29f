import { useEffect } from 'preact/hooks';
import { language, t } from '@/lib/i18n';
import { describeLibraryStatus } from '@/lib/library/describe-status';
import type { OptionsModel } from '@/lib/options/options-model';
import { AuditExport } from './audit-export';
import { fieldIds } from './field';
import { FirstRun } from './first-run';
import { OptionsForm } from './options';
import { SettingsTransfer } from './settings-transfer';

export interface OptionsPageProps {
  model: OptionsModel;
  exportAudit(format: 'csv' | 'json'): Promise<string>;
  download(fileName: string, text: string, mimeType: string): void;
}

/**
 * The options page: the model's signals in, its actions out. Loads when mounted and follows
 * settings saved elsewhere until unmounted.
 */
export function OptionsPage({ model, exportAudit, download }: OptionsPageProps) {
  useEffect(() => model.open(), [model]);

  const saved = model.saved.value;
  const form = model.form.value;
  // Screen readers pick the voice from the page's language; the tab title follows it too.
  useEffect(() => {
    document.documentElement.lang = saved?.language ?? 'id';
    document.title = t('options.title');
  }, [saved?.language]);

  const focus = model.focus.value;
  useEffect(() => {
    if (focus) document.getElementById(fieldIds(focus.field).input)?.focus();
  }, [focus]);

  if (!form || !saved) {
    return (
      <main class="sp-options" data-sp="options" aria-busy="true">
        <p>{t('common.loading')}</p>
      </main>
    );
  }

  const firstRun = saved.identity.agencyId === null;
  const libraryStatus = model.libraryStatus.value;
  return (
    <main class="sp-options" data-sp="options" data-first-run={String(firstRun)}>
      <header class="sp-page-header">
        <h1>{t('options.title')}</h1>
        <p>{t('options.intro')}</p>
      </header>
      {firstRun ? <FirstRun form={form} /> : null}
      <OptionsForm
        form={form}
        errors={model.errors.value}
        directory={model.directory.value}
        savedLibraryUrl={saved.library.url}
        libraryText={libraryStatus ? describeLibraryStatus(libraryStatus, language.value) : null}
        saveStatus={model.saveStatus.value}
        testStatus={model.testStatus.value}
        syncStatus={model.syncStatus.value}
        permissionStatus={model.permissionStatus.value}
        platformAccess={model.platformAccess.value}
        busy={model.busy.value}
        onEdit={model.edit}
        onAgency={model.chooseAgency}
        onSave={model.save}
        onTest={model.test}
        onGrant={model.grantPlatform}
        onUseDefault={model.useDefaultSource}
        onSync={() => void model.sync()}
      />
      <SettingsTransfer onExport={model.exportSettings} onImport={model.importText} onReset={model.reset} />
      <AuditExport exportAudit={exportAudit} download={download} now={model.now} />
    </main>
  );
}
