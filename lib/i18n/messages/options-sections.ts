import type { MessageTable } from '../types';

/** UI strings of the options page's desk, inline-marks and diagnostics sections and of Save's waits. */
export const optionsSections = {
  'options.permission.timeout': {
    id: 'Tidak ada jawaban atas permintaan izin akses ke {origin} dalam {seconds} detik, jadi belum disimpan. Tekan Simpan lagi lalu jawab jendela izin dari peramban.',
    en: 'The request for access to {origin} got no answer within {seconds} seconds, so nothing was saved. Press Save again and answer the browser’s permission prompt.',
  },
  'options.import.keyUnusable': {
    id: 'Kunci publik di berkas ini tidak bisa dipakai (titiknya tidak ada di kurva P-256). Minta berkas pengaturan yang benar ke Biro. Tidak ada yang diubah.',
    en: 'The public key in this file cannot be used (its point is not on the P-256 curve). Ask the bureau for a correct settings file. Nothing was changed.',
  },

  // The bureau's desk
  'options.desk.legend': { id: 'Meja persetujuan Biro', en: 'The bureau’s approval desk' },
  'options.desk.hint': {
    id: 'Jika Biro memberi alamat meja persetujuan dan token instansi, draf yang diajukan dikirim langsung ke sana. Kosongkan keduanya untuk memakai alamat dari pustaka.',
    en: 'If the bureau gave you an approval desk address and an agency token, submitted drafts go straight there. Leave both empty to use the address from the library.',
  },
  'options.desk.url': { id: 'Alamat meja persetujuan (URL)', en: 'Approval desk address (URL)' },
  'options.desk.urlHint': {
    id: 'Alamat https dari Biro, misalnya https://meja.kalbarprov.go.id',
    en: 'The https address from the bureau, e.g. https://meja.kalbarprov.go.id',
  },
  'options.desk.token': { id: 'Token instansi', en: 'Agency token' },
  'options.desk.tokenHint': {
    id: 'Token rahasia instansi Anda dari Biro. Jangan dibagikan.',
    en: 'Your agency’s secret token from the bureau. Do not share it.',
  },
  'options.error.desk.tokenRequired': {
    id: 'Isi token instansi untuk alamat ini, atau kosongkan alamatnya.',
    en: 'Enter the agency token for this address, or clear the address.',
  },
  'options.error.desk.urlRequired': {
    id: 'Isi alamat meja persetujuan untuk token ini, atau kosongkan tokennya.',
    en: 'Enter the approval desk address for this token, or clear the token.',
  },
  'options.error.desk.token': {
    id: 'Token hanya boleh berisi huruf, angka, titik, garis bawah, tanda hubung, ~, + dan / (8–512 karakter).',
    en: 'The token may only hold letters, digits, periods, underscores, hyphens, ~, + and / (8–512 characters).',
  },
  'options.error.desk.access': {
    id: 'Belum disimpan: izin akses ke alamat meja persetujuan belum diberikan.',
    en: 'Not saved: access to the approval desk address was not granted.',
  },

  // Inline marks
  'options.marks.legend': { id: 'Tanda di dalam editor', en: 'Marks inside the editor' },
  'options.marks.hint': {
    id: 'Garis bawah pada kata yang perlu diperiksa, langsung di kotak tulisan platform.',
    en: 'Underlines on words that need a check, right in the platform’s text box.',
  },
  'options.marks.switch': { id: 'Tanda di {platform}', en: 'Marks on {platform}' },

  // Diagnostics
  'options.debug.legend': { id: 'Diagnostik', en: 'Diagnostics' },
  'options.debug.label': { id: 'Catat detail teknis di konsol', en: 'Write technical detail to the console' },
  'options.debug.hint': {
    id: 'Hanya untuk membantu tim teknis mencari masalah. Tidak mengirim apa pun.',
    en: 'Only to help the technical team find a problem. Nothing is sent anywhere.',
  },
} satisfies MessageTable;
