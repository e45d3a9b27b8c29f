import type { BigTeamLibrary } from '@/lib/bigteam/service';
import type { Agency, Caption } from '@/lib/library/schema';

export const AGENCIES: Agency[] = [
  {
    id: 'diskominfo',
    name: 'Dinas Komunikasi dan Informatika Provinsi Kalimantan Barat',
    shortName: 'Diskominfo Kalbar',
    kind: 'dinas',
    handles: {},
    requiredHashtags: [],
    officialPhones: [],
    ppid: { name: 'PPID Pelaksana Diskominfo Kalbar', contact: 'ppid.kalbarprov.go.id' },
  },
  {
    id: 'dinkes',
    name: 'Dinas Kesehatan Provinsi Kalimantan Barat',
    shortName: 'Dinkes Kalbar',
    kind: 'dinas',
    handles: {},
    requiredHashtags: [],
    officialPhones: [],
  },
];

export const CAPTION: Caption = {
  id: 'hari-disabilitas',
  title: 'Hari Disabilitas',
  text: 'Selamat Hari Disabilitas Internasional, 3 Desember.\n\nKegiatan di {{location}}.\n\n{{agency.name}}\n#PemprovKalbar',
  platforms: ['facebook', 'instagram'],
  agencies: [],
  tags: [],
  approvedBy: 'Biro Adpim',
  approvedAt: '2026-11-20',
};

export function library(overrides: Partial<BigTeamLibrary> = {}): BigTeamLibrary {
  return {
    agencies: AGENCIES,
    captions: [CAPTION],
    hashtagSets: [
      { id: 'inklusi', kind: 'campaign', title: 'Inklusi', hashtags: ['#KalbarInklusif'], agencies: [] },
    ],
    requests: [
      {
        id: 'disabilitas-2026',
        title: 'Hari Disabilitas 2026',
        captionId: CAPTION.id,
        hashtagSetId: 'inklusi',
        agencies: [],
        platforms: [],
        from: '2026-11-26',
        until: '2026-12-10',
        priority: 'high',
      },
      {
        id: 'only-dinkes',
        title: 'Hanya Dinkes',
        captionId: CAPTION.id,
        agencies: ['dinkes'],
        platforms: ['facebook'],
        from: '2026-11-26',
        until: '2026-12-10',
        priority: 'normal',
      },
      {
        id: 'later',
        title: 'Belum mulai',
        captionId: CAPTION.id,
        agencies: [],
        platforms: [],
        from: '2027-01-01',
        until: '2027-01-31',
        priority: 'low',
      },
    ],
    replyTemplates: [
      {
        id: 'thanks',
        title: 'Terima kasih',
        situation: 'thanks',
        platforms: [],
        text: 'Terima kasih, {{user}}.',
      },
      {
        id: 'yt-only',
        title: 'YouTube',
        situation: 'information',
        platforms: ['youtube'],
        text: 'Lihat {{ppid.contact}}.',
      },
    ],
    commitment: { version: '2026-11', text: 'Saya berkomitmen.' },
    ...overrides,
  };
}

/** 2026-12-01 10:00 WIB. */
export const NOW = Date.parse('2026-12-01T10:00:00+07:00');

/** The request's text as an admin of Diskominfo posts it (location filled, a hashtag added). */
export const POSTED =
  'Selamat Hari Disabilitas Internasional, 3 Desember.\n\nKegiatan di Pontianak.\n\nDinas Komunikasi dan Informatika Provinsi Kalimantan Barat\n#PemprovKalbar #KalbarInklusif #Kalbar';
