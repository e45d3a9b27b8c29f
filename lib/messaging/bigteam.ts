import type {
  CommitError,
  CommitmentText,
  MarkDoneError,
  ReplyTemplate,
  RequestView,
} from '@/lib/bigteam/types';
import type { PlatformId } from '@/lib/platforms/types';

/** Messages of the big-team domain, answered by the background. Declare each once: `name(data: In): Out`. */
export interface BigTeamProtocol {
  /** Sidebar (top of the library panel) and popup: this agency's requests with their status. */
  listRequests(data: { platform?: PlatformId }): RequestView[];
  /**
   * The content script saw the platform's own post/share button pressed with `text` in the composer.
   * The background marks done every open request whose fingerprint the text still matches
   * (filled placeholders and added hashtags tolerated) and queues the report for the desk.
   */
  composerPosted(data: { platform: PlatformId; text: string }): { doneRequestIds: string[] };
  /** Popup: the admin marks a request done with a link to the post. */
  markRequestDone(data: { requestId: string; platform: PlatformId; link: string }): {
    ok: boolean;
    error?: MarkDoneError;
  };
  /** Sidebar in a comment or reply box: the approved reply templates for the platform. */
  listReplyTemplates(data: { platform: PlatformId }): ReplyTemplate[];
  /** Sidebar: a reply template was inserted (counted locally; replies never get the approval flow). */
  replyInserted(data: { templateId: string; platform: PlatformId }): void;
  /** Popup: today's inserted replies by template id. */
  repliesToday(): Record<string, number>;
  /** Options/first run: the current commitment text and whether this admin committed to its version. */
  getCommitment(): { commitment: CommitmentText | null; committedVersion: string | null };
  /** Options/first run: the admin commits (audit log; the desk when configured). */
  commit(data: { version: string }): { ok: boolean; error?: CommitError };
}
