import { effect, signal } from '@preact/signals';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ApprovalBadge } from '@/components/approvals/approval-badge';
import { SubmitResult } from '@/components/approvals/submit-result';
import { Sidebar } from '@/components/sidebar/sidebar';
import type { DraftApproval, SubmitDraftResult } from '@/lib/approvals/approvals-service';
import { formatDayDate, language } from '@/lib/i18n';
import type { DraftState } from '@/lib/messaging/content';
import { onMessage, sendMessage } from '@/lib/messaging/protocol';
import { type FoundField, fieldForElement, findComposerContainer, health } from '@/lib/platforms/find';
import { deepActiveElement } from '@/lib/platforms/query';
import type { PlatformAdapter } from '@/lib/platforms/types';
import { watchComposer } from '@/lib/platforms/watch';
import { copyToClipboard } from '@/lib/sidebar/clipboard';
import { sidebarLibrary } from '@/lib/sidebar/library-source';
import { createPageFields } from '@/lib/sidebar/page-fields';
import { composerBox, placeFrame, placement } from '@/lib/sidebar/placement';
import { createRuleChecker } from '@/lib/sidebar/rule-checker';
import { createSidebarController } from '@/lib/sidebar/sidebar-controller';
import {
  getSidebarSettings,
  type SidebarSettings,
  saveSidebarCollapsed,
  watchLibraryVersion,
  watchSidebarSettings,
} from '@/lib/sidebar/sidebar-settings';

const SIDEBAR_WIDTH = 340;

const APPROVAL_DEBOUNCE_MS = 400;

/** Fields a sidebar can act on: a text the admin edits (textarea or contenteditable). */
function isEditable(element: Element | null): element is HTMLElement {
  return element instanceof HTMLElement && (element.tagName === 'TEXTAREA' || element.isContentEditable);
}

/**
 * Everything the sidebar does on one page, bound to the content-script context: watching the
 * composer, checking on every edit, the library, the approval badge, and the popup's messages.
 * When `ctx` is invalidated (extension updated, page left) every listener and observer ends.
 */
