import { z } from 'zod';
import { DECISION_STATUSES } from '@/lib/approvals/types';
import {
  type AmplificationRequest,
  type CommitmentText,
  type PpidContact,
  REPLY_SITUATIONS,
  REQUEST_PRIORITIES,
  type ReplyTemplate,
} from '@/lib/bigteam/types';
import { DraftsModelFileSchema } from '@/lib/guidelines/model/drafts-schema';
import { AbuseModelFileSchema } from '@/lib/guidelines/model/schema';
import { RuleSchema } from '@/lib/guidelines/schema';
import { FIELD_IDS, PLATFORM_IDS } from '@/lib/platforms/types';
import { isSafeSubmitEndpoint } from './endpoint-url';

/**
 * The central library bundle (`satu-pintu/library@1`). The schema is the type: every bundle that
 * comes from the network, the disk or the database goes through `LibraryBundleSchema.safeParse`.
 * A new incompatible shape gets a new format string (`@2`) and a converter, never a silent change.
 */
export const LIBRARY_FORMAT = 'satu-pintu/library@1';

/** Dates as the bureau writes them: a day (`2026-08-17`) or an ISO date-time with an offset. */
const DateLike = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const DateTime = z.iso.datetime({ offset: true });
const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and "-"');
const Hashtag = z.string().regex(/^#[\p{L}\p{N}_]+$/u, 'a hashtag such as #PemprovKalbar');
const PlatformIdSchema = z.enum(PLATFORM_IDS);

/** The agency's information officer (PPID), filled into reply templates (`{{ppid.*}}`). */
export const PpidContactSchema = z.object({
  name: z.string().min(1).max(200),
  contact: z.string().min(1).max(500),
}) satisfies z.ZodType<PpidContact>;

export const AGENCY_KINDS = [
  'sekretariat',
  'biro',
  'dinas',
  'badan',
  'inspektorat',
  'satuan',
  'rumah-sakit',
  'lainnya',
] as const;

export const AgencySchema = z.object({
  id: Slug,
  /** The official name, e.g. "Dinas Kesehatan Provinsi Kalimantan Barat". */
  name: z.string().min(1),
  /** The standard abbreviation, e.g. "Dinkes Kalbar". */
  shortName: z.string().min(1),
  kind: z.enum(AGENCY_KINDS),
  handles: z.partialRecord(PlatformIdSchema, z.string().min(1)).default({}),
  requiredHashtags: z.array(Hashtag).default([]),
  /** Official service numbers this agency may publish (the personal-data rule allows them). */
  officialPhones: z.array(z.string().min(2)).default([]),
  /** The name still has to be confirmed by the bureau (nomenclature changes with regulations). */
  toConfirm: z.boolean().optional(),
  ppid: PpidContactSchema.optional(),
});

export const CaptionSchema = z.object({
  id: Slug,
  title: z.string().min(1),
  /** Placeholders: {{agency.name}} {{agency.shortName}} {{date}} {{location}} (see placeholders.ts). */
  text: z.string().min(1),
  platforms: z.array(PlatformIdSchema).min(1),
  /** Agency ids the caption is for; empty = every agency. */
  agencies: z.array(Slug).default([]),
  tags: z.array(z.string().min(1)).default([]),
  validFrom: DateLike.optional(),
  validUntil: DateLike.optional(),
  approvedBy: z.string().min(1),
  approvedAt: DateLike,
});

export const HashtagSetSchema = z.object({
  id: Slug,
  kind: z.enum(['required', 'recommended', 'campaign']),
  title: z.string().min(1),
  hashtags: z.array(Hashtag).min(1),
  /** Agency ids; empty = every agency. */
  agencies: z.array(Slug).default([]),
  platforms: z.array(PlatformIdSchema).optional(),
  validFrom: DateLike.optional(),
  validUntil: DateLike.optional(),
});

export const ApprovalRecordSchema = z.object({
  /** SHA-256 of the normalised text (lib/approvals/fingerprint.ts), 64 lowercase hex digits. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hexadecimal digits'),
  status: z.enum(DECISION_STATUSES),
  reviewer: z.string().min(1),
  note: z.string().optional(),
  decidedAt: DateTime,
  expiresAt: DateLike.optional(),
});

/** A library post the bureau asks agencies to share (docs/big-team.md). */
export const AmplificationRequestSchema = z.object({
  id: Slug,
  title: z.string().min(1).max(200),
  captionId: Slug,
  hashtagSetId: Slug.optional(),
  link: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  mediaNote: z.string().min(1).max(500).optional(),
  agencies: z.array(Slug).default([]),
  platforms: z.array(PlatformIdSchema).default([]),
  from: DateLike,
  until: DateLike,
  priority: z.enum(REQUEST_PRIORITIES).default('normal'),
}) satisfies z.ZodType<AmplificationRequest>;

/** An approved reply to a citizen; placeholders in lib/bigteam/reply-placeholders.ts. */
export const ReplyTemplateSchema = z.object({
  id: Slug,
  title: z.string().min(1).max(200),
  situation: z.enum(REPLY_SITUATIONS),
  platforms: z.array(PlatformIdSchema).default([]),
  text: z.string().min(1).max(5000),
  source: z.string().min(1).max(500).optional(),
}) satisfies z.ZodType<ReplyTemplate>;

export const CommitmentTextSchema = z.object({
  version: z.string().min(1).max(100),
  text: z.string().min(1).max(20_000),
}) satisfies z.ZodType<CommitmentText>;

export const SelectorOverrideSchema = z.object({ name: z.string().min(1), selector: z.string().min(1) });

/** Per-platform overrides for the adapters; limits live in the `limit` guideline rules (one source). */
export const PlatformOverridesSchema = z.object({
  selectors: z.partialRecord(z.enum(FIELD_IDS), z.array(SelectorOverrideSchema)).optional(),
  notes: z.string().optional(),
});

export const LibraryBundleSchema = z.object({
  format: z.literal(LIBRARY_FORMAT),
  id: Slug,
  /** Only goes up: clients refuse a bundle whose version is not greater than the one they hold. */
  version: z.int().positive(),
  issuedAt: DateTime,
  expiresAt: DateTime,
  publisher: z.string().min(1),
  agencies: z.array(AgencySchema),
  guidelines: z.array(RuleSchema),
  captions: z.array(CaptionSchema),
  hashtagSets: z.array(HashtagSetSchema),
  /** Hashtags no agency account may use (hijacked, political, gambling spam). */
  bannedHashtags: z.array(Hashtag).default([]),
  approvals: z.array(ApprovalRecordSchema).default([]),
  platforms: z.partialRecord(PlatformIdSchema, PlatformOverridesSchema).default({}),
  /** Where the extension POSTs submissions: https, or http on the loopback interface for testing. */
  endpoints: z
    .object({
      submit: z
        .url({ protocol: /^https?$/ })
        .refine(isSafeSubmitEndpoint, 'https only (http on localhost for testing)')
        .optional(),
    })
    .default({}),
  /**
   * Who admins contact when the library cannot be updated (shown in sync errors): the bureau's name
   * and how to reach it. Optional; without it the messages name the `publisher`.
   */
  contact: z
    .object({
      name: z.string().min(1).max(200),
      phone: z.string().max(100).optional(),
      email: z.string().max(200).optional(),
      url: z.string().max(500).optional(),
    })
    .optional(),
  allowlists: z
    .object({ phones: z.array(z.string()).default([]), domains: z.array(z.string()).default([]) })
    .default({ phones: [], domains: [] }),
  /** Amplification requests, approved reply templates and the commitment text (docs/big-team.md). */
  requests: z.array(AmplificationRequestSchema).default([]),
  replyTemplates: z.array(ReplyTemplateSchema).default([]),
  commitment: CommitmentTextSchema.optional(),
  /** Statistical models (SRC/models/*.json); a model that fails its schema or checksum refuses the bundle. */
  models: z
    .object({ abuse: AbuseModelFileSchema.optional(), drafts: DraftsModelFileSchema.optional() })
    .optional(),
});

export type LibraryBundle = z.infer<typeof LibraryBundleSchema>;
export type Agency = z.infer<typeof AgencySchema>;
export type Caption = z.infer<typeof CaptionSchema>;
export type HashtagSet = z.infer<typeof HashtagSetSchema>;
export type ApprovalRecord = z.infer<typeof ApprovalRecordSchema>;
export type PlatformOverrides = z.infer<typeof PlatformOverridesSchema>;

/** `captions[3].platforms[0]` — where a schema issue is, as a person would point at it. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

/** The first schema problem of a bundle as "path: message", or null when it is valid. */
export function describeSchemaError(error: z.ZodError): { path: string; message: string } {
  const issue = error.issues[0];
  return { path: issue ? formatIssuePath(issue.path) : '(root)', message: issue?.message ?? 'invalid' };
}
