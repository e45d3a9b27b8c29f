import { createApprovalsService } from '@/lib/approvals/approvals-service';
import { EMPTY_APPROVED_TEXTS } from '@/lib/approvals/draft-approval';
import { EMPTY_LIBRARY_VIEW, type LibraryView } from '@/lib/approvals/library-view';
import { indexApprovals } from '@/lib/approvals/status';
import type { DeskSettings } from '@/lib/approvals/submit-target';
import type { ApprovalsIdentity, ApprovedTextsState } from '@/lib/approvals/types';
import { openDatabase, type SatuPintuDb } from '@/lib/db/database';
import type { ApprovalRecord } from '@/lib/library/schema';

export const ENDPOINT = 'https://biro.example.go.id/submit';
export const DRAFT = 'Gubernur meresmikan Jembatan Kapuas 3 hari ini.\n#KalbarMaju';
/** Retry delays without jitter, so tests know exactly when an item is due. */
export const NO_JITTER = () => 1;

export interface Post {
  url: string;
  id: string;
  idempotencyKey: string | null;
  authorization: string | null;
  body: Record<string, unknown>;
}

/** Shared between harnesses on one database, as extension storage is between worker lives. */
export interface World {
  dbName: string;
  memory: { state: ApprovedTextsState };
  /** What the receiving server holds, by idempotency key (a real receiver de-duplicates). */
  received: Map<string, Record<string, unknown>>;
}

export function newWorld(): World {
  return {
    dbName: `approvals-test-${Math.random().toString(36).slice(2)}`,
    memory: { state: EMPTY_APPROVED_TEXTS },
    received: new Map(),
  };
}

let counter = 0;

export function makeHarness(
  world: World,
  options: {
    endpoint?: string | null;
    desk?: DeskSettings;
    /** Replaces the write of the approved-text memory (e.g. to inject a full storage). */
    memoryWrite?: (state: ApprovedTextsState) => Promise<void>;
  } = {},
) {
  const endpoint = options.endpoint === undefined ? ENDPOINT : options.endpoint;
  const db: SatuPintuDb = openDatabase(world.dbName);
  const clock = { now: Date.parse('2026-11-26T06:00:00Z') };
  const library: { view: LibraryView } = {
    view: { ...EMPTY_LIBRARY_VIEW, version: 1, submitEndpoint: endpoint ?? undefined },
  };
  const desk = { value: options.desk ?? { url: null, token: null } };
  const posts: Post[] = [];
  /** Scripted answers, one per request: a status, an Error (network down), or 'lost' (received, answer lost). */
  const responses: (number | Error | 'lost')[] = [];
  const badge: number[] = [];
  const scheduled: (number | null)[] = [];
  const identity: ApprovalsIdentity = {
    agencyId: 'dinkes',
    adminName: 'Rina',
    adminRole: 'Pranata Humas',
    language: 'id',
  };
  const service = createApprovalsService({
    db,
    loadLibrary: async () => library.view,
    getIdentity: async () => identity,
    getDesk: async () => desk.value,
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      posts.push({
        url: String(input),
        id: String(body.id),
        idempotencyKey: headers.get('idempotency-key'),
        authorization: headers.get('authorization'),
        body,
      });
      const next = responses.shift() ?? 200;
      if (next instanceof Error) throw next;
      const key = headers.get('idempotency-key') ?? String(body.id);
      const known = world.received.has(key);
      if (next === 'lost' || (next >= 200 && next < 300)) world.received.set(key, body);
      if (next === 'lost') throw new TypeError('Failed to fetch');
      return new Response('{}', { status: known && next === 201 ? 200 : next });
    },
    now: () => clock.now,
    newId: () => `sub-${++counter}`,
    random: NO_JITTER,
    setBadge: async (count) => {
      badge.push(count);
    },
    scheduleOutbox: (at) => scheduled.push(at),
    memory: {
      read: async () => world.memory.state,
      write:
        options.memoryWrite ??
        (async (state) => {
          world.memory.state = state;
        }),
    },
  });
  return { db, service, clock, library, desk, posts, responses, badge, scheduled, world };
}

export type Harness = ReturnType<typeof makeHarness>;

export function approve(h: Harness, records: ApprovalRecord[]) {
  h.library.view = {
    ...h.library.view,
    version: h.library.view.version + 1,
    approvals: indexApprovals(records),
  };
}

export async function closeHarness(h: Harness): Promise<void> {
  // Let the flush that submitDraft starts in the background finish before closing.
  await h.service.flushOutbox();
  h.db.close();
}
