import { type ReadonlySignal, signal } from '@preact/signals';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { formatDayDate, language } from '@/lib/i18n/in-page';
import { log, logFailure, setDebugLogging } from '@/lib/log';
import type { DraftState } from '@/lib/messaging/content';
import { onMessage, sendMessage } from '@/lib/messaging/protocol';
import { health } from '@/lib/platforms/find';
import { isReplyField, type PlatformAdapter } from '@/lib/platforms/types';
import { copyToClipboard } from './clipboard';
import { watchFields } from './field-watch';
import { sidebarLibrary } from './library-source';
import { createPageFields, type PageFields } from './page-fields';
import { watchPostButtons } from './post-watch';
import { createRuleChecker } from './rule-checker';
import { createSidebarModel, type SidebarModel } from './sidebar-model';
import {
  getSidebarSettings,
  type SidebarSettings,
  saveSidebarCollapsed,
  watchLibraryVersion,
  watchSidebarSettings,
} from './sidebar-settings';

/** What the content script's mounting code gets: the model, and the page it works on. */
export interface SidebarSession {
  ctx: ContentScriptContext;
  adapter: PlatformAdapter;
  model: SidebarModel;
  fields: PageFields;
  /** Where "copy" writes when the page's clipboard needs a focused document (the shadow root). */
  setCopyRoot(root: ShadowRoot | null): void;
  /** The per-platform switch of the inline marks (settings.marks). */
  marksEnabled: ReadonlySignal<boolean>;
  /** The basis the library gives for a rule (law, circular, guideline), if any. */
  ruleSource(ruleId: string): string | null;
  /** Opens the sidebar (expanded) and brings this finding (its `id`) into view, focused. */
  showInSidebar(id: string): Promise<void>;
}

/** The sidebar's presence on the page, provided by the content script's mounting code. */
export interface SidebarHost {
  /** Mounts the sidebar if it is not yet on the page (idempotent). */
  mount(): Promise<void>;
  isMounted(): boolean;
  /** Re-position it beside the composer. */
  place(): void;
  focusToggle(): void;
  /** Scrolls the finding with this `id` into view in the sidebar and focuses it. */
  revealFinding(id: string): void;
}

/**
 * Everything the sidebar does on one page, bound to the content-script context: the settings and
 * the library, the model with its real dependencies (the page's editor, the engine, the
 * background), watching the composer, and the popup's questions. Mounting is the host's part.
 * When `ctx` is invalidated (extension updated, page left) every listener and observer ends.
 */
