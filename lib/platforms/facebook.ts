import { META_CHAT_AND_COMMENTS, META_CHAT_ONLY } from './exclusions';
import { definePlatform } from './types';

/**
 * Facebook's post composers are Lexical editors (docs/platforms.md, "The real composers"): the feed's
 * "Create post" dialog mounted late at the end of <body>, a Page's two-step composer (text, then
 * "Next" to "Post settings"), a group's "Create a public post…" dialog, and the Reels page
 * (`/reels/create`, a full page, "Describe your reel"). Messenger and comment boxes are Lexical
 * textboxes too: the adapter's exclusions keep them out whatever strategy finds them.
 */
const LEXICAL = 'div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]';

/** Facebook serves these hosts; `m.` is the mobile site (same Lexical composer in recent versions). */
const HOSTS = new Set(['facebook.com', 'www.facebook.com', 'web.facebook.com', 'm.facebook.com']);

export default definePlatform({
  id: 'facebook',
  platform: 'facebook',
  label: 'Facebook',
  matches: ['https://*.facebook.com/*'],
  // Host only, no path rules: Facebook navigates by pushState, so a page that starts on /messages/
  // can reach a post composer without a reload. business.facebook.com is Business Suite's adapter.
  detect: (url) => url.protocol === 'https:' && HOSTS.has(url.hostname),
  fields: [
    {
      id: 'caption',
      kind: 'lexical',
      strategies: [
        // "What's on your mind, <Name>?" (the apostrophe may be typographic) / "Apa yang Anda
        // pikirkan, <Nama>?" / "Apa yang kamu pikirkan?".
        { name: 'aria-label (en)', selector: `div[role="dialog"] ${LEXICAL}[aria-label*="on your mind" i]` },
        { name: 'aria-label (id)', selector: `div[role="dialog"] ${LEXICAL}[aria-label*="pikirkan" i]` },
        {
          name: 'aria-placeholder (en)',
          selector: `div[role="dialog"] ${LEXICAL}[aria-placeholder*="on your mind" i]`,
        },
        {
          name: 'aria-placeholder (id)',
          selector: `div[role="dialog"] ${LEXICAL}[aria-placeholder*="pikirkan" i]`,
        },
        // Groups: "Create a public post…" / "Buat postingan publik…".
        {
          name: 'group post',
          selector: `div[role="dialog"] ${LEXICAL}[aria-label*="public post" i], div[role="dialog"] ${LEXICAL}[aria-label*="postingan publik" i], div[role="dialog"] ${LEXICAL}[aria-placeholder*="public post" i], div[role="dialog"] ${LEXICAL}[aria-placeholder*="postingan publik" i]`,
        },
        // Reels (/reels/create): a full page, no dialog.
        {
          name: 'reel description',
          selector: `${LEXICAL}[aria-label*="describe your reel" i], ${LEXICAL}[aria-label*="jelaskan reel" i], ${LEXICAL}[aria-label*="deskripsikan reel" i]`,
        },
        // Pages and other composers whose label we do not know: any Lexical editor in a dialog,
        // then in the main region (chat and comment boxes are excluded below).
        { name: 'lexical editor in dialog', selector: `div[role="dialog"] ${LEXICAL}` },
        { name: 'lexical editor in main', selector: `[role="main"] ${LEXICAL}` },
      ],
    },
    {
      // A comment or reply box under a post (docs/platforms.md, "Reply boxes"): after the caption,
      // whose exclusions keep these boxes out of it.
      id: 'reply',
      kind: 'lexical',
      exclude: META_CHAT_ONLY,
      strategies: [
        {
          name: 'comment (id)',
          selector: `${LEXICAL}[aria-label*="komentar" i], ${LEXICAL}[aria-label*="balas" i], ${LEXICAL}[aria-label*="tanggap" i]`,
        },
        {
          name: 'comment (en)',
          selector: `${LEXICAL}[aria-label*="comment" i], ${LEXICAL}[aria-label*="reply" i]`,
        },
        {
          name: 'comment placeholder',
          selector: `${LEXICAL}[aria-placeholder*="komentar" i], ${LEXICAL}[aria-placeholder*="comment" i], ${LEXICAL}[aria-placeholder*="balas" i], ${LEXICAL}[aria-placeholder*="reply" i]`,
        },
      ],
    },
  ],
  postButtons: [
    {
      selector:
        'div[role="dialog"] [role="button"], div[role="dialog"] button, [role="main"] [role="button"]',
      labels: [
        'Posting',
        'Post',
        'Bagikan',
        'Share',
        'Bagikan sekarang',
        'Share now',
        'Publikasikan',
        'Publish',
      ],
    },
  ],
  containers: [
    { name: 'dialog "Buat postingan"', selector: 'div[role="dialog"][aria-label="Buat postingan"]' },
    { name: 'dialog "Create post"', selector: 'div[role="dialog"][aria-label="Create post"]' },
    { name: 'dialog', selector: 'div[role="dialog"]' },
    { name: 'main', selector: '[role="main"]' },
  ],
  exclude: META_CHAT_AND_COMMENTS,
});
