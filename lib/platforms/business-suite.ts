import { META_CHAT_AND_COMMENTS } from './exclusions';
import { definePlatform } from './types';

/**
 * Meta Business Suite (business.facebook.com/latest/composer, also reached from Home by "Create
 * post" without a reload): a full-page composer whose caption box is a Draft.js-era editor, not
 * Lexical — a contenteditable `div.notranslate._5rpu[role="combobox"]` labelled "Write into the
 * dialogue box to include text with your post." (docs/platforms.md, "The real composers"). Its
 * state follows beforeinput and paste and reverts direct DOM edits. The structure around the box
 * varies between versions, so the strategies go from its own attributes to looser ones.
 * Posts go to Facebook: the text is checked as `facebook`.
 */
const EDITABLE = 'div[contenteditable="true"]';

export default definePlatform({
  id: 'business-suite',
  platform: 'facebook',
  label: 'Meta Business Suite',
  matches: ['https://business.facebook.com/*'],
  // The whole host: Home, Inbox and the composer are one pushState app.
  detect: (url) => url.protocol === 'https:' && url.hostname === 'business.facebook.com',
  fields: [
    {
      id: 'caption',
      kind: 'draft',
      strategies: [
        {
          name: 'draft editor (en)',
          selector: `${EDITABLE}[role="combobox"][aria-label*="include text with your post" i]`,
        },
        {
          name: 'draft editor (id)',
          selector: `${EDITABLE}[role="combobox"][aria-label*="sertakan teks" i], ${EDITABLE}[role="combobox"][aria-label*="kotak dialog" i]`,
        },
        { name: 'draft editor class', selector: `${EDITABLE}.notranslate._5rpu` },
        { name: 'combobox editor in main', selector: `[role="main"] ${EDITABLE}[role="combobox"]` },
        // Some Business Suite surfaces reuse Facebook's Lexical composer.
        {
          name: 'lexical editor',
          selector: `${EDITABLE}[role="textbox"][data-lexical-editor="true"]`,
        },
      ],
    },
  ],
  postButtons: [
    {
      selector: '[role="button"], button',
      labels: ['Publikasikan', 'Publish', 'Posting', 'Post', 'Bagikan', 'Share'],
    },
  ],
  containers: [
    { name: 'dialog', selector: 'div[role="dialog"]' },
    { name: 'main', selector: '[role="main"]' },
  ],
  exclude: META_CHAT_AND_COMMENTS,
});
