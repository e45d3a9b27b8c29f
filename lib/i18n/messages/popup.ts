import type { MessageTable } from '../types';

/** UI strings of the popup. Keys start with 'popup.'. */
export const popup = {
  'popup.title': { id: 'Satu Pintu', en: 'Satu Pintu' },
} satisfies MessageTable;
