import { signal } from '@preact/signals';
import type { CommitmentText } from '@/lib/bigteam/types';
import { log } from '@/lib/log';

/** What the commitment section asks the background (plain functions in unit tests). */
export interface CommitmentDeps {
  getCommitment(): Promise<{ commitment: CommitmentText | null; committedVersion: string | null }>;
  commit(version: string): Promise<{ ok: boolean; error?: string }>;
}

/**
 * The bureau's commitment text on the options page (and its first run): read it, commit to its
 * version; a new version of the text asks again (docs/contracts.md).
 */
export function createCommitmentModel(deps: CommitmentDeps) {
  /** undefined while loading. */
  const commitment = signal<CommitmentText | null | undefined>(undefined);
  const committedVersion = signal<string | null>(null);
  const busy = signal(false);
  const error = signal<string | null>(null);

  async function load(): Promise<void> {
    try {
      const answer = await deps.getCommitment();
      commitment.value = answer.commitment;
      committedVersion.value = answer.committedVersion;
    } catch (cause) {
      log.warn('commitment', cause);
      commitment.value ??= null;
      error.value = cause instanceof Error ? cause.message : String(cause);
    }
  }

  return {
    commitment,
    committedVersion,
    busy,
    error,
    load,
    async commit(): Promise<boolean> {
      const current = commitment.value;
      if (!current || busy.value) return false;
      busy.value = true;
      error.value = null;
      try {
        const result = await deps.commit(current.version);
        if (!result.ok) {
          error.value = result.error ?? 'error';
          return false;
        }
        committedVersion.value = current.version;
        return true;
      } catch (cause) {
        error.value = cause instanceof Error ? cause.message : String(cause);
        return false;
      } finally {
        busy.value = false;
      }
    },
  };
}

export type CommitmentModel = ReturnType<typeof createCommitmentModel>;
