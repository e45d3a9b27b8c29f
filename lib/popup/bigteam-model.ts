import { signal } from '@preact/signals';
import type { CommitmentText, ReplyTemplate, RequestView } from '@/lib/bigteam/types';
import { log } from '@/lib/log';
import { PLATFORM_IDS, type PlatformId } from '@/lib/platforms/types';

/** What the popup's big-team part asks the background (plain functions in unit tests). */
export interface PopupBigTeamDeps {
  listRequests(): Promise<RequestView[]>;
  markRequestDone(data: { requestId: string; platform: PlatformId; link: string }): Promise<{
    ok: boolean;
    error?: string;
  }>;
  repliesToday(): Promise<Record<string, number>>;
  listReplyTemplates(platform: PlatformId): Promise<ReplyTemplate[]>;
  getCommitment(): Promise<{ commitment: CommitmentText | null; committedVersion: string | null }>;
}

/** The platform a post link is on, from its host; null for any other link. */
export function platformOfLink(link: string): PlatformId | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const host = url.hostname.replace(/^(www|m|web)\./, '');
  if (host === 'facebook.com' || host === 'fb.com' || host === 'business.facebook.com') return 'facebook';
  if (host === 'instagram.com') return 'instagram';
  if (host === 'youtube.com' || host === 'youtu.be' || host === 'studio.youtube.com') return 'youtube';
  return null;
}

export interface ReplyCount {
  templateId: string;
  title: string;
  count: number;
}

/**
 * The popup's requests (with done / open / expired, and "mark done" with a link to the post),
 * today's replies by template, and whether the admin still has to commit to the current text.
 */
export function createPopupBigTeam(deps: PopupBigTeamDeps) {
  const requests = signal<RequestView[] | null>(null);
  const links = signal<Record<string, string>>({});
  /** A request's mark-done error, by request id: a message key's detail, shown beside it. */
  const markErrors = signal<Record<string, string>>({});
  const replies = signal<ReplyCount[]>([]);
  const commitmentDue = signal(false);
  const error = signal<string | null>(null);

  const report = (cause: unknown) => {
    log.warn('popup big team', cause);
    error.value = cause instanceof Error ? cause.message : String(cause);
  };

  async function loadRequests(): Promise<void> {
    try {
      requests.value = await deps.listRequests();
    } catch (cause) {
      report(cause);
      requests.value ??= [];
    }
  }

  async function loadReplies(): Promise<void> {
    try {
      const counts = await deps.repliesToday();
      const ids = Object.keys(counts).filter((id) => (counts[id] ?? 0) > 0);
      if (ids.length === 0) {
        replies.value = [];
        return;
      }
      const titles = new Map<string, string>();
      for (const platform of PLATFORM_IDS)
        for (const template of await deps.listReplyTemplates(platform))
          titles.set(template.id, template.title);
      replies.value = ids.map((id) => ({
        templateId: id,
        title: titles.get(id) ?? id,
        count: counts[id] ?? 0,
      }));
    } catch (cause) {
      report(cause);
    }
  }

  async function loadCommitment(): Promise<void> {
    try {
      const { commitment, committedVersion } = await deps.getCommitment();
      commitmentDue.value = commitment !== null && commitment.version !== committedVersion;
    } catch (cause) {
      report(cause);
    }
  }

  return {
    requests,
    links,
    markErrors,
    replies,
    commitmentDue,
    error,
    open: () => Promise.all([loadRequests(), loadReplies(), loadCommitment()]).then(() => undefined),
    setLink(requestId: string, link: string) {
      links.value = { ...links.value, [requestId]: link };
    },
    async markDone(requestId: string): Promise<boolean> {
      const link = (links.value[requestId] ?? '').trim();
      const request = requests.value?.find((candidate) => candidate.id === requestId);
      const platform = platformOfLink(link);
      if (!request || platform === null) {
        markErrors.value = { ...markErrors.value, [requestId]: 'link' };
        return false;
      }
      try {
        const result = await deps.markRequestDone({ requestId, platform, link });
        if (!result.ok) {
          markErrors.value = { ...markErrors.value, [requestId]: result.error ?? 'error' };
          return false;
        }
        const { [requestId]: _, ...rest } = markErrors.value;
        markErrors.value = rest;
        await loadRequests();
        return true;
      } catch (cause) {
        markErrors.value = {
          ...markErrors.value,
          [requestId]: cause instanceof Error ? cause.message : String(cause),
        };
        return false;
      }
    },
  };
}

export type PopupBigTeam = ReturnType<typeof createPopupBigTeam>;
