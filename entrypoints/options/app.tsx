import { useEffect } from 'preact/hooks';
import { CommitmentSection } from '@/components/options/commitment-section';
import { OptionsPage } from '@/components/options/options-page';
import { language } from '@/lib/i18n';
import { describeLibraryStatus } from '@/lib/library/describe-status';
import type { CommitmentModel } from '@/lib/options/commitment-model';
import type { OptionsApi } from '@/lib/options/options-api';
import type { OptionsModel } from '@/lib/options/options-model';

/** Binds the options model to the page: its signals become props, its actions callbacks. */
export function OptionsApp({
  model,
  api,
  commitment,
}: {
  model: OptionsModel;
  api: OptionsApi;
  commitment?: CommitmentModel;
}) {
  useEffect(() => model.open(), [model]);
  useEffect(() => {
    void commitment?.load();
  }, [commitment]);
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
      commitment={
        commitment ? (
          <CommitmentSection
            commitment={commitment.commitment.value}
            committedVersion={commitment.committedVersion.value}
            busy={commitment.busy.value}
            error={commitment.error.value}
            onCommit={() => void commitment.commit()}
          />
        ) : null
      }
    />
  );
}
