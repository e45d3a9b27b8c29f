import { useEffect } from 'preact/hooks';
import { OptionsPage } from '@/components/options/options-page';
import { language } from '@/lib/i18n';
import { describeLibraryStatus } from '@/lib/library/describe-status';
import type { OptionsApi } from '@/lib/options/options-api';
import type { OptionsModel } from '@/lib/options/options-model';

/** Binds the options model to the page: its signals become props, its actions callbacks. */
export function OptionsApp({ model, api }: { model: OptionsModel; api: OptionsApi }) {
  useEffect(() => model.open(), [model]);
  const libraryStatus = model.libraryStatus.value;
  return (
    <OptionsPage
      saved={model.saved.value}
      form={model.form.value}
      focus={model.focus.value}
      errors={model.errors.value}
      directory={model.directory.value}
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
      switchLibraryId={
        libraryStatus?.error?.code === 'library-id' ? (libraryStatus.error.libraryId ?? null) : null
      }
      onConfirmSwitch={(libraryId) => void model.confirmLibrarySwitch(libraryId)}
      onExport={model.exportSettings}
      onImport={model.importText}
      onReset={model.reset}
      exportAudit={api.exportAudit}
      download={api.download}
      now={model.now}
    />
  );
}
