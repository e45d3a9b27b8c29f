import type { AuditEntryInput } from '@/lib/approvals/audit-log';
import { fingerprintText } from '@/lib/approvals/fingerprint';
import type { DeskSettings } from '@/lib/approvals/submit-target';
import type { LibraryBundle } from '@/lib/library/schema';
import { logFailure } from '@/lib/log';
import type { PlatformId } from '@/lib/platforms/types';
import { createDeskOutbox } from './desk-outbox';
import { listRequestViews, matchesRequest, requestPlatforms, requestText } from './requests';
import { type BigTeamState, type BigTeamStore, REPLY_DAYS, wibDay } from './state';
import type {
  CommitError,
  CommitmentText,
  MarkDoneError,
  ReplyTemplate,
  RequestDone,
  RequestView,
} from './types';

/** The parts of the library in use that the big team needs (null = no library yet). */
export type BigTeamLibrary = Pick<
  LibraryBundle,
  'requests' | 'captions' | 'hashtagSets' | 'agencies' | 'replyTemplates' | 'commitment'
>;

export interface BigTeamDeps {
  loadLibrary: () => Promise<BigTeamLibrary | null>;
  getIdentity: () => Promise<{ agencyId: string | null; adminName: string }>;
  getDesk: () => Promise<DeskSettings>;
  store: BigTeamStore;
  fetch: typeof fetch;
  now: () => number;
  newId: () => string;
  random?: () => number;
  /** Wake the desk outbox at this time; null = nothing due. */
  schedule: (at: number | null) => void;
  /** The number of open requests, for the toolbar badge. */
  setOpenCount: (count: number) => Promise<void>;
  /** Appends to the audit log (agency and admin stamped by the caller). */
  audit: (entry: AuditEntryInput) => Promise<void>;
}

const EMPTY_LIBRARY: BigTeamLibrary = {
  requests: [],
  captions: [],
  hashtagSets: [],
  agencies: [],
  replyTemplates: [],
};

function isPostLink(link: string): boolean {
  if (!URL.canParse(link)) return false;
  const url = new URL(link);
  return (url.protocol === 'https:' || url.protocol === 'http:') && link.length <= 2000;
}

function continueChain(): void {}

