import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { FieldName, SettingsForm } from '@/lib/settings/form';
import type { Settings } from '@/lib/settings/schema';
import { AuditExport } from './audit-export';
import { fieldIds } from './field';
import { FirstRun } from './first-run';
import { OptionsForm, type OptionsFormProps } from './options';
import { SettingsTransfer, type SettingsTransferProps } from './settings-transfer';

export type OptionsPageProps = Omit<OptionsFormProps, 'form' | 'savedLibraryUrl'> &
  SettingsTransferProps & {
    /** null while loading. */
    saved: Settings | null;
    form: SettingsForm | null;
    /** The field to focus (the first invalid one after a failed save); a new object focuses again. */
    focus: { field: FieldName } | null;
    exportAudit(format: 'csv' | 'json'): Promise<string>;
    download(fileName: string, text: string, mimeType: string): void;
    now(): Date;
    /** The bureau's commitment text and "I commit" (components/options/commitment-section.tsx). */
    commitment?: ComponentChildren;
  };

/**
 * The options page: agency identity, platforms, language, library source, desk, settings file and
 * audit log. Props in, callbacks out.
 */
export function OptionsPage(props: OptionsPageProps) {
  const { saved, form, focus } = props;
  // Screen readers pick the voice from the page's language; the tab title follows it too.
  useEffect(() => {
    document.documentElement.lang = saved?.language ?? 'id';
    document.title = t('options.title');
  }, [saved?.language]);
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
  return (
    <main class="sp-options" data-sp="options" data-first-run={String(firstRun)}>
      <header class="sp-page-header">
        <h1>{t('options.title')}</h1>
        <p>{t('options.intro')}</p>
      </header>
      {firstRun ? <FirstRun form={form} /> : null}
      {props.commitment}
      <OptionsForm {...props} form={form} savedLibraryUrl={saved.library.url} />
      <SettingsTransfer onExport={props.onExport} onImport={props.onImport} onReset={props.onReset} />
      <AuditExport exportAudit={props.exportAudit} download={props.download} now={props.now} />
    </main>
  );
}
