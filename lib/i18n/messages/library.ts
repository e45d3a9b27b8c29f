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
  'library.error.signature.resign': {
    id: 'berkas pustaka di server tidak cocok dengan tanda tangannya, padahal kunci publik ini sudah memverifikasi pustaka ini sebelumnya.',
    en: 'the library file on the server does not match its signature, although this public key verified this library before.',
  },
  'library.error.library-id': {
    id: 'server memberikan pustaka "{libraryId}", padahal kunci publik ini terikat ke pustaka "{currentLibraryId}".',
    en: 'the server sent the library "{libraryId}", but this public key is tied to the library "{currentLibraryId}".',
  },
  'library.error.storage.quota': {
    id: 'ruang penyimpanan browser penuh.',
    en: "the browser's storage is full.",
  },
  'library.contact.default': {
    id: 'Biro Administrasi Pimpinan',
    en: 'the Bureau (Biro Administrasi Pimpinan)',
  },
  'library.action.signature.key': {
    id: 'Cocokkan kunci publik di pengaturan dengan yang dibagikan Biro; bila sudah sama, hubungi {contact}.',
    en: 'Compare the public key in the settings with the one the bureau shared; if they match, contact {contact}.',
  },
  'library.action.signature.resign': {
    id: 'Kunci publik Anda benar, jangan diubah. Pustaka kemungkinan diperbarui tanpa ditandatangani ulang: hubungi {contact}.',
    en: 'Your public key is right; do not change it. The library was probably updated without being signed again: contact {contact}.',
  },
  'library.action.rollback': {
    id: 'Tidak ada yang perlu diubah; bila terus berulang, hubungi {contact} (server mungkin menyajikan salinan lama).',
    en: 'Nothing to change here; if it keeps happening, contact {contact} (the server may be serving an old copy).',
  },
  'library.action.library-id': {
    id: 'Bila pergantian pustaka ini memang disengaja, konfirmasikan di halaman pengaturan; bila ragu, hubungi {contact}.',
    en: 'If this change of library is intended, confirm it in the settings page; if in doubt, contact {contact}.',
  },
  'library.action.fix-file': {
    id: 'Berkas pustaka di server perlu diperbaiki: hubungi {contact}.',
    en: 'The library file on the server needs fixing: contact {contact}.',
  },
  'library.action.expired': {
    id: 'Hubungi {contact} agar pustaka diterbitkan ulang.',
    en: 'Contact {contact} to have the library published again.',
  },
  'library.action.network': {
    id: 'Periksa koneksi internet; bila berlangsung lebih dari sehari, hubungi {contact}.',
    en: 'Check the internet connection; if it lasts more than a day, contact {contact}.',
  },
  'library.action.missing-key': {
    id: 'Minta kunci publik pustaka kepada {contact}.',
    en: "Ask {contact} for the library's public key.",
  },
  'library.action.storage': {
    id: 'Kosongkan ruang disk atau hapus data yang tidak dipakai, lalu sinkronkan lagi.',
    en: 'Free some disk space or remove data you no longer need, then sync again.',
  },
  'library.switch.confirm': {
    id: 'Ya, ganti ke pustaka "{libraryId}"',
    en: 'Yes, switch to the library "{libraryId}"',
  },
  'library.switch.confirmed': {
    id: 'Pergantian ke pustaka "{libraryId}" dikonfirmasi.',
    en: 'The switch to the library "{libraryId}" is confirmed.',
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
