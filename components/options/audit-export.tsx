import { useState } from 'preact/hooks';
import { Button } from '@/components/ui/button';
import { t } from '@/lib/i18n';
import type { StatusKind } from '@/lib/options/options-model';
import { StatusLine } from './field';

export interface AuditExportProps {
  exportAudit(format: 'csv' | 'json'): Promise<string>;
  download(fileName: string, text: string, mimeType: string): void;
  now(): Date;
}

const MIME = { csv: 'text/csv;charset=utf-8', json: 'application/json' } as const;

/** Downloads the approvals audit log (kept by the background) as CSV or JSON. */
export function AuditExport({ exportAudit, download, now }: AuditExportProps) {
  const [status, setStatus] = useState<{ kind: StatusKind; text: string } | null>(null);
  const run = async (format: 'csv' | 'json') => {
    try {
      const text = await exportAudit(format);
      const day = now().toISOString().slice(0, 10);
      download(`satu-pintu-audit-${day}.${format}`, text, MIME[format]);
      setStatus({ kind: 'ok', text: t('options.audit.done') });
    } catch (error) {
      setStatus({ kind: 'error', text: t('options.audit.failed', { detail: String(error) }) });
    }
  };
  return (
    <section class="sp-section" aria-labelledby="sp-audit-title">
      <h2 id="sp-audit-title">{t('options.audit.legend')}</h2>
      <p class="sp-hint">{t('options.audit.hint')}</p>
      <div class="sp-actions">
        <Button data-sp="audit-export" data-format="csv" onClick={() => void run('csv')}>
          {t('options.audit.csv')}
        </Button>
        <Button data-sp="audit-export" data-format="json" onClick={() => void run('json')}>
          {t('options.audit.json')}
        </Button>
      </div>
      <StatusLine hook="audit-status" kind={status?.kind ?? null} text={status?.text ?? ''} />
    </section>
  );
}
