import type { MessageTable } from '../types';

/** UI strings of the library domain. Keys start with 'library.'. */
export const library = {
  'library.title': { id: 'Pustaka', en: 'Library' },
  'library.status.none': { id: 'Pustaka belum dimuat.', en: 'No library loaded yet.' },
  'library.status.inUse': {
    id: 'Pustaka {id} versi {version} ({source}), {captions} keterangan.',
    en: 'Library {id} version {version} ({source}), {captions} captions.',
  },
  'library.source.embedded': { id: 'bawaan ekstensi', en: 'built into the extension' },
  'library.source.remote': { id: 'dari server', en: 'from the server' },
  'library.status.checkedAt': { id: 'Terakhir diperiksa {time}.', en: 'Last checked {time}.' },
  'library.status.neverChecked': {
    id: 'Belum pernah berhasil diperiksa ke server.',
    en: 'Never successfully checked with the server.',
  },
  'library.status.syncing': { id: 'Sinkronisasi berjalan…', en: 'Syncing…' },
  'library.status.expired': {
    id: 'Pustaka sudah kedaluwarsa sejak {date}; tetap dipakai sampai versi baru diterima.',
    en: 'The library is out of date since {date}; it stays in use until a new version arrives.',
  },
  'library.status.failed': {
    id: 'Sinkronisasi gagal: {reason} Pustaka terakhir yang sah tetap dipakai.',
    en: 'Sync failed: {reason} The last good library stays in use.',
  },
  'library.status.nextRetry': { id: 'Dicoba lagi {time}.', en: 'Next attempt {time}.' },
  'library.error.signature': {
    id: 'tanda tangan digital tidak sah (berkas diubah atau kunci publik salah).',
    en: 'the digital signature is not valid (the file was altered or the public key is wrong).',
  },
  'library.error.missing-key': {
    id: 'kunci publik pustaka belum diisi di pengaturan.',
    en: "the library's public key is not set in the settings.",
  },
  'library.error.schema': {
    id: 'isi pustaka tidak sesuai format pada {path}: {detail}.',
    en: 'the library does not match the format at {path}: {detail}.',
  },
  'library.error.json': {
    id: 'berkas pustaka bukan JSON yang sah ({detail}).',
    en: 'the library file is not valid JSON ({detail}).',
  },
  'library.error.rollback': {
    id: 'versi {version} tidak lebih baru dari versi yang dipakai ({currentVersion}).',
    en: 'version {version} is not newer than the version in use ({currentVersion}).',
  },
  'library.error.expired': {
    id: 'pustaka yang diterima sudah kedaluwarsa sejak {date}.',
    en: 'the library received expired on {date}.',
  },
  'library.error.http': { id: 'server menjawab HTTP {status}.', en: 'the server answered HTTP {status}.' },
  'library.error.timeout': {
    id: 'server tidak menjawab dalam batas waktu.',
    en: 'the server did not answer in time.',
  },
  'library.error.network': {
    id: 'tidak dapat terhubung ke server ({detail}).',
    en: 'could not reach the server ({detail}).',
  },
  'library.error.too-large': {
    id: 'berkas pustaka terlalu besar ({size} MB; batasnya 20 MB).',
    en: 'the library file is too large ({size} MB; the limit is 20 MB).',
  },
  'library.error.permission': {
    id: 'izin akses ke {origin} belum diberikan; simpan lagi alamat pustaka di pengaturan.',
    en: 'access to {origin} has not been granted; save the library address again in the settings.',
  },
  'library.error.storage': {
    id: 'penyimpanan lokal gagal ({detail}).',
    en: 'local storage failed ({detail}).',
  },
  'library.test.ok': {
    id: 'Pustaka {id} versi {version} terverifikasi: {captions} keterangan.',
    en: 'Library {id} version {version} verified: {captions} captions.',
  },
  'library.test.failed': {
    id: 'Pustaka tidak dapat dipakai: {reason}',
    en: 'The library cannot be used: {reason}',
  },
  'library.test.invalidUrl': {
    id: 'Alamat pustaka harus diawali https:// (atau http://localhost untuk uji coba).',
    en: 'The library address must start with https:// (or http://localhost for testing).',
  },
} satisfies MessageTable;
