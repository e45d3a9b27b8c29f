import { useEffect, useRef, useState } from 'preact/hooks';
import { Button } from '@/components/ui/button';
import { t } from '@/lib/i18n';
import type { StatusKind } from '@/lib/options/options-model';
import { StatusLine } from './field';

export interface SettingsTransferProps {
  onExport(): void;
  /** Reads the chosen file's text into the form; resolves with what to tell the admin. */
  onImport(text: string): Promise<{ ok: boolean; message: string }>;
  onReset(): Promise<void>;
}

/** Export / import of the settings file, and reset with a confirmation step. */
export function SettingsTransfer({ onExport, onImport, onReset }: SettingsTransferProps) {
  const [status, setStatus] = useState<{ kind: StatusKind; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Cancel is the safe default, so it takes the focus when the question appears.
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const result = await onImport(await file.text());
    setStatus({ kind: result.ok ? 'ok' : 'error', text: result.message });
    // Let the same file be chosen again after fixing it.
    input.value = '';
  };

  return (
    <section class="sp-section" aria-labelledby="sp-transfer-title">
      <h2 id="sp-transfer-title">{t('options.transfer.legend')}</h2>
      <p class="sp-hint" id="sp-transfer-hint">
        {t('options.transfer.hint')}
      </p>
      <div class="sp-actions">
        <Button data-sp="export" onClick={onExport}>
          {t('options.export')}
        </Button>
        {/* The native file input says "Choose File" in the browser's language, not the admin's:
            it stays focusable but hidden, and its label is the visible button. */}
        <input
          id="sp-import"
          class="sp-visually-hidden"
          type="file"
          accept=".json,application/json"
          data-sp="import"
          aria-describedby="sp-transfer-hint sp-import-status"
          onChange={(event) => void importFile(event.currentTarget)}
        />
        <label class="sp-button sp-file" for="sp-import">
          {t('options.import')}
        </label>
      </div>
      <div id="sp-import-status">
        <StatusLine hook="import-status" kind={status?.kind ?? null} text={status?.text ?? ''} />
      </div>
      <div class="sp-actions sp-danger-zone">
        <button
          type="button"
          class="sp-button sp-button-danger"
          data-sp="reset"
          ref={resetButton}
          aria-expanded={confirming ? 'true' : 'false'}
          onClick={() => setConfirming(true)}
        >
          {t('options.reset')}
        </button>
        {confirming ? (
          <div class="sp-confirm" role="alertdialog" aria-labelledby="sp-reset-question">
            <p id="sp-reset-question">{t('options.reset.confirm')}</p>
            <button
              type="button"
              class="sp-button sp-button-danger"
              data-sp="reset-confirm"
              onClick={async () => {
                setConfirming(false);
                await onReset();
                setStatus({ kind: 'ok', text: t('options.reset.done') });
                resetButton.current?.focus();
              }}
            >
              {t('options.reset.yes')}
            </button>
            <button
              type="button"
              class="sp-button"
              data-sp="reset-cancel"
              ref={cancelButton}
              onClick={() => {
                setConfirming(false);
                resetButton.current?.focus();
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        ) : null}
      </div>
    </section>
  );
}
