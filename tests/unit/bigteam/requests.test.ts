import { describe, expect, it } from 'vitest';
import { listRequestViews, matchesRequest, requestText } from '@/lib/bigteam/requests';
import { AGENCIES, CAPTION, library, NOW, POSTED } from './fixtures';

const lib = library();
const [forAll, onlyDinkes] = lib.requests;
if (!forAll || !onlyDinkes) throw new Error('fixture');

describe('request views', () => {
  it("lists the agency's started requests: every-agency ones and those naming it, not later ones", () => {
    const ids = (agencyId: string | null) =>
      listRequestViews(lib, { agencyId, now: NOW, done: {} }).map((view) => view.id);
    expect(ids('diskominfo')).toEqual(['disabilitas-2026']);
    expect(ids('dinkes').sort()).toEqual(['disabilitas-2026', 'only-dinkes']);
    expect(ids(null)).toEqual(['disabilitas-2026']);
  });

  it('is open in its window, expired after its last WIB day, done once recorded', () => {
    const status = (now: number, done = {}) =>
      listRequestViews(lib, { agencyId: 'diskominfo', now, done })[0]?.status;
    expect(status(NOW)).toBe('open');
    // 2026-12-10 23:59 WIB is still the last day; one minute later it has expired.
    expect(status(Date.parse('2026-12-10T23:59:00+07:00'))).toBe('open');
    expect(status(Date.parse('2026-12-11T00:00:30+07:00'))).toBe('expired');
    const done = {
      'disabilitas-2026': {
        requestId: 'disabilitas-2026',
        fingerprint: 'a'.repeat(64),
        platform: 'facebook' as const,
        at: new Date(NOW).toISOString(),
        via: 'post-button' as const,
      },
    };
    expect(status(Date.parse('2026-12-20T00:00:00+07:00'), done)).toBe('done');
  });

  it('filters by platform: its own list, or the platforms of its caption', () => {
    const on = (platform: 'facebook' | 'youtube' | 'instagram') =>
      listRequestViews(lib, { agencyId: 'dinkes', now: NOW, done: {} }, platform).map((view) => view.id);
    expect(on('instagram')).toEqual(['disabilitas-2026']);
    expect(on('facebook').sort()).toEqual(['disabilitas-2026', 'only-dinkes']);
    expect(on('youtube')).toEqual([]);
  });

  it("fills the agency's name and appends the request's hashtags and link", () => {
    const text = requestText({ ...forAll, link: 'https://kalbarprov.go.id/hdi' }, CAPTION, lib, 'diskominfo');
    expect(text).toContain('Dinas Komunikasi dan Informatika Provinsi Kalimantan Barat');
    expect(text).toContain('{{location}}');
    expect(text.endsWith('#KalbarInklusif\nhttps://kalbarprov.go.id/hdi')).toBe(true);
  });
});

describe('matching a posted text', () => {
  const context = { agencyId: 'diskominfo', agencies: AGENCIES, now: NOW };

  it('matches with placeholders filled and hashtags added or missing', () => {
    expect(matchesRequest(POSTED, forAll, CAPTION, context)).toBe(true);
    expect(matchesRequest(POSTED.replace(' #KalbarInklusif #Kalbar', ''), forAll, CAPTION, context)).toBe(
      true,
    );
  });

  it("does not match a changed wording, another agency's name or an unfilled placeholder", () => {
    expect(matchesRequest(POSTED.replace('3 Desember', '4 Desember'), forAll, CAPTION, context)).toBe(false);
    expect(
      matchesRequest(
        POSTED.replace('Dinas Komunikasi dan Informatika', 'Dinas Kesehatan'),
        forAll,
        CAPTION,
        context,
      ),
    ).toBe(false);
    expect(matchesRequest(POSTED.replace('Pontianak', '{{location}}'), forAll, CAPTION, context)).toBe(false);
    expect(matchesRequest('', forAll, CAPTION, context)).toBe(false);
  });

  it('requires the link of a request that has one', () => {
    const withLink = { ...forAll, link: 'https://kalbarprov.go.id/hdi' };
    expect(matchesRequest(POSTED, withLink, CAPTION, context)).toBe(false);
    expect(matchesRequest(`${POSTED}\nhttps://kalbarprov.go.id/hdi`, withLink, CAPTION, context)).toBe(true);
  });
});
