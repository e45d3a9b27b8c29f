import { describe, expect, it } from 'vitest';
import {
  type CaptionView,
  type HashtagSetView,
  isValidOn,
  visibleCaptions,
  visibleHashtagSets,
} from '@/lib/sidebar/library-view';

const caption = (over: Partial<CaptionView>): CaptionView => ({
  id: 'c',
  title: 'Judul',
  text: 'Teks',
  platforms: [],
  agencies: [],
  keywords: [],
  validFrom: null,
  validUntil: null,
  ...over,
});
const set = (over: Partial<HashtagSetView>): HashtagSetView => ({
  id: 's',
  title: 'Set',
  kind: 'recommended',
  tags: ['#A'],
  agencies: [],
  platforms: [],
  validFrom: null,
  validUntil: null,
  ...over,
});
const now = new Date('2026-11-26T02:00:00Z'); // 09:00 WIB
const context = { platform: 'instagram', agencyId: 'dinkes', now };

describe('visibleCaptions', () => {
  const captions = [
    caption({ id: 'all' }),
    caption({ id: 'yt', platforms: ['youtube'] }),
    caption({ id: 'dinkes', agencies: ['dinkes'] }),
    caption({ id: 'bpbd', agencies: ['bpbd'] }),
    caption({ id: 'expired', validUntil: '2026-11-25' }),
    caption({ id: 'today-only', validFrom: '2026-11-26', validUntil: '2026-11-26' }),
    caption({ id: 'future', validFrom: '2026-11-27' }),
    caption({ id: 'banjir', title: 'Siaga Banjir', keywords: ['bencana'] }),
  ];

  it('keeps the platform, the agency and today, nothing else', () => {
    expect(visibleCaptions(captions, context, '').map((c) => c.id)).toEqual([
      'all',
      'dinkes',
      'today-only',
      'banjir',
    ]);
  });

  it('hides agency-specific captions while no agency is chosen', () => {
    const ids = visibleCaptions(captions, { ...context, agencyId: null }, '').map((c) => c.id);
    expect(ids).not.toContain('dinkes');
    expect(ids).toContain('all');
  });

  it('searches title, text and keywords, every word, ignoring case and accents', () => {
    expect(visibleCaptions(captions, context, 'BENCANA siaga').map((c) => c.id)).toEqual(['banjir']);
    expect(visibleCaptions(captions, context, 'banjir kemarau')).toEqual([]);
  });
});

describe('visibleHashtagSets', () => {
  it("puts the agency's required set on top and drops campaigns outside their dates", () => {
    const sets = [
      set({ id: 'campaign', kind: 'campaign', validFrom: '2026-11-01', validUntil: '2026-11-30' }),
      set({ id: 'old-campaign', kind: 'campaign', validUntil: '2026-10-31' }),
      set({ id: 'recommended' }),
      set({ id: 'required', kind: 'required', agencies: ['dinkes'] }),
      set({ id: 'other-required', kind: 'required', agencies: ['bpbd'] }),
      set({ id: 'youtube-only', platforms: ['youtube'] }),
    ];
    const entries = visibleHashtagSets(sets, context, '');
    expect(entries.map((entry) => [entry.set.id, entry.required])).toEqual([
      ['required', true],
      ['campaign', false],
      ['recommended', false],
    ]);
  });
});

describe('isValidOn', () => {
  it('treats dates as whole days in Kalimantan Barat (WIB), both ends inclusive', () => {
    const until = { validFrom: null, validUntil: '2026-11-26' };
    expect(isValidOn(until, new Date('2026-11-26T16:59:00Z'))).toBe(true); // 23:59 WIB
    expect(isValidOn(until, new Date('2026-11-26T17:01:00Z'))).toBe(false); // 00:01 WIB next day
    expect(isValidOn({ validFrom: '2026-11-26', validUntil: null }, new Date('2026-11-25T17:00:00Z'))).toBe(
      true,
    );
  });
});
