import { approvals } from './messages/approvals';
import { bigTeamSidebar } from './messages/bigteam-sidebar';
import { common } from './messages/common';
import { marks } from './messages/marks';
import { sidebar } from './messages/sidebar';
import { translator } from './translate';

export { formatDateTime, formatDayDate, language, type MessageParams } from './translate';

/**
 * The strings the content script shows (the sidebar, the approval badge inside it, the inline
 * marks), and nothing else: the options and popup tables stay out of the page's bundle.
 */
export const inPageMessages = { ...common, ...sidebar, ...marks, ...approvals, ...bigTeamSidebar };
export type InPageMessageKey = keyof typeof inPageMessages;

/** Translate `key` into the current (or given) language, filling `{name}` placeholders. */
export const t = translator(inPageMessages);
