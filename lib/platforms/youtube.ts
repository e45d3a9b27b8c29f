import { definePlatform } from './types';

/**
 * YouTube Studio: Polymer custom elements (docs/platforms.md, "The real composers"). Title and
 * description are `div#textbox[contenteditable]` under `ytcp-video-title` / `ytcp-video-description`
 * > `ytcp-social-suggestions-textbox` > … > `ytcp-social-suggestion-input#input`; tags an
 * `input#text-input` in the chip bar of `ytcp-form-input-container#tags-container`, folded behind
 * "Show more" / "Tampilkan lainnya" in `ytcp-video-metadata-editor-advanced`. The same editor
 * serves the upload dialog and the existing video's details page. The aria-label strategies use
 * Studio's English labels and our best reading of the Indonesian ones (unverified, hence last).
 */
export default definePlatform({
  id: 'youtube',
  platform: 'youtube',
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
        { name: 'video title', selector: 'ytcp-video-title #textbox[contenteditable="true"]' },
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
        { name: 'video description', selector: 'ytcp-video-description #textbox[contenteditable="true"]' },
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
        { name: 'chip bar input', selector: 'ytcp-chip-bar#chip-bar input#text-input' },
        { name: 'aria-label', selector: 'input[aria-label="Tags" i], input[aria-label="Tag" i]' },
      ],
      // Folded away until "Show more" / "Tampilkan lainnya" (the metadata editor's toggle).
      reveal: [
        { name: 'show more', selector: 'ytcp-video-metadata-editor ytcp-button#toggle-button' },
        {
          name: 'toggle button',
          selector: 'ytcp-uploads-dialog #toggle-button, ytcp-video-details-section #toggle-button',
        },
      ],
      // Studio shows each committed tag as a `ytcp-chip` (in a `ytcp-chip-bar` next to the input)
      // whose text is in `#chip-text`; the chip's remove button is an icon without text.
      chips: {
        container: 'ytcp-form-input-container#tags-container, #tags-container',
        chip: 'ytcp-chip',
        text: '#chip-text',
      },
    },
    {
      // A reply on Studio's comments page (`/channel/<id>/comments`): a plain contenteditable in
      // the comment box, like the main site's (docs/platforms.md, "Reply boxes").
      id: 'reply',
      kind: 'contenteditable',
      strategies: [
        { name: 'commentbox', selector: 'ytcp-commentbox [contenteditable]#contenteditable-root' },
        {
          name: 'reply label',
          selector:
            '[contenteditable][aria-label*="balas" i], [contenteditable][aria-label*="reply" i], [contenteditable][aria-label*="komentar" i], [contenteditable][aria-label*="comment" i]',
        },
      ],
    },
  ],
  postButtons: [
    // Publish (upload dialog's last step) and Save (an existing video's details page).
    { selector: 'ytcp-uploads-dialog ytcp-button#done-button' },
    { selector: 'ytcp-video-details-section ytcp-button#save, ytcp-entity-page ytcp-button#save' },
  ],
  containers: [
    { name: 'uploads dialog', selector: 'ytcp-uploads-dialog' },
    { name: 'metadata editor', selector: 'ytcp-video-metadata-editor' },
    { name: 'details page', selector: 'ytcp-video-details-section' },
  ],
});
