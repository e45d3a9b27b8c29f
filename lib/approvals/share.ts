import { t } from '@/lib/i18n';
import type { Language } from '@/lib/i18n/types';

/** What the admin needs to send a request by hand when the library has no submit endpoint. */
export interface ShareOptions {
  /** The formatted request (short code, agency, admin, platform, text) to paste anywhere. */
  requestText: string;
  /** https://wa.me/?text=… — opens WhatsApp (app or web) with the request, no number chosen. */
  whatsappUrl: string;
  /** mailto:?subject=…&body=… — the admin's mail program with the request. */
  mailtoUrl: string;
}

export interface ShareInput {
  shortCode: string;
  fingerprint: string;
  text: string;
  platformLabel: string;
  fieldLabel: string;
  agencyName: string;
  adminName: string;
  adminRole: string;
  createdAt: number;
}

/**
 * The ways the bureau actually works today (WhatsApp groups, e-mail): a request the reviewer can
 * read on a phone, with the short code they quote back and the full fingerprint for `library approve`.
 */
export function buildShareOptions(input: ShareInput, lang: Language): ShareOptions {
  const admin = [input.adminName, input.adminRole].filter(Boolean).join(', ');
  const requestText = [
    t('approvals.share.heading', { code: input.shortCode }, lang),
    t('approvals.share.agency', { agency: input.agencyName || '—' }, lang),
    t('approvals.share.admin', { admin: admin || '—' }, lang),
    t('approvals.share.where', { platform: input.platformLabel, field: input.fieldLabel }, lang),
    t('approvals.share.fingerprint', { fingerprint: input.fingerprint }, lang),
    '',
    input.text,
  ].join('\n');
  const subject = t('approvals.share.subject', { code: input.shortCode, agency: input.agencyName }, lang);
  return {
    requestText,
    whatsappUrl: `https://wa.me/?text=${encodeURIComponent(requestText)}`,
    mailtoUrl: `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(requestText)}`,
  };
}
