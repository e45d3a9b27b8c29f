import type { MessageTable } from '../types';

/** UI strings of the popup. Keys start with 'popup.'. */
export const popup = {
  'popup.draft.title': { id: 'Draf di tab ini', en: 'Draft in this tab' },
  'popup.draft.none': {
    id: 'Tidak ada penyusun unggahan di tab ini. Buka Facebook, Instagram atau YouTube Studio.',
    en: 'No post composer in this tab. Open Facebook, Instagram or YouTube Studio.',
  },
  'popup.draft.score': { id: 'Skor {score}', en: 'Score {score}' },
  'popup.submissions.title': { id: 'Pengajuan saya', en: 'My submissions' },
  'popup.submissions.empty': { id: 'Belum ada pengajuan.', en: 'No submissions yet.' },
  'popup.submissions.emptyFilter': {
    id: 'Tidak ada pengajuan dengan status ini.',
    en: 'No submissions with this status.',
  },
  'popup.submissions.filter': { id: 'Tampilkan', en: 'Show' },
  'popup.submissions.all': { id: 'Semua ({count})', en: 'All ({count})' },
  'popup.submissions.statusCount': { id: '{status} ({count})', en: '{status} ({count})' },
  'popup.submissions.new': { id: 'Baru', en: 'New' },
  'popup.submissions.show': { id: 'Lihat teks', en: 'Show text' },
  'popup.submissions.hide': { id: 'Sembunyikan teks', en: 'Hide text' },
  'popup.submissions.code': { id: 'Kode {code}', en: 'Code {code}' },
  'popup.submissions.where': { id: '{platform} · {field}', en: '{platform} · {field}' },
  'popup.submissions.delivery.queued': { id: 'Menunggu dikirim', en: 'Waiting to be sent' },
  'popup.submissions.delivery.sent': { id: 'Terkirim', en: 'Sent' },
  'popup.submissions.delivery.manual': { id: 'Kirim manual ke Biro', en: 'Send to the bureau by hand' },
  'popup.submissions.share': { id: 'Kirim permintaan', en: 'Send the request' },
  'popup.submissions.delivery.failed': { id: 'Gagal dikirim', en: 'Sending failed' },
  'popup.library.title': { id: 'Pustaka', en: 'Library' },
  'popup.library.sync': { id: 'Sinkronkan sekarang', en: 'Sync now' },
  'popup.library.syncing': { id: 'Menyinkronkan…', en: 'Syncing…' },
} satisfies MessageTable;
