import type { CommitmentRecord, RequestDone } from './types';

/**
 * What the big team keeps on this browser (extension storage, one item written only by the
 * background): requests recorded done, the outbox to the desk, reply counts per WIB day, the
 * admin's commitment. Small by construction: counts are kept for REPLY_DAYS days.
 */
export interface DeskOutboxItem {
  /** Also the idempotency key: the desk records an item once however often it arrives. */
  id: string;
  kind: 'done' | 'commitment';
  /** Path under the desk URL, e.g. `/api/requests/hut-kalbar/done`. */
  path: string;
  body: Record<string, unknown>;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
}

export interface BigTeamState {
  done: Record<string, RequestDone>;
  outbox: DeskOutboxItem[];
  /** `YYYY-MM-DD` (WIB) → template id → replies inserted. */
  replies: Record<string, Record<string, number>>;
  commitment: CommitmentRecord | null;
}

export const EMPTY_BIGTEAM_STATE: BigTeamState = { done: {}, outbox: [], replies: {}, commitment: null };

export const REPLY_DAYS = 31;

const WIB_MS = 7 * 3_600_000;

/** The day in Kalimantan Barat (WIB, UTC+7) at `time`: reply counts and "today" follow it. */
export function wibDay(time: number): string {
  return new Date(time + WIB_MS).toISOString().slice(0, 10);
}

export interface BigTeamStore {
  read(): Promise<BigTeamState>;
  write(state: BigTeamState): Promise<void>;
}

/** A store in memory (tests; the background uses extension storage behind the same interface). */
export function memoryStore(initial: BigTeamState = EMPTY_BIGTEAM_STATE): BigTeamStore & {
  state: BigTeamState;
} {
  const store = {
    state: structuredClone(initial),
    read: async () => structuredClone(store.state),
    write: async (next: BigTeamState) => {
      store.state = structuredClone(next);
    },
  };
  return store;
}
