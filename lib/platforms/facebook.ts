import { definePlatform } from './types';

/**
 * Facebook's post composer is a Lexical editor in a dialog mounted late at the end of <body>
 * (docs/platforms.md). Comment, reply and Messenger boxes are Lexical textboxes too,
 * so the loose strategies exclude them by label.
 */
const NOT_A_COMMENT = [
  'comment',
  'Comment',
  'komentar',
  'Komentar',
  'Reply',
  'reply',
  'Balas',
  'balas',
  'Message',
  'Pesan',
]
  .map((word) => `:not([aria-label*="${word}"])`)
  .join('');

const LEXICAL = 'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]';

/** Facebook serves these hosts; `m.` is the mobile site (same Lexical composer in recent versions). */
const HOSTS = new Set([
  'facebook.com',
  'www.facebook.com',
  'web.facebook.com',
  'm.facebook.com',
  'business.facebook.com',
]);

export default definePlatform({
  id: 'facebook',
  label: 'Facebook',
  matches: ['https://*.facebook.com/*'],
  // Host only, no path rules: Facebook navigates by pushState, so a page that starts on /messages/
  // can reach a post composer without a reload (Messenger's own box is excluded by label instead).
  detect: (url) => url.protocol === 'https:' && HOSTS.has(url.hostname),
  fields: [
    {
      id: 'caption',
      kind: 'lexical',
      strategies: [
        // The label holds "What's on your mind, <Name>?" (the apostrophe may be typographic).
        { name: 'aria-label (en)', selector: `div[role="dialog"] ${LEXICAL}[aria-label*="on your mind"]` },
        { name: 'aria-label (id)', selector: `div[role="dialog"] ${LEXICAL}[aria-label*="Anda pikirkan"]` },
        {
          name: 'aria-placeholder (en)',
          selector: `div[role="dialog"] ${LEXICAL}[aria-placeholder*="on your mind"]`,
        },
        {
          name: 'aria-placeholder (id)',
          selector: `div[role="dialog"] ${LEXICAL}[aria-placeholder*="Anda pikirkan"]`,
        },
        // Pages and groups: "Create a public post…" / "Write something…" and their translations.
        { name: 'lexical editor in dialog', selector: `div[role="dialog"] ${LEXICAL}${NOT_A_COMMENT}` },
        // Meta Business Suite (business.facebook.com/latest/composer): full-page composer, DOM unverified.
        { name: 'lexical editor in main', selector: `[role="main"] ${LEXICAL}${NOT_A_COMMENT}` },
        { name: 'any lexical editor', selector: `${LEXICAL}${NOT_A_COMMENT}` },
      ],
    },
  ],
  containers: [
    { name: 'dialog "Buat postingan"', selector: 'div[role="dialog"][aria-label="Buat postingan"]' },
    { name: 'dialog "Create post"', selector: 'div[role="dialog"][aria-label="Create post"]' },
    { name: 'dialog', selector: 'div[role="dialog"]' },
    { name: 'main', selector: '[role="main"]' },
  ],
});
