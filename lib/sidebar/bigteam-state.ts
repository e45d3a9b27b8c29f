import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { PpidContact, ReplyTemplate, RequestView } from '@/lib/bigteam/types';
import { fillPlaceholders, placeholderNames } from '@/lib/library/placeholders';
import type { AuditEntry } from './model-types';

/** What the big-team part of the sidebar asks the background (plain functions in unit tests). */
export interface BigTeamDeps {
  listRequests(): Promise<RequestView[]>;
  listReplyTemplates(): Promise<ReplyTemplate[]>;
  /** A template went into a reply box: counted locally (replies never get the approval flow). */
  replyInserted(templateId: string): void;
  onError(scope: string, error: unknown): void;
}

/** A reply template as the sidebar shows it: the text insert puts in, and what is still missing. */
export interface ReplyEntry {
  template: ReplyTemplate;
  text: string;
  missing: string[];
  /** Placeholders the admin types (the citizen's name); the agency's come from the library. */
  inputs: string[];
  values: Record<string, string>;
}

/** Names filled from the agency's library entry, never typed by the admin. */
const FROM_AGENCY = /^(agency|ppid)_/;

/**
 * Amplification requests (top of the library panel) and approved reply templates (when a comment
 * or reply box has the focus). Requests insert into the post's main field, templates into the
 * reply box, both through the sidebar's one insert path (`runInsert`).
 */
export function createBigTeamState(options: {
  deps: BigTeamDeps | undefined;
  agency: ReadonlySignal<{ name: string; shortName?: string; ppid?: PpidContact } | null>;
  captionTarget(): string | null;
  runInsert(
    field: string | null,
    text: string,
    audit: Pick<AuditEntry, 'captionId' | 'hashtagSetId'>,
  ): Promise<boolean>;
}) {
  const { deps, agency } = options;
  const requests = signal<RequestView[]>([]);
  const replyTemplates = signal<ReplyTemplate[]>([]);
  const replyInputs = signal<Record<string, Record<string, string>>>({});

  const replyList = computed((): ReplyEntry[] => {
    const current = agency.value;
    return replyTemplates.value.map((template) => {
      const values: Record<string, string> = { ...(replyInputs.value[template.id] ?? {}) };
      if (current) {
        values.agency_name = current.name;
        if (current.shortName) values.agency_shortname = current.shortName;
        if (current.ppid) {
          values.ppid_name = current.ppid.name;
          values.ppid_contact = current.ppid.contact;
        }
      }
      const filled = fillPlaceholders(template.text, values);
      return {
        template,
        text: filled.text,
        missing: filled.missing,
        inputs: placeholderNames(template.text).filter((name) => !FROM_AGENCY.test(name)),
        values: replyInputs.value[template.id] ?? {},
      };
    });
  });

  const guard = async <T>(scope: string, load: () => Promise<T>): Promise<T | null> => {
    try {
      return await load();
    } catch (error) {
      deps?.onError(scope, error);
      return null;
    }
  };

  return {
    requests,
    replyTemplates,
    replyList,
    /** Asks the background again (library synced, sidebar shown, a post button pressed). */
    async refreshBigTeam(): Promise<void> {
      if (!deps) return;
      const [nextRequests, nextTemplates] = await Promise.all([
        guard('requests', () => deps.listRequests()),
        guard('reply templates', () => deps.listReplyTemplates()),
      ]);
      if (nextRequests) requests.value = nextRequests;
      if (nextTemplates) replyTemplates.value = nextTemplates;
    },
    setReplyInput(templateId: string, name: string, value: string) {
      replyInputs.value = {
        ...replyInputs.value,
        [templateId]: { ...(replyInputs.value[templateId] ?? {}), [name]: value },
      };
    },
    async insertRequest(requestId: string): Promise<boolean> {
      const request = requests.value.find((candidate) => candidate.id === requestId);
      if (!request) return false;
      return options.runInsert(options.captionTarget(), request.text, { captionId: request.captionId });
    },
    async insertReply(templateId: string): Promise<boolean> {
      const entry = replyList.value.find((candidate) => candidate.template.id === templateId);
      if (!entry || entry.missing.length > 0) return false;
      const ok = await options.runInsert('reply', entry.text, {});
      if (ok) deps?.replyInserted(templateId);
      return ok;
    },
  };
}
