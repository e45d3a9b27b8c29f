import type { MessageTable } from '../types';

/** UI strings of the sidebar. Keys start with 'sidebar.'. */
export const sidebar = {
  'sidebar.title': { id: 'Satu Pintu', en: 'Satu Pintu' },
  'sidebar.region': { id: 'Pemeriksa unggahan Satu Pintu', en: 'Satu Pintu post checker' },
  'sidebar.collapse': { id: 'Ciutkan panel Satu Pintu', en: 'Collapse the Satu Pintu panel' },
  'sidebar.expand': { id: 'Buka panel Satu Pintu', en: 'Expand the Satu Pintu panel' },
  'sidebar.agency': { id: 'Instansi: {name}', en: 'Agency: {name}' },
  'sidebar.agency.none': {
    id: 'Instansi belum dipilih (pilih di Pengaturan Satu Pintu). Pemeriksaan tetap berjalan dengan aturan umum.',
    en: 'No agency chosen yet (choose it in the Satu Pintu settings). Checks still run with the general rules.',
  },
  'sidebar.agency.choose': { id: 'Pilih instansi', en: 'Choose the agency' },
  'sidebar.score': { id: 'Skor {score}/100', en: 'Score {score}/100' },
  'sidebar.verdict.label': {
    id: 'Hasil pemeriksaan: {verdict}, skor {score}',
    en: 'Check result: {verdict}, score {score}',
  },
  'sidebar.noText': {
    id: 'Mulai menulis di kolom unggahan untuk memeriksa.',
    en: 'Start writing in the composer to check.',
  },
  'sidebar.findings.none': { id: 'Tidak ada temuan.', en: 'No findings.' },
  'sidebar.findings.title': { id: 'Temuan', en: 'Findings' },
  'sidebar.findings.ignored': { id: '{count} temuan diabaikan', en: '{count} findings ignored' },
  'sidebar.severity.error': { id: 'Harus diperbaiki', en: 'Must fix' },
  'sidebar.severity.warning': { id: 'Perlu ditinjau', en: 'Review' },
  'sidebar.severity.suggestion': { id: 'Saran', en: 'Suggestions' },
  'sidebar.finding.select': {
    id: 'Tandai teks ini di editor: {excerpt}',
    en: 'Select this text in the editor: {excerpt}',
  },
  'sidebar.finding.fix': { id: 'Ganti dengan "{replacement}"', en: 'Replace with "{replacement}"' },
  'sidebar.finding.add': { id: 'Tambahkan "{text}"', en: 'Add "{text}"' },
  'sidebar.finding.ignore': { id: 'Abaikan', en: 'Ignore' },
  'sidebar.finding.ignoreReason': { id: 'Alasan mengabaikan', en: 'Reason for ignoring' },
  'sidebar.finding.ignoreReasonRequired': {
    id: 'Temuan data pribadi/perlindungan anak hanya dapat diabaikan dengan alasan.',
    en: 'A personal-data or child-protection finding can only be ignored with a reason.',
  },
  'sidebar.finding.ignoreConfirm': { id: 'Abaikan temuan', en: 'Ignore finding' },
  'sidebar.counters.title': { id: 'Batas platform', en: 'Platform limits' },
  'sidebar.counter.chars': { id: 'Karakter', en: 'Characters' },
  'sidebar.counter.bytes': { id: 'Byte', en: 'Bytes' },
  'sidebar.counter.hashtags': { id: 'Tagar', en: 'Hashtags' },
  'sidebar.counter.mentions': { id: 'Sebutan', en: 'Mentions' },
  'sidebar.counter.value': { id: '{value}/{limit}', en: '{value}/{limit}' },
  'sidebar.counter.over': {
    id: '{label} melebihi batas: {value} dari {limit}',
    en: '{label} over the limit: {value} of {limit}',
  },
  'sidebar.submit': { id: 'Ajukan persetujuan', en: 'Submit for approval' },
  'sidebar.library.title': { id: 'Pustaka', en: 'Library' },
  'sidebar.library.search': { id: 'Cari keterangan atau tagar', en: 'Search captions or hashtags' },
  'sidebar.library.loading': { id: 'Memuat pustaka…', en: 'Loading the library…' },
  'sidebar.library.unavailable': { id: 'Pustaka belum tersedia.', en: 'The library is not available yet.' },
  'sidebar.library.captions': { id: 'Keterangan', en: 'Captions' },
  'sidebar.library.hashtagSets': { id: 'Set tagar', en: 'Hashtag sets' },
  'sidebar.library.noCaptions': { id: 'Tidak ada keterangan yang cocok.', en: 'No matching captions.' },
  'sidebar.library.noHashtagSets': { id: 'Tidak ada set tagar yang cocok.', en: 'No matching hashtag sets.' },
  'sidebar.library.required': { id: 'Wajib', en: 'Required' },
  'sidebar.library.insert': { id: 'Sisipkan', en: 'Insert' },
  'sidebar.library.insertCaption': {
    id: 'Sisipkan keterangan "{title}"',
    en: 'Insert the caption "{title}"',
  },
  'sidebar.library.insertSet': { id: 'Sisipkan set tagar "{title}"', en: 'Insert the hashtag set "{title}"' },
  'sidebar.library.copyCaption': { id: 'Salin keterangan "{title}"', en: 'Copy the caption "{title}"' },
  'sidebar.library.copySet': { id: 'Salin set tagar "{title}"', en: 'Copy the hashtag set "{title}"' },
  'sidebar.library.placeholder': { id: 'Isi {name}', en: 'Fill in {name}' },
  'sidebar.health.ok': {
    id: 'Editor {platform} dikenali; Satu Pintu dapat menyisipkan dan memperbaiki teks di sana.',
    en: 'The {platform} composer was recognised; Satu Pintu can insert and fix text there.',
  },
  'sidebar.health.unrecognised': {
    id: 'Editor {platform} tidak dikenali. Pustaka tetap dapat disalin; laporkan ke tim pusat.',
    en: 'The {platform} composer was not recognised. You can still copy from the library; report it to the central team.',
  },
  'sidebar.health.report': { id: 'Salin laporan', en: 'Copy report' },
  'sidebar.notice.inserted': {
    id: 'Disisipkan dan diperiksa di editor.',
    en: 'Inserted and verified in the editor.',
  },
  'sidebar.notice.insertFailed': {
    id: 'Editor tidak menerima teks ({reason}). Tidak dicoba ulang; salin lalu tempel sendiri.',
    en: 'The editor did not take the text ({reason}). Not retried; copy it and paste it yourself.',
  },
  'sidebar.notice.copyInstead': {
    id: 'Editor tidak dikenali: salin teks lalu tempel sendiri.',
    en: 'Composer not recognised: copy the text and paste it yourself.',
  },
  'sidebar.notice.fixFailed': {
    id: 'Perbaikan tidak diterima editor ({reason}).',
    en: 'The editor did not take the fix ({reason}).',
  },
  'sidebar.notice.stale': {
    id: 'Teks sudah berubah; temuan diperbarui.',
    en: 'The text has changed; findings were refreshed.',
  },
  'sidebar.notice.fillPlaceholders': { id: 'Isi dulu: {names}', en: 'Fill in first: {names}' },
  'sidebar.notice.hashtagsPresent': {
    id: 'Semua tagar set ini sudah ada.',
    en: 'Every hashtag of this set is already there.',
  },
  'sidebar.notice.hashtagCap': {
    id: '{count} tagar tidak disisipkan karena batas tagar platform.',
    en: "{count} hashtags were left out because of the platform's hashtag cap.",
  },
  'sidebar.notice.copied': { id: 'Tersalin ke papan klip.', en: 'Copied to the clipboard.' },
  'sidebar.notice.copyFailed': {
    id: 'Gagal menyalin ke papan klip.',
    en: 'Could not copy to the clipboard.',
  },
  'sidebar.notice.copy': { id: 'Salin teks', en: 'Copy the text' },
  'sidebar.reason.field-gone': {
    id: 'kolom sudah tidak ada di halaman',
    en: 'the field is no longer on the page',
  },
  'sidebar.reason.not-taken': { id: 'editor tidak berubah', en: 'the editor did not change' },
  'sidebar.reason.garbled': {
    id: 'editor berubah, tetapi tidak sesuai teks; periksa dan perbaiki',
    en: 'the editor changed, but not into the text; check and correct it',
  },
  'sidebar.reason.unsupported': {
    id: 'kolom ini tidak dapat diubah dengan cara ini',
    en: 'this field cannot be changed this way',
  },
  'sidebar.reason.stale': {
    id: 'teks sudah berubah sejak diperiksa',
    en: 'the text changed since it was checked',
  },
  'sidebar.reason.library': {
    id: 'aturan pustaka tidak dapat dimuat: {detail}',
    en: 'the library rules could not be loaded: {detail}',
  },
  'sidebar.submitFailed': { id: 'Pengajuan gagal: {detail}', en: 'Submitting failed: {detail}' },
  'sidebar.notice.dismiss': { id: 'Tutup pemberitahuan', en: 'Dismiss the notice' },
} satisfies MessageTable;

export type SidebarMessageKey = keyof typeof sidebar;
