import { INSTAGRAM_DIRECT_AND_COMMENTS, META_CHAT_ONLY } from './exclusions';
import { definePlatform } from './types';

/**
 * Instagram's caption is a Lexical textbox in the "Create new post" / "Buat postingan baru"
 * dialog, reached through history.pushState (docs/platforms.md). The label ends in
 * "..." or a real ellipsis "…", so prefixes are matched.
 */
const TEXTBOX = 'div[role="textbox"][contenteditable="true"]';

/** Instagram web hosts; `m.` redirects to www. */
const HOSTS = new Set(['instagram.com', 'www.instagram.com', 'm.instagram.com']);

export default definePlatform({
  id: 'instagram',
  platform: 'instagram',
  label: 'Instagram',
  matches: ['https://*.instagram.com/*'],
  // Host only, no path rules: Instagram is a pushState SPA (from /direct/ to /create/ without a
  // reload); the DM box is not in a dialog, and every caption strategy requires one.
  detect: (url) => url.protocol === 'https:' && HOSTS.has(url.hostname),
  fields: [
    {
      id: 'caption',
      kind: 'lexical',
      strategies: [
        { name: 'aria-label (en)', selector: `div[role="dialog"] ${TEXTBOX}[aria-label^="Write a caption"]` },
        {
          name: 'aria-label (id)',
          selector: `div[role="dialog"] ${TEXTBOX}[aria-label^="Tulis keterangan"]`,
        },
        {
          name: 'aria-placeholder',
          selector: `div[role="dialog"] ${TEXTBOX}[aria-placeholder^="Write a caption"], div[role="dialog"] ${TEXTBOX}[aria-placeholder^="Tulis keterangan"]`,
        },
        {
          name: 'lexical editor in dialog',
          selector:
            'div[role="dialog"] [contenteditable="true"][data-lexical-editor="true"]:not([aria-label*="omment"]):not([aria-label*="omentar"])',
        },
        {
          name: 'textbox in dialog',
          selector: `div[role="dialog"] ${TEXTBOX}:not([aria-label*="omment"]):not([aria-label*="omentar"])`,
        },
      ],
    },
    {
      // The comment box under a post or reel ("Add a comment…" / "Tambahkan komentar…").
      id: 'reply',
      kind: 'lexical',
      exclude: META_CHAT_ONLY,
      strategies: [
        {
          name: 'comment (id)',
          selector: `${TEXTBOX}[aria-label*="komentar" i], ${TEXTBOX}[aria-label*="balas" i]`,
        },
        {
          name: 'comment (en)',
          selector: `${TEXTBOX}[aria-label*="comment" i], ${TEXTBOX}[aria-label*="reply" i]`,
        },
      ],
    },
  ],
  postButtons: [
    {
      selector: 'div[role="dialog"] [role="button"], div[role="dialog"] button',
      labels: ['Bagikan', 'Share'],
    },
  ],
  exclude: INSTAGRAM_DIRECT_AND_COMMENTS,
  containers: [
    {
      name: 'dialog "Buat postingan baru"',
      selector: 'div[role="dialog"][aria-label="Buat postingan baru"]',
    },
    { name: 'dialog "Create new post"', selector: 'div[role="dialog"][aria-label="Create new post"]' },
    { name: 'dialog', selector: 'div[role="dialog"]' },
  ],
});
