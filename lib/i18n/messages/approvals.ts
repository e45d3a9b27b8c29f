import type { MessageTable } from '../types';

/** UI strings of the approvals domain. Keys start with 'approvals.'. */
export const approvals = {
  'approvals.title': { id: 'Satu Pintu', en: 'Satu Pintu' },
} satisfies MessageTable;
