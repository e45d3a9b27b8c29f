import type { MessageTable } from '../types';

/** UI strings of the options. Keys start with 'options.'. */
export const options = {
  'options.title': { id: 'Satu Pintu', en: 'Satu Pintu' },
} satisfies MessageTable;
