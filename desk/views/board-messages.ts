import type { DeskLang } from './messages';

/** The board's words: Bahasa Indonesia first, English complete (same keys, checked by the type). */
const id = {
  title: 'Papan amplifikasi',
  intro:
    'Permintaan amplifikasi dari pustaka terbit: perangkat daerah mana yang sudah membagikan, kapan, dan seberapa konsisten tiap perangkat daerah mengunggah.',
  requests: 'Permintaan',
  noRequests: 'Belum ada permintaan di pustaka terbit. Tambahkan di requests.yaml lalu terbitkan pustaka.',
  request: 'Permintaan',
  window: 'Jangka waktu',
  priority: 'Prioritas',
  'priority.high': 'tinggi',
  'priority.normal': 'biasa',
  'priority.low': 'rendah',
  'state.upcoming': 'belum mulai',
  'state.running': 'berjalan',
  'state.ended': 'selesai',
  sharedBy: 'Dibagikan oleh',
  sharedCount: '%s dari %s perangkat daerah',
  nobody: 'Belum ada yang membagikan.',
  agencies: 'Perangkat daerah',
  agency: 'Perangkat daerah',
  shareRate: 'Tingkat berbagi',
  rate: '%s dari %s (%s%)',
  noRate: 'belum ada permintaan',
  consistency: 'Konsistensi (%s minggu terakhir)',
  activeWeeks: 'aktif %s dari %s minggu',
  chartLabel: '%s: unggahan per minggu selama %s minggu terakhir, aktif %s minggu',
  week: '%s minggu lalu: %s',
  thisWeek: 'minggu ini: %s',
  commitments: 'Komitmen admin',
  noCommitments: 'Belum ada admin yang menyatakan komitmen.',
  admin: 'Admin',
  version: 'Versi teks',
  committedAt: 'Waktu',
  csvShares: 'Unduh CSV per permintaan',
  csvAgencies: 'Unduh CSV per perangkat daerah',
  editRequests: 'Ubah permintaan (requests.yaml)',
  newRequest: 'Permintaan baru',
  newRequestHint:
    'Permintaan disimpan ke requests.yaml bila pustaka tetap lolos pemeriksaan, lalu sampai ke admin setelah pustaka diterbitkan.',
  requestId: 'Pengenal (huruf kecil, angka, "-")',
  requestTitle: 'Judul',
  caption: 'Keterangan pustaka',
  hashtagSet: 'Set tagar (opsional)',
  none: '(tidak ada)',
  link: 'Tautan (opsional)',
  mediaNote: 'Catatan media (opsional)',
  forAgencies: 'Untuk perangkat daerah (tidak dipilih = semua)',
  platforms: 'Platform (tidak dipilih = semua platform keterangan)',
  from: 'Mulai (hari WIB)',
  until: 'Sampai (hari WIB)',
  saveRequest: 'Simpan permintaan',
  requestSaved: 'Permintaan tersimpan. Terbitkan pustaka agar sampai ke admin.',
  requestFailed: 'Permintaan tidak disimpan:',
};

export type BoardMessageKey = keyof typeof id;

const en: Record<BoardMessageKey, string> = {
  title: 'Amplification board',
  intro:
    'Amplification requests of the published library: which agencies shared them, when, and how consistently each agency posts.',
  requests: 'Requests',
  noRequests: 'No request in the published library yet. Add one in requests.yaml and publish the library.',
  request: 'Request',
  window: 'Window',
  priority: 'Priority',
  'priority.high': 'high',
  'priority.normal': 'normal',
  'priority.low': 'low',
  'state.upcoming': 'not started',
  'state.running': 'running',
  'state.ended': 'ended',
  sharedBy: 'Shared by',
  sharedCount: '%s of %s agencies',
  nobody: 'Nobody has shared it yet.',
  agencies: 'Agencies',
  agency: 'Agency',
  shareRate: 'Share rate',
  rate: '%s of %s (%s%)',
  noRate: 'no request yet',
  consistency: 'Consistency (last %s weeks)',
  activeWeeks: 'active %s of %s weeks',
  chartLabel: '%s: posts per week over the last %s weeks, active in %s weeks',
  week: '%s weeks ago: %s',
  thisWeek: 'this week: %s',
  commitments: "Admins' commitments",
  noCommitments: 'No admin has committed yet.',
  admin: 'Admin',
  version: 'Text version',
  committedAt: 'Time',
  csvShares: 'Download CSV by request',
  csvAgencies: 'Download CSV by agency',
  editRequests: 'Edit requests (requests.yaml)',
  newRequest: 'New request',
  newRequestHint:
    'The request is saved to requests.yaml when the library still passes its checks, and reaches admins once the library is published.',
  requestId: 'Identifier (lowercase letters, digits, "-")',
  requestTitle: 'Title',
  caption: 'Library caption',
  hashtagSet: 'Hashtag set (optional)',
  none: '(none)',
  link: 'Link (optional)',
  mediaNote: 'Media note (optional)',
  forAgencies: 'For agencies (none chosen = all)',
  platforms: "Platforms (none chosen = all of the caption's)",
  from: 'From (WIB day)',
  until: 'Until (WIB day)',
  saveRequest: 'Save request',
  requestSaved: 'Request saved. Publish the library so admins get it.',
  requestFailed: 'The request was not saved:',
};

const TABLES: Record<DeskLang, Record<BoardMessageKey, string>> = { id, en };

export type BoardTranslate = (key: BoardMessageKey, ...args: (string | number)[]) => string;

export function boardTranslator(lang: DeskLang): BoardTranslate {
  return (key, ...args) => {
    let index = 0;
    return TABLES[lang][key].replace(/%s/g, () => String(args[index++] ?? ''));
  };
}
