import type { MessageTable } from '../types';

/** The popup's and the options page's big-team strings. Keys start with 'bigteam.'. */
export const bigTeam = {
  'bigteam.requests.title': { id: 'Permintaan amplifikasi', en: 'Amplification requests' },
  'bigteam.requests.none': { id: 'Tidak ada permintaan.', en: 'No requests.' },
  'bigteam.requests.status.open': { id: 'Terbuka', en: 'Open' },
  'bigteam.requests.status.done': { id: 'Selesai', en: 'Done' },
  'bigteam.requests.status.expired': { id: 'Kedaluwarsa', en: 'Expired' },
  'bigteam.requests.doneAt': { id: 'Selesai {date}', en: 'Done {date}' },
  'bigteam.requests.link': { id: 'Tautan unggahan', en: 'Link to the post' },
  'bigteam.requests.markDone': { id: 'Tandai selesai', en: 'Mark done' },
  'bigteam.requests.badLink': {
    id: 'Tempel tautan unggahan Facebook, Instagram atau YouTube (https://…).',
    en: 'Paste a link to the Facebook, Instagram or YouTube post (https://…).',
  },
  'bigteam.requests.error.unknown-request': {
    id: 'Permintaan ini tidak ada lagi di pustaka.',
    en: 'This request is no longer in the library.',
  },
  'bigteam.requests.error.expired': {
    id: 'Permintaan ini sudah kedaluwarsa.',
    en: 'This request has expired.',
  },
  'bigteam.requests.error.invalid-link': {
    id: 'Tautan tidak sah: tempel alamat https unggahan Anda.',
    en: 'Not a valid link: paste the https address of your post.',
  },
  'bigteam.requests.error.wrong-platform': {
    id: 'Permintaan ini bukan untuk platform tautan tersebut.',
    en: "This request is not for that link's platform.",
  },
  'bigteam.requests.markFailed': { id: 'Gagal menandai: {error}', en: 'Could not mark it: {error}' },
  'bigteam.replies.title': { id: 'Balasan hari ini', en: 'Replies today' },
  'bigteam.replies.none': {
    id: 'Belum ada balasan dari templat hari ini.',
    en: 'No template replies today.',
  },
  'bigteam.replies.count': { id: '{template}: {count}', en: '{template}: {count}' },
  'bigteam.commitment.title': { id: 'Komitmen admin', en: "The admin's commitment" },
  'bigteam.commitment.none': {
    id: 'Pustaka belum memuat teks komitmen.',
    en: 'The library has no commitment text yet.',
  },
  'bigteam.commitment.version': { id: 'Versi {version}', en: 'Version {version}' },
  'bigteam.commitment.commit': { id: 'Saya berkomitmen', en: 'I commit' },
  'bigteam.commitment.committed': {
    id: 'Anda sudah berkomitmen pada versi {version}.',
    en: 'You committed to version {version}.',
  },
  'bigteam.commitment.error.no-commitment': {
    id: 'Pustaka tidak memuat teks komitmen.',
    en: 'The library carries no commitment text.',
  },
  'bigteam.commitment.error.stale-version': {
    id: 'Teks komitmen baru saja diperbarui: baca versi terbaru, lalu berkomitmen lagi.',
    en: 'The commitment text was just updated: read the new version, then commit again.',
  },
  'bigteam.commitment.error.no-admin-name': {
    id: 'Isi dan simpan nama admin terlebih dahulu.',
    en: "Fill in and save the admin's name first.",
  },
  'bigteam.commitment.failed': {
    id: 'Komitmen gagal dicatat: {error}',
    en: 'The commitment failed: {error}',
  },
  'bigteam.commitment.prompt': {
    id: 'Baca dan setujui komitmen admin terbaru.',
    en: "Read and commit to the admin's latest commitment.",
  },
} satisfies MessageTable;
