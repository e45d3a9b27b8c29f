import type { MessageTable } from '../types';

/** UI strings of the approvals domain. Keys start with 'approvals.'. */
export const approvals = {
  'approvals.shortCode': { id: 'Kode {code}', en: 'Code {code}' },
  'approvals.reviewer': { id: 'Penelaah: {reviewer}', en: 'Reviewer: {reviewer}' },
  'approvals.note': { id: 'Catatan: {note}', en: 'Note: {note}' },
  'approvals.expired': {
    id: 'Persetujuan sudah kedaluwarsa; ajukan lagi untuk diputuskan ulang.',
    en: 'The approval has expired; submit again for a new decision.',
  },
  'approvals.expiresAt': { id: 'Berlaku sampai {date}', en: 'Valid until {date}' },
  'approvals.caption': { id: 'Teks pustaka yang sudah disetujui', en: 'Pre-approved library text' },
  'approvals.changed.explain': {
    id: 'Teks ini berbeda dari teks yang disetujui. Perubahan:',
    en: 'This text differs from the approved text. Changes:',
  },
  'approvals.restore': { id: 'Kembalikan teks yang disetujui', en: 'Restore the approved text' },
  'approvals.diff.removed': { id: 'dihapus', en: 'removed' },
  'approvals.diff.added': { id: 'ditambahkan', en: 'added' },
  'approvals.delivery.queued': {
    id: 'Diajukan; dikirim ke Biro begitu tersambung.',
    en: 'Submitted; sent to the bureau as soon as you are online.',
  },
  'approvals.delivery.sent': { id: 'Terkirim ke Biro.', en: 'Sent to the bureau.' },
  'approvals.delivery.failed': {
    id: 'Gagal dikirim ({error}). Kirim manual dengan salah satu cara di bawah.',
    en: 'Could not be sent ({error}). Send it by hand with one of the options below.',
  },
  'approvals.delivery.duplicate': {
    id: 'Teks ini sudah diajukan sebelumnya (kode {code}).',
    en: 'This text was already submitted (code {code}).',
  },
  'approvals.share.explain': {
    id: 'Pustaka belum punya alamat pengajuan. Kirim permintaan ini ke Biro dengan kode {code}:',
    en: 'The library has no submission address. Send this request to the bureau with code {code}:',
  },
  'approvals.error.storage': {
    id: 'ruang penyimpanan browser penuh, draf belum diajukan. Teks Anda tetap di editor; kosongkan ruang disk lalu ajukan lagi.',
    en: "the browser's storage is full, so the draft was not submitted. Your text is still in the editor; free some disk space and submit again.",
  },
  'approvals.share.copy': { id: 'Salin permintaan', en: 'Copy the request' },
  'approvals.share.whatsapp': { id: 'Kirim lewat WhatsApp', en: 'Send by WhatsApp' },
  'approvals.share.email': { id: 'Kirim lewat e-mail', en: 'Send by e-mail' },
  'approvals.share.heading': {
    id: 'Mohon persetujuan unggahan — kode {code}',
    en: 'Approval request for a post — code {code}',
  },
  'approvals.share.agency': { id: 'Instansi: {agency}', en: 'Agency: {agency}' },
  'approvals.share.admin': { id: 'Admin: {admin}', en: 'Admin: {admin}' },
  'approvals.share.where': { id: 'Untuk: {platform} — {field}', en: 'For: {platform} — {field}' },
  'approvals.share.fingerprint': { id: 'Sidik teks: {fingerprint}', en: 'Text fingerprint: {fingerprint}' },
  'approvals.share.subject': {
    id: 'Permohonan persetujuan unggahan {code} — {agency}',
    en: 'Post approval request {code} — {agency}',
  },
} satisfies MessageTable;
