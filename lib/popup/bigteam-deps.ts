import { sendMessage } from '@/lib/messaging/protocol';
import type { PopupBigTeamDeps } from './bigteam-model';

/** The popup's big-team questions, answered by the background (lib/messaging/bigteam.ts). */
export function createPopupBigTeamDeps(): PopupBigTeamDeps {
  return {
    listRequests: () => sendMessage('listRequests', {}),
    markRequestDone: (data) => sendMessage('markRequestDone', data),
    repliesToday: () => sendMessage('repliesToday'),
    listReplyTemplates: (platform) => sendMessage('listReplyTemplates', { platform }),
    getCommitment: () => sendMessage('getCommitment'),
  };
}
