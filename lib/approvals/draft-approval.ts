import { log, logFailure } from '@/lib/log';
import { findMatchingCaption } from './caption-match';
import { fingerprintText, normalizeForFingerprint, shortCode } from './fingerprint';
import type { LibraryView } from './library-view';
import { resolveStatus } from './status';
import type { SubmissionsStore } from './submissions-store';
import type {
  ApprovalsIdentity,
  ApprovedText,
  ApprovedTextsState,
  DraftApproval,
  DraftApprovalQuery,
} from './types';

/** Where the approved-text memory lives (extension storage in the background, a variable in tests). */
export interface ApprovedTextMemory {
  read(): Promise<ApprovedTextsState>;
  write(state: ApprovedTextsState): Promise<void>;
}

export const EMPTY_APPROVED_TEXTS: ApprovedTextsState = { texts: [], contexts: {} };

/** How many approved texts are remembered, and for how long after a composer last showed one. */
export const MAX_APPROVED_TEXTS = 30;
export const APPROVED_TEXT_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * How alike a draft must be to a remembered approved text to count as an edit of it (Dice
 * coefficient over words): an edited sentence or two keeps well above it, a new post falls far below.
 */
export const SIMILARITY_THRESHOLD = 0.6;

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of normalizeForFingerprint(text).toLocaleLowerCase('id').split(/\s+/)) {
    if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/** Shared words (with multiplicity) over the average length, 0..1. */
export function wordSimilarity(a: string, b: string): number {
  const left = wordCounts(a);
  const right = wordCounts(b);
  let total = 0;
  let shared = 0;
  for (const count of left.values()) total += count;
  for (const [word, count] of right) {
    total += count;
    shared += Math.min(count, left.get(word) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

export interface DraftApprovalDeps {
  store: SubmissionsStore;
  loadLibrary: () => Promise<LibraryView>;
  getIdentity: () => Promise<ApprovalsIdentity>;
  now: () => number;
  memory: ApprovedTextMemory;
}

/**
 * The approval state of a draft as the admin types. Order: the library's decision for this exact
 * text; a pre-approved caption filled as allowed; the admin's own submission of it; otherwise, when
 * the draft started from an approved text (this composer showed it, or — after a restart or in a
 * new tab — it is an edit of a remembered one), changed-since-approval with that text; otherwise
 * not-submitted. An emptied composer (the post was published or dropped) forgets the approved text
 * it started from.
 */
export function createDraftApproval(deps: DraftApprovalDeps) {
  // Read-modify-write of the memory, one at a time (several tabs ask at once).
  let memoryQueue: Promise<unknown> = Promise.resolve();
  const updateMemory = (change: (state: ApprovedTextsState) => ApprovedTextsState | null) => {
    const next = memoryQueue.then(async () => {
      const changed = change(await deps.memory.read());
      if (changed) await deps.memory.write(changed);
    });
    memoryQueue = next.catch(logFailure('approvals: approved-text memory'));
    return next;
  };

  const fresh = (state: ApprovedTextsState, now: number): ApprovedText[] =>
    state.texts.filter((text) => now - text.seenAt < APPROVED_TEXT_TTL_MS);

  const rememberApproved = (contextKey: string | null, approved: ApprovedText) =>
    updateMemory((state) => {
      const texts = [
        approved,
        ...fresh(state, approved.seenAt).filter((t) => t.fingerprint !== approved.fingerprint),
      ];
      const contexts = contextKey
        ? { ...state.contexts, [contextKey]: approved.fingerprint }
        : state.contexts;
      return { texts: texts.slice(0, MAX_APPROVED_TEXTS), contexts };
    });

  const forgetContext = (contextKey: string) =>
    updateMemory((state) => {
      const fingerprint = state.contexts[contextKey];
      if (fingerprint === undefined) return null;
      const { [contextKey]: _dropped, ...contexts } = state.contexts;
      return { texts: state.texts.filter((text) => text.fingerprint !== fingerprint), contexts };
    });

  /** The approved text this draft is an edit of, if any (and this composer then keeps that link). */
  async function startedFrom(
    query: DraftApprovalQuery,
    contextKey: string | null,
  ): Promise<ApprovedText | null> {
    await memoryQueue;
    const state = await deps.memory.read();
    const texts = fresh(state, deps.now());
    const linked = contextKey ? state.contexts[contextKey] : undefined;
    const known = linked && texts.find((text) => text.fingerprint === linked);
    if (known) return known;
    let best: { text: ApprovedText; score: number } | null = null;
    for (const text of texts) {
      const score = wordSimilarity(text.text, query.text);
      if (score >= SIMILARITY_THRESHOLD && (!best || score > best.score)) best = { text, score };
    }
    if (best && contextKey) {
      const fingerprint = best.text.fingerprint;
      await updateMemory((current) => ({
        ...current,
        contexts: { ...current.contexts, [contextKey]: fingerprint },
      }));
    }
    return best?.text ?? null;
  }

  return {
    /** Tab closed: its composers' links go; the approved texts stay for other tabs. */
    forgetContexts(prefix: string): Promise<void> {
      return updateMemory((state) => {
        const entries = Object.entries(state.contexts);
        const kept = entries.filter(([key]) => !key.startsWith(prefix));
        return kept.length === entries.length ? null : { ...state, contexts: Object.fromEntries(kept) };
      });
    },

    async getDraftApproval(query: DraftApprovalQuery, context: string | null): Promise<DraftApproval> {
      const fingerprint = await fingerprintText(query.text);
      const base = { fingerprint, shortCode: shortCode(fingerprint) };
      const contextKey = context && `${context}|${query.platform}|${query.field}`;
      if (!normalizeForFingerprint(query.text)) {
        if (contextKey) await forgetContext(contextKey);
        return { status: 'not-submitted', ...base };
      }
      const [library, identity] = await Promise.all([deps.loadLibrary(), deps.getIdentity()]);
      const now = deps.now();
      const own = (await deps.store.byFingerprint(fingerprint))[0];
      // Remembering is a convenience: a full storage must not hide the approval itself.
      const approved = () =>
        rememberApproved(contextKey, {
          fingerprint,
          text: query.text,
          platform: query.platform,
          field: query.field,
          seenAt: now,
        }).catch((error: unknown) => log.error('approvals: remembering the approved text failed', error));

      if (library.approvals.has(fingerprint)) {
        const resolved = resolveStatus(fingerprint, library.approvals, now);
        const decision = resolved.decision!;
        if (resolved.status === 'approved') await approved();
        return {
          status: resolved.status,
          ...base,
          reviewer: decision.reviewer,
          decidedAt: decision.decidedAt,
          ...(decision.note !== undefined ? { note: decision.note } : {}),
          ...(decision.expiresAt !== undefined ? { expiresAt: decision.expiresAt } : {}),
          ...(resolved.expired ? { expired: true } : {}),
          ...(own ? { submissionId: own.id } : {}),
        };
      }
      const caption = findMatchingCaption(query.text, library.captions, {
        agencyId: identity.agencyId,
        agencies: library.agencies,
        now,
      });
      if (caption) {
        await approved();
        return {
          status: 'approved',
          ...base,
          captionId: caption.id,
          reviewer: caption.approvedBy,
          decidedAt: caption.approvedAt,
        };
      }
      if (own) return { status: own.status, ...base, submissionId: own.id };
      const previous = await startedFrom(query, contextKey);
      if (previous && previous.fingerprint !== fingerprint) {
        return { status: 'changed-since-approval', ...base, approvedText: previous.text };
      }
      return { status: 'not-submitted', ...base };
    },
  };
}

export type DraftApprovalService = ReturnType<typeof createDraftApproval>;
