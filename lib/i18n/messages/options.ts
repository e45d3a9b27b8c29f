import type { MessageTable } from '../types';

/** UI strings of the options. Keys start with 'options.'. */
export const options = {
  'options.title': { id: 'Pengaturan Satu Pintu', en: 'Satu Pintu settings' },
  'options.intro': {
    id: 'Atur instansi Anda, sumber pustaka konten, dan bahasa. Semua tersimpan di peramban ini saja.',
    en: 'Set up your agency, the content library source and the language. Everything stays in this browser.',
  },

  // First run
  'options.firstRun.title': { id: 'Selamat datang di Satu Pintu', en: 'Welcome to Satu Pintu' },
  'options.firstRun.text': {
    id: 'Sebelum mulai, pilih instansi yang akun media sosialnya Anda kelola. Sampai instansi dipilih, panel Satu Pintu tetap memeriksa draf tetapi belum bisa mengisi nama instansi dan tagar wajib.',
    en: 'Before you start, choose the agency whose social media accounts you manage. Until an agency is chosen, the Satu Pintu panel still checks drafts but cannot fill in the agency name and required hashtags.',
  },
  'options.firstRun.steps': { id: 'Langkah penyiapan', en: 'Setup steps' },
  'options.firstRun.step.agency': { id: 'Pilih instansi Anda', en: 'Choose your agency' },
  'options.firstRun.step.admin': { id: 'Isi nama dan jabatan Anda', en: 'Enter your name and role' },
  'options.firstRun.step.handles': {
    id: 'Periksa akun instansi per platform',
    en: 'Check the agency accounts per platform',
  },
  'options.firstRun.step.save': { id: 'Tekan Simpan', en: 'Press Save' },
  'options.firstRun.done': { id: 'selesai', en: 'done' },

  // Identity
  'options.identity.legend': { id: 'Identitas instansi', en: 'Agency identity' },
  'options.agency.search': { id: 'Cari instansi', en: 'Search agencies' },
  'options.agency.searchHint': {
    id: 'Ketik sebagian nama atau singkatan, misalnya "Dinkes" atau "pangan".',
    en: 'Type part of the name or abbreviation, e.g. "Dinkes" or "pangan".',
  },
  'options.agency.label': { id: 'Instansi', en: 'Agency' },
  'options.agency.none': { id: '— Belum dipilih —', en: '— Not chosen yet —' },
  'options.agency.count': { id: '{shown} dari {total} instansi', en: '{shown} of {total} agencies' },
  'options.agency.noMatch': {
    id: 'Tidak ada instansi yang cocok dengan "{query}".',
    en: 'No agency matches "{query}".',
  },
  'options.agency.toConfirm': {
    id: '(nama menunggu konfirmasi Biro)',
    en: '(name awaiting the bureau’s confirmation)',
  },
  'options.agency.loading': {
    id: 'Memuat daftar instansi dari pustaka…',
    en: 'Loading the agency list from the library…',
  },
  'options.agency.unavailable': {
    id: 'Daftar instansi belum tersedia: {detail}',
    en: 'The agency list is not available: {detail}',
  },
  'options.agency.unknown': {
    id: 'Instansi tersimpan ({id}) tidak ada lagi di pustaka. Pilih ulang instansi Anda.',
    en: 'The saved agency ({id}) is no longer in the library. Choose your agency again.',
  },
  'options.agency.chosen': { id: 'Terpilih: {name}', en: 'Chosen: {name}' },
  'options.adminName.label': { id: 'Nama admin', en: 'Admin name' },
  'options.adminRole.label': { id: 'Jabatan / peran', en: 'Position / role' },
  'options.adminRole.hint': {
    id: 'Misalnya "Pranata Humas Ahli Muda". Dipakai saat mengajukan draf untuk disetujui.',
    en: 'E.g. "Pranata Humas Ahli Muda". Used when submitting a draft for approval.',
  },
  'options.handles.legend': { id: 'Akun instansi per platform', en: 'Agency accounts per platform' },
  'options.handles.hint': {
    id: 'Boleh ditempel sebagai tautan profil; Satu Pintu mengambil nama akunnya.',
    en: 'You may paste the profile link; Satu Pintu takes the account name from it.',
  },
  'options.handle.facebook': { id: 'Nama pengguna Halaman Facebook', en: 'Facebook Page username' },
  'options.handle.instagram': { id: 'Nama pengguna Instagram', en: 'Instagram username' },
  'options.handle.youtube': { id: 'Handle YouTube (@…)', en: 'YouTube handle (@…)' },

  // Platforms
  'options.platforms.legend': { id: 'Aktif di platform', en: 'Active on platforms' },
  'options.platforms.hint': {
    id: 'Di platform yang dimatikan, panel Satu Pintu tidak muncul.',
    en: 'On a switched-off platform the Satu Pintu panel does not appear.',
  },
  'options.platforms.noAccess': {
    id: 'Peramban belum memberi izin akses ke {platform}.',
    en: 'The browser has not granted access to {platform}.',
  },
  'options.platforms.grant': { id: 'Beri izin akses {platform}', en: 'Grant access to {platform}' },

  // Language
  'options.language.legend': { id: 'Bahasa', en: 'Language' },
  'options.language.label': { id: 'Bahasa tampilan', en: 'Display language' },
  'options.language.hint': {
    id: 'Berlaku untuk panel, popup dan halaman ini setelah disimpan.',
    en: 'Applies to the panel, the popup and this page after saving.',
  },
  'options.language.id': { id: 'Bahasa Indonesia', en: 'Bahasa Indonesia' },
  'options.language.en': { id: 'English', en: 'English' },

  // Library source
  'options.library.legend': { id: 'Sumber pustaka konten', en: 'Content library source' },
  'options.library.builtIn': {
    id: 'Saat ini memakai pustaka bawaan ekstensi.',
    en: 'Currently using the library built into the extension.',
  },
  'options.library.remote': {
    id: 'Saat ini memakai pustaka dari {url}.',
    en: 'Currently using the library from {url}.',
  },
  'options.library.url': { id: 'Alamat pustaka (URL)', en: 'Library address (URL)' },
  'options.library.urlHint': {
    id: 'Alamat https berkas pustaka bertanda tangan dari Biro. Kosongkan untuk memakai pustaka bawaan.',
    en: 'The https address of the bureau’s signed library file. Leave empty to use the built-in library.',
  },
  'options.library.key': { id: 'Kunci publik (JWK)', en: 'Public key (JWK)' },
  'options.library.keyHint': {
    id: 'Tempel kunci publik ECDSA P-256 dari Biro, dalam format JSON (JWK). Jangan pernah menempel kunci privat.',
    en: 'Paste the bureau’s ECDSA P-256 public key as JSON (JWK). Never paste a private key.',
  },
  'options.library.test': { id: 'Uji koneksi', en: 'Test connection' },
  'options.library.testing': { id: 'Menguji koneksi…', en: 'Testing the connection…' },
  'options.library.testOk': { id: 'Koneksi berhasil: {detail}', en: 'Connection works: {detail}' },
  'options.library.testFailed': { id: 'Koneksi gagal: {detail}', en: 'Connection failed: {detail}' },
  'options.library.useDefault': { id: 'Pakai pustaka bawaan', en: 'Use the built-in library' },
  'options.library.defaultFilled': {
    id: 'Alamat dan kunci dikosongkan. Tekan Simpan untuk kembali ke pustaka bawaan.',
    en: 'Address and key cleared. Press Save to return to the built-in library.',
  },
  'options.library.permissionDenied': {
    id: 'Izin akses ke {origin} tidak diberikan; pustaka dari alamat ini tidak bisa diunduh.',
    en: 'Access to {origin} was not granted; the library cannot be downloaded from this address.',
  },
  'options.library.permissionPending': {
    id: 'Menunggu Anda mengizinkan akses ke {origin}…',
    en: 'Waiting for you to allow access to {origin}…',
  },
  'options.library.fixFields': {
    id: 'perbaiki alamat atau kunci yang ditandai.',
    en: 'fix the marked address or key.',
  },
  'options.permission.gesture': {
    id: 'Peramban hanya meminta izin akses ke {origin} saat tombol ditekan. Tekan Simpan lagi.',
    en: 'The browser only asks for access to {origin} when a button is pressed. Press Save again.',
  },
  'options.permission.undeclared': {
    id: 'Versi ekstensi ini tidak bisa meminta akses ke {origin}. Pakai alamat https.',
    en: 'This build of the extension cannot ask for access to {origin}. Use an https address.',
  },
  'options.permission.failed': {
    id: 'Izin akses ke {origin} gagal diminta: {detail}',
    en: 'Asking for access to {origin} failed: {detail}',
  },
  'options.sync': { id: 'Sinkronkan pustaka sekarang', en: 'Sync the library now' },
  'options.sync.running': { id: 'Menyinkronkan…', en: 'Syncing…' },
  'options.sync.failed': { id: 'Sinkronisasi gagal: {detail}', en: 'Sync failed: {detail}' },

  // Saving
  'options.save': { id: 'Simpan pengaturan', en: 'Save settings' },
  'options.saving': { id: 'Menyimpan…', en: 'Saving…' },
  'options.saved': { id: 'Pengaturan tersimpan.', en: 'Settings saved.' },
  'options.notSaved': {
    id: 'Belum disimpan: perbaiki {count} isian yang ditandai.',
    en: 'Not saved: fix the {count} marked field(s).',
  },
  'options.saveFailed': { id: 'Gagal menyimpan: {detail}', en: 'Could not save: {detail}' },

  // Transfer
  'options.transfer.legend': { id: 'Bagikan pengaturan', en: 'Share settings' },
  'options.transfer.hint': {
    id: 'Ekspor pengaturan sebagai berkas JSON untuk dibagikan ke admin lain; impor berkas dari Biro untuk mengisi formulir ini.',
    en: 'Export the settings as a JSON file to share with other admins; import a file from the bureau to fill in this form.',
  },
  'options.export': { id: 'Ekspor pengaturan (JSON)', en: 'Export settings (JSON)' },
  'options.import': { id: 'Impor pengaturan dari berkas', en: 'Import settings from a file' },
  'options.import.loaded': {
    id: 'Berkas dibaca. Periksa isian di atas lalu tekan Simpan untuk memakainya.',
    en: 'File read. Check the fields above, then press Save to apply it.',
  },
  'options.import.notJson': {
    id: 'Berkas ini bukan JSON yang valid, jadi tidak dipakai.',
    en: 'This file is not valid JSON, so it was not used.',
  },
  'options.import.foreign': {
    id: 'Berkas ini bukan berkas pengaturan Satu Pintu (format "{format}"). Tidak ada yang diubah.',
    en: 'This file is not a Satu Pintu settings file (format "{format}"). Nothing was changed.',
  },
  'options.import.invalid': {
    id: 'Berkas pengaturan tidak valid di {path}: {detail}. Tidak ada yang diubah.',
    en: 'The settings file is invalid at {path}: {detail}. Nothing was changed.',
  },
  'options.import.tooLarge': {
    id: 'Berkas terlalu besar untuk berkas pengaturan. Tidak ada yang diubah.',
    en: 'The file is too large to be a settings file. Nothing was changed.',
  },
  'options.reset': { id: 'Kembalikan ke awal', en: 'Reset to defaults' },
  'options.reset.confirm': {
    id: 'Semua pengaturan (instansi, sumber pustaka, bahasa) akan dihapus. Lanjutkan?',
    en: 'All settings (agency, library source, language) will be erased. Continue?',
  },
  'options.reset.yes': { id: 'Ya, kembalikan ke awal', en: 'Yes, reset' },
  'options.reset.done': {
    id: 'Pengaturan dikembalikan ke awal.',
    en: 'Settings were reset to the defaults.',
  },

  // Audit
  'options.audit.legend': { id: 'Catatan audit', en: 'Audit log' },
  'options.audit.hint': {
    id: 'Unduh catatan pengajuan dan keputusan persetujuan dari peramban ini.',
    en: 'Download the log of submissions and approval decisions in this browser.',
  },
  'options.audit.csv': { id: 'Unduh CSV', en: 'Download CSV' },
  'options.audit.json': { id: 'Unduh JSON', en: 'Download JSON' },
  'options.audit.done': { id: 'Catatan audit diunduh.', en: 'Audit log downloaded.' },
  'options.audit.failed': {
    id: 'Catatan audit gagal diunduh: {detail}',
    en: 'Could not download the audit log: {detail}',
  },

  // Field errors (zod messages are these keys)
  'options.error.invalid': { id: 'Isian ini tidak valid.', en: 'This value is not valid.' },
  'options.error.tooLong': { id: 'Paling banyak 120 karakter.', en: 'At most 120 characters.' },
  'options.error.agency': { id: 'Pilih instansi dari daftar.', en: 'Choose an agency from the list.' },
  'options.error.handle.facebook': {
    id: 'Nama pengguna Facebook minimal 5 karakter, hanya huruf, angka dan titik.',
    en: 'A Facebook username has at least 5 characters: letters, digits and periods only.',
  },
  'options.error.handle.instagram': {
    id: 'Nama pengguna Instagram paling banyak 30 karakter: huruf, angka, titik dan garis bawah, tanpa titik di awal, di akhir, atau dua titik berurutan.',
    en: 'An Instagram username has at most 30 characters: letters, digits, periods and underscores, with no period at the start, at the end or twice in a row.',
  },
  'options.error.handle.youtube': {
    id: 'Handle YouTube diawali @ lalu 3–30 huruf, angka, garis bawah, tanda hubung atau titik.',
    en: 'A YouTube handle is @ followed by 3–30 letters, digits, underscores, hyphens or periods.',
  },
  'options.error.url.invalid': {
    id: 'Ini bukan alamat web yang lengkap. Contoh: https://biro.kalbarprov.go.id/pustaka.json',
    en: 'This is not a complete web address. Example: https://biro.kalbarprov.go.id/pustaka.json',
  },
  'options.error.url.https': {
    id: 'Alamat harus memakai https:// (http:// hanya untuk localhost saat pengujian).',
    en: 'The address must use https:// (http:// only for localhost when testing).',
  },
  'options.error.url.empty': {
    id: 'Isi alamat pustaka terlebih dahulu.',
    en: 'Enter the library address first.',
  },
  'options.error.url.credentials': {
    id: 'Alamat tidak boleh memuat nama pengguna atau kata sandi.',
    en: 'The address must not contain a user name or password.',
  },
  'options.error.url.required': {
    id: 'Isi alamat pustaka untuk kunci ini, atau kosongkan kuncinya.',
    en: 'Enter the library address for this key, or clear the key.',
  },
  'options.error.source.access': {
    id: 'Belum disimpan: Satu Pintu perlu izin akses ke alamat ini untuk mengunduh pustaka.',
    en: 'Not saved: Satu Pintu needs access to this address to download the library.',
  },
  'options.error.source.unverified': {
    id: 'Belum disimpan: pustaka di alamat ini tidak dapat diunduh dan diverifikasi dengan kunci ini (lihat hasil uji di bawah).',
    en: 'Not saved: the library at this address could not be downloaded and verified with this key (see the test result below).',
  },
  'options.error.key.required': {
    id: 'Pustaka dari alamat ini hanya dipercaya dengan kunci publik yang menandatanganinya.',
    en: 'A library from this address is only trusted with the public key that signs it.',
  },
  'options.error.key.json': {
    id: 'Kunci harus berupa objek JSON (JWK), misalnya {"kty":"EC","crv":"P-256","x":"…","y":"…"}.',
    en: 'The key must be a JSON object (JWK), e.g. {"kty":"EC","crv":"P-256","x":"…","y":"…"}.',
  },
  'options.error.key.kty': {
    id: 'Kunci harus bertipe EC ("kty": "EC").',
    en: 'The key must be of type EC ("kty": "EC").',
  },
  'options.error.key.crv': {
    id: 'Kunci harus memakai kurva P-256 ("crv": "P-256").',
    en: 'The key must use the P-256 curve ("crv": "P-256").',
  },
  'options.error.key.coordinates': {
    id: 'Koordinat "x" dan "y" kunci harus masing-masing 43 karakter base64url.',
    en: 'The key’s "x" and "y" coordinates must each be 43 base64url characters.',
  },
  'options.error.key.private': {
    id: 'Ini kunci PRIVAT (ada "d"). Jangan dibagikan; tempel hanya kunci publik dari Biro.',
    en: 'This is a PRIVATE key (it has "d"). Do not share it; paste only the bureau’s public key.',
  },
  'options.error.key.unusable': {
    id: 'Kunci ini bukan kunci publik P-256 yang sah (titiknya tidak ada di kurva).',
    en: 'This is not a valid P-256 public key (its point is not on the curve).',
  },
} satisfies MessageTable;
