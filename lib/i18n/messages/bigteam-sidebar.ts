import type { MessageTable } from '../types';

/**
 * The sidebar's big-team strings (requests, reply templates), few on purpose: the content
 * script's size budget. Keys start with 'bigteam.sidebar.'.
 */
export const bigTeamSidebar = {
  'bigteam.sidebar.requests': { id: 'Permintaan amplifikasi', en: 'Amplification requests' },
  'bigteam.sidebar.status.open': { id: 'Terbuka', en: 'Open' },
  'bigteam.sidebar.status.done': { id: 'Selesai', en: 'Done' },
  'bigteam.sidebar.status.expired': { id: 'Kedaluwarsa', en: 'Expired' },
  'bigteam.sidebar.replies': { id: 'Templat balasan', en: 'Reply templates' },
  'bigteam.sidebar.replies.hint': {
    id: 'Balasan tidak perlu persetujuan, tetapi tetap diperiksa.',
    en: 'Replies need no approval, but they are still checked.',
  },
  'bigteam.sidebar.replies.noPpid': {
    id: 'Kontak PPID instansi belum ada di pustaka.',
    en: "The agency's PPID contact is not in the library yet.",
  },
  'bigteam.sidebar.insertReply': { id: 'Sisipkan balasan "{title}"', en: 'Insert the reply "{title}"' },
} satisfies MessageTable;
