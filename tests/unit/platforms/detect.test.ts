import { describe, expect, it } from 'vitest';
import businessSuite from '@/lib/platforms/business-suite';
import facebook from '@/lib/platforms/facebook';
import instagram from '@/lib/platforms/instagram';
import { detectPlatform } from '@/lib/platforms/registry';
import youtube from '@/lib/platforms/youtube';

// Real URLs, as admins have them in the address bar.
const FACEBOOK_YES = [
  'https://www.facebook.com/',
  'https://facebook.com/',
  'https://web.facebook.com/?_rdc=1&_rdr',
  'https://m.facebook.com/home.php',
  'https://www.facebook.com/diskominfo.kalbarprov',
  'https://www.facebook.com/profile.php?id=100064512345678',
  'https://www.facebook.com/groups/123456789012345/',
  // pushState can lead from here to a post composer without a reload: the host decides, not the path.
  'https://www.facebook.com/messages/t/100001234567890',
];
const FACEBOOK_NO = [
  'https://facebook.com.evil.example/',
  'https://notfacebook.com/',
  'https://www.facebook.co/',
  'http://www.facebook.com/', // only https
  'https://www.instagram.com/',
  // Business Suite has its own adapter (a Draft editor, not Lexical), checked as facebook.
  'https://business.facebook.com/latest/composer?asset_id=104512345678901&nav_ref=internal_nav',
];
const BUSINESS_SUITE_YES = [
  'https://business.facebook.com/latest/composer?asset_id=104512345678901&nav_ref=internal_nav',
  'https://business.facebook.com/latest/home?asset_id=104512345678901',
  'https://business.facebook.com/latest/posts/published_posts?asset_id=104512345678901',
];
const BUSINESS_SUITE_NO = [
  'https://www.facebook.com/',
  'http://business.facebook.com/latest/composer',
  'https://business.facebook.com.evil.example/latest/composer',
];
const INSTAGRAM_YES = [
  'https://www.instagram.com/',
  'https://instagram.com/',
  'https://www.instagram.com/create/select/',
  'https://www.instagram.com/create/details/',
  'https://www.instagram.com/p/DBx2fQ1S9aB/',
  'https://www.instagram.com/diskominfokalbar/',
  'https://www.instagram.com/direct/inbox/', // SPA: /create/ is one pushState away
];
const INSTAGRAM_NO = [
  'https://notinstagram.com/',
  'https://instagram.com.evil.example/create/',
  'https://www.facebook.com/',
];
const YOUTUBE_YES = [
  'https://studio.youtube.com/channel/UCxYz1234567890abcdefABC/videos/upload?d=ud',
  'https://studio.youtube.com/video/dQw4w9WgXcQ/edit',
  'https://studio.youtube.com/channel/UCxYz1234567890abcdefABC',
];
const YOUTUBE_NO = [
  'https://www.youtube.com/upload',
  'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  'https://studio.youtube.com.evil.example/video/x/edit',
  'https://notstudio.youtube.com/',
];

describe.each([
  { adapter: facebook, yes: FACEBOOK_YES, no: FACEBOOK_NO },
  { adapter: businessSuite, yes: BUSINESS_SUITE_YES, no: BUSINESS_SUITE_NO },
  { adapter: instagram, yes: INSTAGRAM_YES, no: INSTAGRAM_NO },
  { adapter: youtube, yes: YOUTUBE_YES, no: YOUTUBE_NO },
])('$adapter.id detect(url)', ({ adapter, yes, no }) => {
  it.each(yes)('matches %s', (url) => {
    expect(adapter.detect(new URL(url))).toBe(true);
    expect(detectPlatform(new URL(url))?.id).toBe(adapter.id);
  });
  it.each(no)('does not match %s', (url) => {
    expect(adapter.detect(new URL(url))).toBe(false);
  });
});

describe('detectPlatform', () => {
  it('finds nothing on look-alike and unrelated hosts', () => {
    for (const url of [
      'https://facebook.com.evil.example/',
      'https://notinstagram.com/',
      'https://example.org/',
    ]) {
      expect(detectPlatform(new URL(url))).toBeUndefined();
    }
  });
});

describe('adapters and platforms', () => {
  it('Business Suite is its own adapter whose text is checked as facebook', () => {
    const adapter = detectPlatform(new URL(BUSINESS_SUITE_YES[0]!));
    expect(adapter?.id).toBe('business-suite');
    expect(adapter?.platform).toBe('facebook');
    expect(detectPlatform(new URL(FACEBOOK_YES[0]!))?.platform).toBe('facebook');
  });
});