export async function startSidebarSession(
  ctx: ContentScriptContext,
  adapter: PlatformAdapter,
): Promise<void> {
  let settings: SidebarSettings = await getSidebarSettings(adapter.id);
  if (!settings.enabled) return;
  language.value = settings.language;

  const rules = createRuleChecker(adapter.id);
  const overrides = () => rules.bundle?.platforms[adapter.id]?.selectors ?? null;
  const fields = createPageFields(adapter, overrides);
  const observers = new Map<string, MutationObserver>();
  const approval = signal<DraftApproval | null>(null);
  const submitResult = signal<SubmitDraftResult | null>(null);
  const submitting = signal(false);
  const healthSummary = signal('');
  let ui: Awaited<ReturnType<typeof createShadowRootUi>> | null = null;
  let shadowRoot: ShadowRoot | null = null;
  /** The fixed-positioned element inside the shadow root that holds the sidebar. */
  let frame: HTMLElement | null = null;
  let mounting: Promise<void> | null = null;

  const controller = createSidebarController({
    platform: adapter.id,
    fields: adapter.fields.map((field) => ({ id: field.id, kind: field.kind })),
    readField: fields.read,
    insertText: fields.insert,
    replaceRange: fields.replace,
    selectRange: fields.select,
    charBeforeCaret: fields.charBeforeCaret,
    copyText: (text) => copyToClipboard(text, shadowRoot),
    check: (text, field) => {
      const fieldId = fields.asFieldId(field);
      return fieldId
        ? rules.check(text, fieldId, language.value, settings.identity.agencyId)
        : { verdict: 'ready', score: 100, findings: [] };
    },
    limits: (field) => {
      const fieldId = fields.asFieldId(field);
      return fieldId ? rules.limits(fieldId) : {};
    },
    today: () => new Date(),
    formatDayDate: (date) => formatDayDate(date),
    logAudit: (entry) => {
      void sendMessage('logAudit', {
        ...entry,
        platform: adapter.id,
        field: fields.asFieldId(entry.field ?? ''),
      }).catch(() => undefined);
    },
    saveCollapsed: (collapsed) => {
      void saveSidebarCollapsed(adapter.id, collapsed).catch(() => undefined);
    },
    schedule: (callback) => {
      ctx.requestAnimationFrame(() => callback());
    },
  });
  controller.collapsed.value = settings.collapsed ?? false;
  controller.identity.value = settings.identity;

  // ---------------------------------------------------------------- library and rules
  const loadLibrary = async () => {
    try {
      const { bundle } = await sendMessage('getLibrary');
      rules.load(bundle);
      const view = sidebarLibrary(bundle, settings.identity.agencyId);
      controller.agencies.value = view.agencies;
      controller.captions.value = view.captions;
      controller.hashtagSets.value = view.hashtagSets;
      controller.libraryReady.value = true;
      watch.setOverrides(overrides());
      controller.recheckAll();
    } catch (error) {
      controller.notice.value = {
        kind: 'error',
        message: 'sidebar.reason.library',
        params: { detail: error instanceof Error ? error.message : String(error) },
      };
    }
  };
  let libraryVersion: string | null = null;
  const unwatchLibrary = watchLibraryVersion((version) => {
    if (version !== libraryVersion) {
      libraryVersion = version;
      void loadLibrary();
    }
  });
  ctx.onInvalidated(unwatchLibrary);

  const unwatchSettings = watchSidebarSettings(adapter.id, (next) => {
    const agencyChanged = next.identity.agencyId !== settings.identity.agencyId;
    const languageChanged = next.language !== settings.language;
    settings = next;
    language.value = next.language;
    controller.identity.value = next.identity;
    controller.collapsed.value = next.collapsed ?? controller.collapsed.value;
    if (agencyChanged && rules.bundle)
      controller.hashtagSets.value = sidebarLibrary(rules.bundle, next.identity.agencyId).hashtagSets;
    // The agency changes the rules' context; findings' messages are written in the UI language.
    if (agencyChanged || languageChanged) controller.recheckAll();
  });
  ctx.onInvalidated(unwatchSettings);

  // ---------------------------------------------------------------- fields: watch, observe, check
  /** Every change of a field's DOM (Lexical often prevents the `input` event) re-checks it next frame. */
  const observe = (field: FoundField) => {
    observers.get(field.fieldId)?.disconnect();
    const target =
      field.kind === 'tag-input' && field.field.chips
        ? (field.element.closest(field.field.chips.container) ?? field.element)
        : field.element;
    const observer = new MutationObserver(() => controller.scheduleCheck(field.fieldId));
    observer.observe(target, { childList: true, subtree: true, characterData: true });
    observers.set(field.fieldId, observer);
  };
  ctx.onInvalidated(() => {
    for (const observer of observers.values()) observer.disconnect();
  });

  const refreshHealth = () => {
    const report = health(adapter, document, overrides());
    healthSummary.value = report.summary;
    controller.setRecognised(report.recognised || fields.found.size > 0);
  };

  const watch = watchComposer({
    adapter,
    root: document,
    signal: ctx.signal,
    onField: (field) => {
      fields.found.set(field.fieldId, field);
      observe(field);
      controller.scheduleCheck(field.fieldId);
      if (ui) {
        refreshHealth();
        place();
      }
    },
    onFieldGone: (fieldId) => {
      fields.forget(fieldId);
      observers.get(fieldId)?.disconnect();
      observers.delete(fieldId);
      controller.checkNow(fieldId);
      if (ui) refreshHealth();
    },
    onFocus: (field) => {
      controller.focusField(field.fieldId);
      if (!ui) void mount();
    },
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => watch.rescan());
  void loadLibrary();

  // Input events too: a plain contenteditable (YouTube) or an input may change without mutations.
  // Only the fields already found are matched (cheap on Facebook's huge DOM, on every keystroke);
  // a new field is the composer watch's job.
  ctx.addEventListener(
    document,
    'input',
    (event) => {
      const target = event.composedPath()[0];
      const field = target instanceof Node ? fields.holding(target) : undefined;
      if (field) controller.scheduleCheck(field.fieldId);
    },
    { capture: true },
  );

  // The sidebar takes the focus when clicked or tabbed into: keep the caret to insert at it.
  ctx.addEventListener(
    document,
    'focusout',
    (event) => {
      const target = event.composedPath()[0];
      const field = target instanceof Node ? fields.holding(target) : undefined;
      if (field) fields.rememberSelection(field);
    },
    { capture: true },
  );

  // No strategy found a field, but the admin is writing in an editable: open anyway, honestly.
  ctx.addEventListener(
    document,
    'focusin',
    () => {
      if (ui || fields.found.size > 0) return;
      const active = deepActiveElement(document);
      if (isEditable(active) && !fieldForElement(adapter, active, overrides())) void mount();
    },
    { capture: true },
  );

  // ---------------------------------------------------------------- approval badge
  let approvalTimer: ReturnType<typeof setTimeout> | undefined;
  const stopApprovalEffect = effect(() => {
    const draft = controller.approvalDraft.value;
    const fieldId = draft ? fields.asFieldId(draft.field) : undefined;
    if (approvalTimer !== undefined) clearTimeout(approvalTimer);
    if (!draft || !fieldId || !ui) return;
    approvalTimer = setTimeout(() => {
      if (!ctx.isValid) return;
      sendMessage('getDraftApproval', { text: draft.text, platform: adapter.id, field: fieldId })
        .then((reply) => {
          approval.value = reply;
        })
        .catch(() => undefined);
    }, APPROVAL_DEBOUNCE_MS);
  });
  ctx.onInvalidated(() => {
    stopApprovalEffect();
    if (approvalTimer !== undefined) clearTimeout(approvalTimer);
  });

  const submit = async () => {
    const draft = controller.approvalDraft.value;
    const fieldId = draft ? fields.asFieldId(draft.field) : undefined;
    if (!draft || !fieldId || submitting.value) return;
    submitting.value = true;
    try {
      submitResult.value = await sendMessage('submitDraft', {
        text: draft.text,
        platform: adapter.id,
        field: fieldId,
      });
      approval.value = await sendMessage('getDraftApproval', {
        text: draft.text,
        platform: adapter.id,
        field: fieldId,
      });
    } catch (error) {
      controller.notice.value = {
        kind: 'error',
        message: 'sidebar.submitFailed',
        params: { detail: error instanceof Error ? error.message : String(error) },
      };
    } finally {
      submitting.value = false;
    }
  };

  // ---------------------------------------------------------------- mounting and placement

  const place = () => {
    if (!frame) return;
    const viewport = {
      width: document.documentElement.clientWidth || window.innerWidth,
      height: window.innerHeight,
    };
    const first = [...fields.found.values()][0]?.element;
    const container = findComposerContainer(adapter, first ?? document)?.element ?? null;
    const box = first
      ? composerBox(first, container, viewport)
      : (container?.getBoundingClientRect() ?? null);
    placeFrame(frame, placement(box, SIDEBAR_WIDTH, viewport));
  };
  ctx.addEventListener(window, 'resize', () => place());

  const App = () => (
    <Sidebar
      platform={adapter.id}
      controller={controller}
      healthSummary={healthSummary.value}
      submitting={submitting.value}
      onOpenOptions={() => void sendMessage('openOptions').catch(() => undefined)}
      onSubmit={() => void submit()}
      approval={
        <>
          <ApprovalBadge
            approval={approval.value ?? { status: 'not-submitted' }}
            draftText={controller.approvalDraft.value?.text}
            onRestore={(text) => void controller.restoreText(text)}
          />
          {submitResult.value ? (
            <SubmitResult result={submitResult.value} onCopy={(text) => void controller.copy(text)} />
          ) : null}
        </>
      }
    />
  );

  const mount = (): Promise<void> => {
    mounting ??= (async () => {
      ui = await createShadowRootUi(ctx, {
        name: 'satu-pintu-sidebar',
        mode: 'open',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        isolateEvents: true,
        onMount: (container, shadow) => {
          shadowRoot = shadow;
          frame = document.createElement('div');
          frame.className = 'sp-frame';
          container.append(frame);
          render(<App />, frame);
          return frame;
        },
        onRemove: (mounted) => {
          if (mounted) render(null, mounted);
        },
      });
      ui.mount();
      refreshHealth();
      controller.recheckAll();
      place();
    })();
    return mounting;
  };

  /** Keyboard command / popup: open if closed, else collapse or expand; focus the toggle. */
  const toggle = async () => {
    if (!ui) {
      await mount();
      controller.collapsed.value = false;
    } else controller.toggleCollapsed();
    place();
    shadowRoot?.querySelector<HTMLElement>('[data-sp="toggle"]')?.focus();
  };

  // ---------------------------------------------------------------- the popup's questions
  const draftState = (): DraftState | null => {
    const draft = controller.approvalDraft.value;
    if (!ui && fields.found.size === 0) return null;
    const { verdict, score } = controller.summary.value;
    return {
      platform: adapter.id,
      field: draft && fields.found.size > 0 ? (fields.asFieldId(draft.field) ?? null) : null,
      text: draft?.text ?? '',
      verdict,
      score,
      approval: approval.value?.status ?? 'not-submitted',
    };
  };
  ctx.onInvalidated(onMessage('getDraftState', () => draftState()));
  ctx.onInvalidated(onMessage('toggleSidebar', () => toggle()));
}