/** The background's answers to BigTeamProtocol (lib/messaging/bigteam.ts); docs/big-team.md. */
export function createBigTeamService(deps: BigTeamDeps) {
  // One writer: every change to the stored state goes through this chain, so two messages
  // arriving together cannot both read the old state and lose one of the changes.
  let lock: Promise<unknown> = Promise.resolve();
  function update<T>(change: (state: BigTeamState) => T | Promise<T>): Promise<T> {
    const run = async () => {
      const state = await deps.store.read();
      const result = await change(state);
      await deps.store.write(state);
      return result;
    };
    const next = lock.then(run, run);
    // The chain only orders the changes: a failed change reaches its own caller through `next`,
    // and the next change still runs.
    lock = next.then(continueChain, continueChain);
    return next;
  }

  const outbox = createDeskOutbox({
    getDesk: deps.getDesk,
    fetch: deps.fetch,
    now: deps.now,
    random: deps.random,
    schedule: deps.schedule,
    update,
    read: () => deps.store.read(),
  });

  async function context() {
    const [library, identity, state] = await Promise.all([
      deps.loadLibrary(),
      deps.getIdentity(),
      deps.store.read(),
    ]);
    return { library: library ?? EMPTY_LIBRARY, identity, state, now: deps.now() };
  }

  async function views(platform?: PlatformId): Promise<RequestView[]> {
    const { library, identity, state, now } = await context();
    return listRequestViews(library, { agencyId: identity.agencyId, now, done: state.done }, platform);
  }

  async function refreshBadge(): Promise<number> {
    const open = (await views()).filter((view) => view.status === 'open').length;
    await deps.setOpenCount(open);
    return open;
  }

  /** Records `done` (first record wins), queues its report and audits it, under the lock. */
  async function recordDone(done: RequestDone): Promise<boolean> {
    const recorded = await update((state) => {
      if (state.done[done.requestId]) return false;
      state.done[done.requestId] = done;
      state.outbox.push({
        id: deps.newId(),
        kind: 'done',
        path: `/api/requests/${encodeURIComponent(done.requestId)}/done`,
        body: {
          fingerprint: done.fingerprint,
          platform: done.platform,
          at: done.at,
          via: done.via,
          ...(done.link ? { link: done.link } : {}),
        },
        attempts: 0,
        nextAttemptAt: deps.now(),
        lastError: null,
      });
      return true;
    });
    if (!recorded) return false;
    await deps.audit({
      type: 'request-done',
      platform: done.platform,
      fingerprint: done.fingerprint,
      note: `${done.requestId} (${done.via})`,
    });
    return true;
  }

  return {
    listRequests: views,
    refreshBadge,
    flushOutbox: () => outbox.flush(),

    async composerPosted(data: {
      platform: PlatformId;
      text: string;
    }): Promise<{ doneRequestIds: string[] }> {
      const { library, identity, state, now } = await context();
      const open = listRequestViews(
        library,
        { agencyId: identity.agencyId, now, done: state.done },
        data.platform,
      ).filter((view) => view.status === 'open');
      const matched = open.filter((request) => {
        const caption = library.captions.find((candidate) => candidate.id === request.captionId);
        return (
          caption &&
          matchesRequest(data.text, request, caption, {
            agencyId: identity.agencyId,
            agencies: library.agencies,
            now,
          })
        );
      });
      if (!matched.length) return { doneRequestIds: [] };
      const fingerprint = await fingerprintText(data.text);
      const at = new Date(now).toISOString();
      const doneRequestIds: string[] = [];
      for (const request of matched) {
        const done: RequestDone = {
          requestId: request.id,
          fingerprint,
          platform: data.platform,
          at,
          via: 'post-button',
        };
        if (await recordDone(done)) doneRequestIds.push(request.id);
      }
      await refreshBadge();
      outbox.flush().catch(logFailure('big team: desk outbox'));
      return { doneRequestIds };
    },

    async markRequestDone(data: {
      requestId: string;
      platform: PlatformId;
      link: string;
    }): Promise<{ ok: boolean; error?: MarkDoneError }> {
      const link = data.link.trim();
      if (!isPostLink(link)) return { ok: false, error: 'invalid-link' };
      const { library, identity, state, now } = await context();
      const request = library.requests.find((candidate) => candidate.id === data.requestId);
      const caption = library.captions.find((candidate) => candidate.id === request?.captionId);
      const view = listRequestViews(library, { agencyId: identity.agencyId, now, done: state.done }).find(
        (candidate) => candidate.id === data.requestId,
      );
      if (!request || !caption || !view) return { ok: false, error: 'unknown-request' };
      if (view.status === 'done') return { ok: true };
      if (view.status === 'expired') return { ok: false, error: 'expired' };
      if (!requestPlatforms(request, caption).includes(data.platform))
        return { ok: false, error: 'wrong-platform' };
      const text = requestText(request, caption, library, identity.agencyId);
      await recordDone({
        requestId: request.id,
        fingerprint: await fingerprintText(text),
        platform: data.platform,
        at: new Date(now).toISOString(),
        link,
        via: 'marked',
      });
      await refreshBadge();
      outbox.flush().catch(logFailure('big team: desk outbox'));
      return { ok: true };
    },

    async listReplyTemplates(data: { platform: PlatformId }): Promise<ReplyTemplate[]> {
      const library = (await deps.loadLibrary()) ?? EMPTY_LIBRARY;
      return library.replyTemplates.filter(
        (template) => template.platforms.length === 0 || template.platforms.includes(data.platform),
      );
    },

    async replyInserted(data: { templateId: string; platform: PlatformId }): Promise<void> {
      const today = wibDay(deps.now());
      await update((state) => {
        const day = state.replies[today] ?? {};
        day[data.templateId] = (day[data.templateId] ?? 0) + 1;
        state.replies[today] = day;
        // Counts are for "today" in the popup and a month of local history, not an archive.
        for (const key of Object.keys(state.replies).sort().slice(0, -REPLY_DAYS)) delete state.replies[key];
      });
    },

    async repliesToday(): Promise<Record<string, number>> {
      return { ...((await deps.store.read()).replies[wibDay(deps.now())] ?? {}) };
    },

    async getCommitment(): Promise<{ commitment: CommitmentText | null; committedVersion: string | null }> {
      const [library, state] = await Promise.all([deps.loadLibrary(), deps.store.read()]);
      return { commitment: library?.commitment ?? null, committedVersion: state.commitment?.version ?? null };
    },

    async commit(data: { version: string }): Promise<{ ok: boolean; error?: CommitError }> {
      const [library, identity] = await Promise.all([deps.loadLibrary(), deps.getIdentity()]);
      const current = library?.commitment;
      if (!current) return { ok: false, error: 'no-commitment' };
      if (current.version !== data.version) return { ok: false, error: 'stale-version' };
      const adminName = identity.adminName.trim();
      if (!adminName) return { ok: false, error: 'no-admin-name' };
      const record = {
        version: current.version,
        agencyId: identity.agencyId ?? '',
        adminName,
        at: new Date(deps.now()).toISOString(),
      };
      await update((state) => {
        state.commitment = record;
        state.outbox.push({
          id: deps.newId(),
          kind: 'commitment',
          path: '/api/commitments',
          body: { version: record.version, adminName, at: record.at },
          attempts: 0,
          nextAttemptAt: deps.now(),
          lastError: null,
        });
      });
      await deps.audit({ type: 'commitment', note: `version ${record.version}` });
      outbox.flush().catch(logFailure('big team: desk outbox'));
      return { ok: true };
    },
  };
}

export type BigTeamService = ReturnType<typeof createBigTeamService>;
