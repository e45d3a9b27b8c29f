import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { tagList } from '@/lib/guidelines/measure';
import { fillPlaceholders, placeholderNames } from '@/lib/library/placeholders';
import { asHashtag, hashtagInsertText, hashtagKey, planHashtagInsert } from './hashtags';
import { type CaptionView, type HashtagSetView, visibleCaptions, visibleHashtagSets } from './library-view';
import type { AgencyInfo, AuditEntry, IdentityInfo, Notice, SidebarDeps } from './model-types';
import { placeholderValues } from './placeholders';

type LibraryDeps = Pick<
  SidebarDeps,
  'platform' | 'readField' | 'limits' | 'charBeforeCaret' | 'today' | 'formatDayDate'
> & {
  identity: ReadonlySignal<IdentityInfo | null>;
  agency: ReadonlySignal<AgencyInfo | null>;
  activeField: ReadonlySignal<string | null>;
  notice: { value: Notice | null };
  /** Captions go into the last-focused free-text field (a tag input cannot take a caption). */
  captionTarget(): string | null;
  isTagInput(field: string): boolean;
  /** The one insert path (busy guard, notice, audit, re-check): see sidebar-model.ts. */
  runInsert(
    field: string | null,
    text: string,
    audit: Pick<AuditEntry, 'captionId' | 'hashtagSetId'>,
  ): Promise<boolean>;
};

/**
 * The library as the sidebar offers it: search, captions with their placeholders filled (what
 * insert puts in is exactly what is shown), hashtag sets, and inserting them.
 */
export function createLibraryActions(deps: LibraryDeps) {
  const query = signal('');
  const captions = signal<readonly CaptionView[]>([]);
  const hashtagSets = signal<readonly HashtagSetView[]>([]);
  const libraryReady = signal(false);
  const adminInputs = signal<Record<string, Record<string, string>>>({});

  const context = computed(() => ({
    platform: deps.platform,
    agencyId: deps.identity.value?.agencyId ?? null,
    now: deps.today(),
  }));

  const knownValues = computed(() =>
    placeholderValues({
      dayDate: deps.formatDayDate(deps.today()),
      agency: deps.agency.value,
      identity: deps.identity.value,
      platform: deps.platform,
    }),
  );

  /** Captions as shown: the filled text (what insert puts in) and the inputs still needed. */
  const captionList = computed(() =>
    visibleCaptions(captions.value, context.value, query.value).map((caption) => {
      const inputs = adminInputs.value[caption.id] ?? {};
      const values = { ...knownValues.value, ...placeholderValues({ dayDate: '', admin: inputs }) };
      const filled = fillPlaceholders(caption.text, values);
      const needsAdmin = placeholderNames(caption.text).filter((name) => !(name in knownValues.value));
      return { caption, text: filled.text, missing: filled.missing, inputs: needsAdmin, values: inputs };
    }),
  );

  const hashtagSetList = computed(() => visibleHashtagSets(hashtagSets.value, context.value, query.value));

  /** YouTube tags: committed one by one, without '#', skipping tags already in the list. */
  async function insertTags(field: string, setId: string, tags: readonly string[]): Promise<boolean> {
    const current = new Set(
      tagList(deps.readField(field) ?? '')
        .map(hashtagKey)
        .filter(Boolean),
    );
    const missing = tags.map((tag) => asHashtag(tag).slice(1)).filter((tag) => !current.has(hashtagKey(tag)));
    if (missing.length === 0) {
      deps.notice.value = { kind: 'info', message: 'sidebar.notice.hashtagsPresent' };
      return false;
    }
    return deps.runInsert(field, missing.join(','), { hashtagSetId: setId });
  }

  return {
    query,
    captions,
    hashtagSets,
    libraryReady,
    captionList,
    hashtagSetList,
    setAdminInput(captionId: string, name: string, value: string) {
      adminInputs.value = {
        ...adminInputs.value,
        [captionId]: { ...adminInputs.value[captionId], [name]: value },
      };
    },
    async insertCaption(captionId: string): Promise<boolean> {
      const entry = captionList.value.find((item) => item.caption.id === captionId);
      if (!entry) return false;
      if (entry.missing.length > 0) {
        deps.notice.value = {
          kind: 'error',
          message: 'sidebar.notice.fillPlaceholders',
          params: { names: entry.missing.join(', ') },
        };
        return false;
      }
      return deps.runInsert(deps.captionTarget(), entry.text, { captionId });
    },
    async insertHashtagSet(setId: string): Promise<boolean> {
      const entry = hashtagSetList.value.find((item) => item.set.id === setId);
      if (!entry) return false;
      const field = deps.activeField.value ?? deps.captionTarget();
      if (field !== null && deps.isTagInput(field)) return insertTags(field, setId, entry.set.tags);
      const text = field === null ? '' : (deps.readField(field) ?? '');
      const plan = planHashtagInsert(
        entry.set.tags,
        text,
        field === null ? null : (deps.limits(field).hashtags ?? null),
      );
      if (plan.add.length === 0) {
        deps.notice.value = {
          kind: 'info',
          message: plan.overCap.length > 0 ? 'sidebar.notice.hashtagCap' : 'sidebar.notice.hashtagsPresent',
          params: { count: plan.overCap.length },
        };
        return false;
      }
      const insert = hashtagInsertText(plan.add, field === null ? '' : deps.charBeforeCaret(field));
      const ok = await deps.runInsert(field, insert, { hashtagSetId: setId });
      if (ok && plan.overCap.length > 0)
        deps.notice.value = {
          kind: 'info',
          message: 'sidebar.notice.hashtagCap',
          params: { count: plan.overCap.length },
        };
      return ok;
    },
  };
}
