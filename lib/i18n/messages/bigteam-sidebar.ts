import type { MessageTable } from '../types';

/** The sidebar's big-team strings (requests, reply templates). Keys start with 'bigteam.sidebar.'. */
export const bigTeamSidebar = {
  'bigteam.sidebar.requests': { id: 'Permintaan amplifikasi', en: 'Amplification requests' },
  'bigteam.sidebar.requests.none': {
    id: 'Tidak ada permintaan amplifikasi saat ini.',
    en: 'No amplification requests right now.',
  },
  'bigteam.sidebar.status.open': { id: 'Terbuka', en: 'Open' },
  'bigteam.sidebar.status.done': { id: 'Selesai', en: 'Done' },
  'bigteam.sidebar.status.expired': { id: 'Kedaluwarsa', en: 'Expired' },
  'bigteam.sidebar.until': { id: 'Sampai {date}', en: 'Until {date}' },
  'bigteam.sidebar.priority.high': { id: 'Prioritas', en: 'Priority' },
  'bigteam.sidebar.insertRequest': { id: 'Sisipkan permintaan {title}', en: 'Insert request {title}' },
  'bigteam.sidebar.replies': { id: 'Templat balasan', en: 'Reply templates' },
  'bigteam.sidebar.replies.hint': {
    id: 'Balasan tidak perlu persetujuan, tetapi tetap diperiksa.',
    en: 'Replies need no approval, but they are still checked.',
  },
  'bigteam.sidebar.replies.none': {
    id: 'Belum ada templat balasan untuk platform ini.',
    en: 'No reply templates for this platform yet.',
  },
  'bigteam.sidebar.replies.noPpid': {
    id: 'Kontak PPID instansi belum ada di pustaka.',
    en: "The agency's PPID contact is not in the library yet.",
  },
  'bigteam.sidebar.insertReply': { id: 'Sisipkan balasan {title}', en: 'Insert reply {title}' },
  'bigteam.sidebar.source': { id: 'Sumber: {source}', en: 'Source: {source}' },
  'bigteam.sidebar.situation.thanks': { id: 'Terima kasih', en: 'Thanks' },
  'bigteam.sidebar.situation.information': { id: 'Permintaan informasi', en: 'Information request' },
  'bigteam.sidebar.situation.complaint': { id: 'Pengaduan', en: 'Complaint' },
  'bigteam.sidebar.situation.correction': { id: 'Koreksi informasi', en: 'Correction' },
  'bigteam.sidebar.situation.emergency': { id: 'Darurat', en: 'Emergency' },
} satisfies MessageTable;

export type BigTeamSidebarKey = keyof typeof bigTeamSidebar;
