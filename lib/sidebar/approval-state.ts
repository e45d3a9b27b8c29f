import { effect, type ReadonlySignal, signal } from '@preact/signals';
import type { DraftApproval, SubmitDraftResult } from '@/lib/approvals/types';
import type { Notice } from './model-types';

/** The draft approvals are about: a field of the composer and its text. */
export interface DraftRef {
  field: string;
  text: string;
}

export interface ApprovalDeps {
  /** The background's answer for this draft; null when the field is not one approvals know. */
  getApproval(draft: DraftRef): Promise<DraftApproval | null>;
  submit(draft: DraftRef): Promise<SubmitDraftResult | null>;
  /** A timer bound to the page's lifetime; returns its cancel function. */
  delay(callback: () => void, ms: number): () => void;
  /** Where a failure of a background question goes (the log): the badge keeps its last answer. */
  onError(scope: string, error: unknown): void;
}

/** Typing is not asking: the background is asked once the admin pauses this long. */
export const APPROVAL_DEBOUNCE_MS = 400;

/**
 * The approval badge and the submit button's state: the draft's approval (asked again, debounced,
 * whenever the draft changes while the sidebar is shown), submitting, and the last submit's result.
 */
export function createApprovalState(options: {
  draft: ReadonlySignal<DraftRef | null>;
  /** Only a shown sidebar asks the background (no traffic from pages where it never opened). */
  shown: ReadonlySignal<boolean>;
  notice: { value: Notice | null };
  deps: ApprovalDeps;
}) {
  const { draft, shown, notice, deps } = options;
  const approval = signal<DraftApproval | null>(null);
  const submitResult = signal<SubmitDraftResult | null>(null);
  const submitting = signal(false);
  /** Answers arrive out of order; only the one for the latest question counts. */
  let asked = 0;
  let cancelTimer: (() => void) | null = null;

  const refresh = async (target: DraftRef): Promise<void> => {
    const ticket = ++asked;
    try {
      const reply = await deps.getApproval(target);
      if (ticket === asked && reply) approval.value = reply;
    } catch (error) {
      deps.onError('approval status', error);
    }
  };

  const stopEffect = effect(() => {
    const current = draft.value;
    const isShown = shown.value;
    cancelTimer?.();
    cancelTimer = null;
    if (!current || !isShown) return;
    cancelTimer = deps.delay(() => void refresh(current), APPROVAL_DEBOUNCE_MS);
  });

  return {
    approval: approval as ReadonlySignal<DraftApproval | null>,
    submitResult: submitResult as ReadonlySignal<SubmitDraftResult | null>,
    submitting: submitting as ReadonlySignal<boolean>,
    /** Submits the current draft once (a second press while it runs does nothing). */
    async submit(): Promise<boolean> {
      const current = draft.value;
      if (!current || submitting.value) return false;
      submitting.value = true;
      try {
        const result = await deps.submit(current);
        if (!result) return false;
        submitResult.value = result;
        await refresh(current);
        return true;
      } catch (error) {
        deps.onError('submit', error);
        notice.value = {
          kind: 'error',
          message: 'sidebar.submitFailed',
          params: { detail: error instanceof Error ? error.message : String(error) },
        };
        return false;
      } finally {
        submitting.value = false;
      }
    },
    dispose(): void {
      stopEffect();
      cancelTimer?.();
      cancelTimer = null;
    },
  };
}

export type ApprovalState = ReturnType<typeof createApprovalState>;
