import type { MessageTable } from '../types';

/** UI strings of the sidebar. Keys start with 'sidebar.'. */
export const sidebar = {
  'sidebar.title': { id: 'Satu Pintu', en: 'Satu Pintu' },
} satisfies MessageTable;