export async function startSidebarSession(
  ctx: ContentScriptContext,
  adapter: PlatformAdapter,
  createHost: (session: SidebarSession) => SidebarHost,
): Promise<SidebarSession | null> {
  let settings: SidebarSettings = await getSidebarSettings(adapter.platform);
  if (!settings.enabled) return null;
  language.value = settings.language;
  if (settings.debug) setDebugLogging(true);

  const rules = createRuleChecker(adapter.platform, {
    models: (request) => sendMessage('checkModels', request),
    onModelFindings: (field) => model.scheduleCheck(field),
    delay: (callback, ms) => {
      const timer = ctx.setTimeout(callback, ms);
      return () => clearTimeout(timer);
    },
  });
  const overrides = () => rules.bundle?.platforms[adapter.platform]?.selectors ?? null;
  const fields = createPageFields(adapter, overrides);
  let copyRoot: ShadowRoot | null = null;

  const draftInput = (draft: { field: string; text: string }) => {
    const field = fields.asFieldId(draft.field);
    return field ? { text: draft.text, platform: adapter.platform, field } : null;
  };

  const model = createSidebarModel({
    platform: adapter.platform,
    fields: adapter.fields.map((field) => ({ id: field.id, kind: field.kind })),
    readField: fields.read,
    insertText: fields.insert,
    replaceRange: fields.replace,
    selectRange: fields.select,
    charBeforeCaret: fields.charBeforeCaret,
    copyText: (text) => copyToClipboard(text, copyRoot),
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
      const field = fields.asFieldId(entry.field ?? '');
      sendMessage('logAudit', { ...entry, platform: adapter.platform, field }).catch(logFailure('audit log'));
    },
    saveCollapsed: (collapsed) => {
      saveSidebarCollapsed(adapter.platform, collapsed).catch(logFailure('save collapsed'));
    },
    schedule: (callback) => {
      ctx.requestAnimationFrame(() => callback());
    },
    approvals: {
      getApproval: async (draft) => {
        const input = draftInput(draft);
        return input && ctx.isValid ? sendMessage('getDraftApproval', input) : null;
      },
      submit: async (draft) => {
        const input = draftInput(draft);
        return input ? sendMessage('submitDraft', input) : null;
      },
      delay: (callback, ms) => {
        const timer = ctx.setTimeout(callback, ms);
        return () => clearTimeout(timer);
      },
      onError: (scope, error) => log.warn(scope, error),
    },
    bigTeam: {
      listRequests: () => sendMessage('listRequests', { platform: adapter.platform }),
      listReplyTemplates: () => sendMessage('listReplyTemplates', { platform: adapter.platform }),
      replyInserted: (templateId) => {
        sendMessage('replyInserted', { templateId, platform: adapter.platform }).catch(
          logFailure('reply inserted'),
        );
      },
      onError: (scope, error) => log.warn(scope, error),
    },
  });
  model.collapsed.value = settings.collapsed ?? false;
  model.identity.value = settings.identity;
  ctx.onInvalidated(() => model.dispose());

  const marksEnabled = signal(settings.marks);
  let sources: { bundle: unknown; byRule: Map<string, string> } | null = null;
  const session: SidebarSession = {
    ctx,
    adapter,
    model,
    fields,
    setCopyRoot: (root) => {
      copyRoot = root;
    },
    marksEnabled,
    ruleSource: (ruleId) => {
      const bundle = rules.bundle;
      if (!bundle) return null;
      if (sources?.bundle !== bundle)
        sources = {
          bundle,
          byRule: new Map(bundle.guidelines.flatMap((rule) => (rule.source ? [[rule.id, rule.source]] : []))),
        };
      return sources.byRule.get(ruleId) ?? null;
    },
    showInSidebar: async (id) => {
      await mount();
      // The admin asked to see the panel: expanded, and remembered as their choice.
      if (model.collapsed.value) model.toggleCollapsed();
      host.place();
      host.revealFinding(id);
    },
  };
  const host = createHost(session);

  const refreshHealth = () => {
    const report = health(adapter, document, overrides());
    model.setRecognised(report.recognised || fields.found.size > 0, report.summary);
    log.debug('composer', report.summary);
  };

  // ---------------------------------------------------------------- library and rules
  const loadLibrary = async () => {
    try {
      const [{ bundle }, literals] = await Promise.all([
        sendMessage('getLibrary'),
        sendMessage('patternLiterals'),
      ]);
      rules.load(bundle, literals);
      const view = sidebarLibrary(bundle, settings.identity.agencyId);
      model.agencies.value = view.agencies;
      model.captions.value = view.captions;
      model.hashtagSets.value = view.hashtagSets;
      model.libraryReady.value = true;
      watch.setOverrides(overrides());
      model.recheckAll();
      void model.refreshBigTeam();
    } catch (error) {
      log.error('library', error);
      model.notice.value = {
        kind: 'error',
        message: 'sidebar.reason.library',
        params: { detail: error instanceof Error ? error.message : String(error) },
      };
    }
  };
  let libraryVersion: string | null = null;
  ctx.onInvalidated(
    watchLibraryVersion((version) => {
      if (version === libraryVersion) return;
      libraryVersion = version;
      void loadLibrary();
    }),
  );

  ctx.onInvalidated(
    watchSidebarSettings(adapter.platform, (next) => {
      const agencyChanged = next.identity.agencyId !== settings.identity.agencyId;
      const languageChanged = next.language !== settings.language;
      if (next.debug !== settings.debug) setDebugLogging(next.debug);
      settings = next;
      language.value = next.language;
      marksEnabled.value = next.marks;
      model.identity.value = next.identity;
      model.collapsed.value = next.collapsed ?? model.collapsed.value;
      if (agencyChanged && rules.bundle)
        model.hashtagSets.value = sidebarLibrary(rules.bundle, next.identity.agencyId).hashtagSets;
      // The agency changes the rules' context; findings' messages are written in the UI language.
      if (agencyChanged || languageChanged) model.recheckAll();
    }),
  );

  // ---------------------------------------------------------------- the composer
  let mounting: Promise<void> | null = null;
  const mount = (): Promise<void> => {
    mounting ??= host.mount().then(() => {
      model.shown.value = true;
      refreshHealth();
      model.recheckAll();
      host.place();
    });
    return mounting;
  };
  const open = () => {
    if (!host.isMounted()) mount().catch((error: unknown) => log.error('mount sidebar', error));
  };
  const watch = watchFields({
    ctx,
    adapter,
    fields,
    overrides,
    on: {
      changed: (fieldId) => model.scheduleCheck(fieldId),
      fieldsChanged: (fieldId, present) => {
        if (!present) model.checkNow(fieldId);
        if (!host.isMounted()) return;
        refreshHealth();
        if (present) host.place();
      },
      focused: (fieldId) => {
        if (fieldId) model.focusField(fieldId);
        open();
      },
    },
  });
  void loadLibrary();
  ctx.addEventListener(window, 'resize', () => host.place());

  // The admin pressed the platform's own post button: the background marks done the requests the
  // post's text still matches (docs/contracts.md). A reply is never a request's post.
  watchPostButtons(ctx, adapter.postButtons, () => {
    for (const fieldId of fields.found.keys()) {
      const text = isReplyField(fieldId) ? null : fields.read(fieldId);
      if (!text?.trim()) continue;
      sendMessage('composerPosted', { platform: adapter.platform, text })
        .then(({ doneRequestIds }) => {
          if (doneRequestIds.length > 0) void model.refreshBigTeam();
        })
        .catch(logFailure('composer posted'));
    }
  });

  // ---------------------------------------------------------------- the popup's questions
  /** Keyboard command / popup: open if closed, else collapse or expand; focus the toggle. */
  const toggle = async () => {
    if (!host.isMounted()) {
      await mount();
      model.collapsed.value = false;
    } else model.toggleCollapsed();
    host.place();
    host.focusToggle();
  };
  const draftState = (): DraftState | null => {
    const draft = model.approvalDraft.value;
    if (!host.isMounted() && fields.found.size === 0) return null;
    const { verdict, score } = model.summary.value;
    return {
      platform: adapter.platform,
      field: draft && fields.found.size > 0 ? (fields.asFieldId(draft.field) ?? null) : null,
      text: draft?.text ?? '',
      verdict,
      score,
      approval: model.approval.value?.status ?? 'not-submitted',
    };
  };
  ctx.onInvalidated(onMessage('getDraftState', () => draftState()));
  ctx.onInvalidated(onMessage('toggleSidebar', () => toggle()));
  return session;
}
