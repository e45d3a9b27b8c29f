import { signal } from '@preact/signals';
import type { ShareOptions } from '@/lib/approvals/share';
import type { Submission, SubmissionStatus } from '@/lib/approvals/types';
import type { LibraryStatus } from '@/lib/library/status-schema';
import { log } from '@/lib/log';
import type { DraftState } from '@/lib/messaging/content';

/** The current tab's draft as the popup knows it. */
export type PopupDraft =
  | { kind: 'loading' }
  /** No Satu Pintu content script in the tab (another site), or no composer recognised. */
  | { kind: 'none' }
  | { kind: 'draft'; draft: DraftState };

export type SubmissionFilter = SubmissionStatus | 'all';

/** What the popup needs from the extension, injected so the model is tested without a browser. */
export interface PopupDeps {
  listSubmissions: () => Promise<Submission[]>;
  markSubmissionsSeen: () => Promise<number>;
  /** The active tab's draft; rejects or resolves null when there is none. */
  getDraftState: () => Promise<DraftState | null>;
  readLibraryStatus: () => Promise<LibraryStatus>;
  /** Subscribes to library status changes (written by the background); returns the unsubscribe. */
  watchLibraryStatus: (callback: (status: LibraryStatus) => void) => () => void;
  syncNow: () => Promise<LibraryStatus>;
  getSubmissionShare: (id: string) => Promise<ShareOptions | null>;
  copyText: (text: string) => Promise<void>;
  openOptions: () => Promise<void>;
}

/**
 * The popup's state and actions. On open: the list is read (with its "new" marks), then marked
 * seen (the toolbar badge clears); the draft is asked from the tab; the library status is watched
 * and every new library in use reloads the list (its statuses were just re-resolved).
 */
export function createPopupModel(deps: PopupDeps) {
  const draft = signal<PopupDraft>({ kind: 'loading' });
  const submissions = signal<Submission[] | null>(null);
  const filter = signal<SubmissionFilter>('all');
  const library = signal<LibraryStatus | null>(null);
  const syncing = signal(false);
  const copiedId = signal<string | null>(null);
  const error = signal<string | null>(null);
  /** The share options shown under one submission (manual delivery), or null. */
  const share = signal<{ id: string; options: ShareOptions } | null>(null);

  const reportError = (cause: unknown) => {
    error.value = cause instanceof Error ? cause.message : String(cause);
  };

  /** Reads the list; what the popup shows is seen, so decisions arriving while it is open clear too. */
  async function loadSubmissions(): Promise<void> {
    try {
      const list = await deps.listSubmissions();
      submissions.value = list;
      if (list.some((submission) => submission.unseen)) await deps.markSubmissionsSeen();
    } catch (cause) {
      reportError(cause);
      submissions.value ??= [];
    }
  }

  async function loadDraft(): Promise<void> {
    try {
      const state = await deps.getDraftState();
      draft.value = state && state.field !== null ? { kind: 'draft', draft: state } : { kind: 'none' };
    } catch (cause) {
      // "Could not establish connection": no content script in this tab.
      log.debug('popup: no draft in this tab', cause);
      draft.value = { kind: 'none' };
    }
  }

  let lastLibraryKey: string | null = null;
  /** A new library in use (another sync, or ours) reloads the list unless the caller reloads it anyway. */
  function onLibraryStatus(status: LibraryStatus, reload = true): void {
    library.value = status;
    const key = `${status.version}:${status.updatedAt}`;
    if (reload && lastLibraryKey !== null && key !== lastLibraryKey) void loadSubmissions();
    lastLibraryKey = key;
  }

  async function open(): Promise<() => void> {
    const unwatch = deps.watchLibraryStatus((status) => onLibraryStatus(status));
    await Promise.all([
      // Opening the popup always clears the toolbar badge, even if the list failed to load.
      loadSubmissions().then(() => deps.markSubmissionsSeen().catch(reportError)),
      loadDraft(),
      deps.readLibraryStatus().then((status) => onLibraryStatus(status, false), reportError),
    ]);
    return unwatch;
  }

  async function sync(): Promise<void> {
    syncing.value = true;
    try {
      const status = await deps.syncNow();
      onLibraryStatus(status, false);
      await Promise.all([loadSubmissions(), loadDraft()]);
    } catch (cause) {
      reportError(cause);
    } finally {
      syncing.value = false;
    }
  }

  async function copy(id: string, text: string): Promise<void> {
    try {
      await deps.copyText(text);
      copiedId.value = id;
    } catch (cause) {
      reportError(cause);
    }
  }

  async function toggleShare(id: string): Promise<void> {
    if (share.value?.id === id) {
      share.value = null;
      return;
    }
    try {
      const options = await deps.getSubmissionShare(id);
      share.value = options ? { id, options } : null;
    } catch (cause) {
      reportError(cause);
    }
  }

  function openOptions(): void {
    deps.openOptions().catch(reportError);
  }

  return {
    draft,
    submissions,
    filter,
    library,
    syncing,
    copiedId,
    error,
    share,
    open,
    sync,
    copy,
    toggleShare,
    loadSubmissions,
    openOptions,
  };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
