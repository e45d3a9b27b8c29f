import { approvals } from './messages/approvals';
import { bigTeam } from './messages/bigteam';
import { bigTeamSidebar } from './messages/bigteam-sidebar';
import { common } from './messages/common';
import { library } from './messages/library';
import { marks } from './messages/marks';
import { options } from './messages/options';
import { optionsSections } from './messages/options-sections';
import { popup } from './messages/popup';
import { sidebar } from './messages/sidebar';
import { translator } from './translate';

export {
  formatDateTime,
  formatDayDate,
  language,
  type MessageParams,
} from './translate';
export type { Language, Message, MessageTable } from './types';
export { LANGUAGES } from './types';

/**
 * The one i18n layer for every UI string. `browser.i18n` cannot switch language at run time, and
 * the admin chooses the language in the options page, so the tables live here (typed: a key
 * missing in one language does not compile) and `_locales/` only carries the manifest's name.
 * This is every table, for the extension's pages, the background and the CLI. The content script
 * imports `./in-page` instead, which carries only what the sidebar and the marks show. A new
 * domain adds its table file under messages/ and one spread here (and in in-page.ts if the
 * sidebar shows it).
 */
export const messages = {
  ...common,
  ...sidebar,
  ...marks,
  ...popup,
  ...options,
  ...optionsSections,
  ...library,
  ...approvals,
  ...bigTeamSidebar,
  ...bigTeam,
};
export type MessageKey = keyof typeof messages;

/** Translate `key` into the current (or given) language, filling `{name}` placeholders. */
export const t = translator(messages);
