import { definePlatform } from './types';

export default definePlatform({
  id: 'instagram',
  label: 'Instagram',
  matches: ['*://*.instagram.com/*'],
  detect: (url) => /(^|\.)instagram\.com$/.test(url.hostname),
  fields: [
    {
      id: 'caption',
      kind: 'lexical',
      strategies: [
        {
          name: 'caption (en)',
          selector:
            'div[role="dialog"] div[role="textbox"][contenteditable="true"][aria-label^="Write a caption"]',
        },
        {
          name: 'caption (id)',
          selector:
            'div[role="dialog"] div[role="textbox"][contenteditable="true"][aria-label^="Tulis keterangan"]',
        },
        {
          name: 'lexical textbox in dialog',
          selector: 'div[role="dialog"] div[role="textbox"][contenteditable="true"]',
        },
      ],
    },
  ],
});
