import { definePlatform } from './types';

export default definePlatform({
  id: 'facebook',
  label: 'Facebook',
  matches: ['*://*.facebook.com/*'],
  detect: (url) => /(^|\.)facebook\.com$/.test(url.hostname),
  fields: [
    {
      id: 'caption',
      kind: 'lexical',
      strategies: [
        {
          name: 'lexical textbox in dialog',
          selector:
            'div[role="dialog"] div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
        },
        {
          name: 'lexical textbox',
          selector: 'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
        },
      ],
    },
  ],
});
