import type { MessageTable } from '../types';

/** UI strings of the library domain. Keys start with 'library.'. */
export const library = {
  'library.title': { id: 'Satu Pintu', en: 'Satu Pintu' },
} satisfies MessageTable;
