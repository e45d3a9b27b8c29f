import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ApprovalsProtocol } from './approvals';
import type { BigTeamProtocol } from './bigteam';
import type { ContentProtocol } from './content';
import type { LibraryProtocol } from './library';
import type { SettingsProtocol } from './settings';

/**
 * The one protocol between content scripts, popup, options and background. Each domain declares
 * its messages in its own file (`name(data): result`); both sides are typed from this map.
 */
export interface ProtocolMap
  extends LibraryProtocol,
    ApprovalsProtocol,
    SettingsProtocol,
    ContentProtocol,
    BigTeamProtocol {}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
