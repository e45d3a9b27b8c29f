import { definePlatform } from './types';

/**
 * YouTube Studio: Polymer custom elements, title and description are `div#textbox[contenteditable]`
 * (not textareas), tags an <input> committed on Enter/comma (docs/platforms.md).
 * The aria-label strategies use Studio's English labels and our best reading of the Indonesian
 * ones (unverified, hence after the structural strategies).
 */
export default definePlatform({
  id: 'youtube',
  label: 'YouTube Studio',
  matches: ['https://studio.youtube.com/*'],
  detect: (url) => url.protocol === 'https:' && url.hostname === 'studio.youtube.com',
  fields: [
    {
      id: 'title',
      kind: 'contenteditable',
      // Studio swallows Enter in the title.
      singleLine: true,
      strategies: [
        {
          name: 'title textbox',
          selector: 'ytcp-social-suggestions-textbox#title-textarea #textbox[contenteditable="true"]',
        },
        { name: 'title textarea', selector: '#title-textarea #textbox[contenteditable]' },
        { name: 'title textbox (shadow)', selector: '#title-textarea >>> #textbox[contenteditable]' },
        { name: 'aria-label (en)', selector: '#textbox[contenteditable][aria-label^="Add a title"]' },
        { name: 'aria-label (id)', selector: '#textbox[contenteditable][aria-label^="Tambahkan judul"]' },
      ],
    },
    {
      id: 'description',
      kind: 'contenteditable',
      strategies: [
        {
          name: 'description textbox',
          selector: 'ytcp-social-suggestions-textbox#description-textarea #textbox[contenteditable="true"]',
        },
        { name: 'description textarea', selector: '#description-textarea #textbox[contenteditable]' },
        {
          name: 'description textbox (shadow)',
          selector: '#description-textarea >>> #textbox[contenteditable]',
        },
        { name: 'aria-label (en)', selector: '#textbox[contenteditable][aria-label^="Tell viewers"]' },
        { name: 'aria-label (id)', selector: '#textbox[contenteditable][aria-label^="Beri tahu penonton"]' },
      ],
    },
    {
      id: 'tags',
      kind: 'tag-input',
      strategies: [
        { name: 'tags input', selector: 'ytcp-form-input-container#tags-container #text-input' },
        { name: 'tags container input', selector: '#tags-container input' },
        { name: 'tags input (shadow)', selector: '#tags-container >>> input#text-input' },
        { name: 'aria-label', selector: 'input[aria-label="Tags"], input[aria-label="Tag"]' },
      ],
      // Studio shows each committed tag as a `ytcp-chip` (in a `ytcp-chip-bar` next to the input)
      // whose text is in `#chip-text`; the chip's remove button is an icon without text.
      chips: {
        container: 'ytcp-form-input-container#tags-container, #tags-container',
        chip: 'ytcp-chip',
        text: '#chip-text',
      },
    },
  ],
  containers: [
    { name: 'uploads dialog', selector: 'ytcp-uploads-dialog' },
    { name: 'metadata editor', selector: 'ytcp-video-metadata-editor' },
    { name: 'details page', selector: 'ytcp-video-details-section' },
  ],
});
