import { definePlatform } from './types';

export default definePlatform({
  id: 'youtube',
  label: 'YouTube Studio',
  matches: ['*://studio.youtube.com/*'],
  detect: (url) => url.hostname === 'studio.youtube.com',
  fields: [
    {
      id: 'title',
      kind: 'contenteditable',
      strategies: [{ name: 'title textbox', selector: '#title-textarea #textbox[contenteditable]' }],
    },
    {
      id: 'description',
      kind: 'contenteditable',
      strategies: [
        { name: 'description textbox', selector: '#description-textarea #textbox[contenteditable]' },
      ],
    },
    {
      id: 'tags',
      kind: 'tag-input',
      strategies: [{ name: 'tags input', selector: '#tags-container #text-input' }],
    },
  ],
});
