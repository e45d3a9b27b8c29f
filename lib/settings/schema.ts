import { z } from 'zod';
import type { MessageKey } from '@/lib/i18n';
import { LANGUAGES } from '@/lib/i18n/types';
import { PLATFORM_IDS, type PlatformId } from '@/lib/platforms/types';
import { HANDLE_RULES } from './handles';

/**
 * The admin's settings (storage.local). The schema is the type, and it is also the validation of
 * the options form and of imported files: every custom error message is an i18n key
 * (`options.error.*`) that the page translates and shows next to the field the issue's path names.
 */

/** Hosts allowed over plain http, for testing against a local server only. */
export const LOCAL_HOSTS = ['localhost', '127.0.0.1'] as const;

/** Why `value` is not an acceptable library URL, or null when it is. */
export function libraryUrlError(value: string): MessageKey | null {
  if (!URL.canParse(value)) return 'options.error.url.invalid';
  const url = new URL(value);
  if (url.username || url.password) return 'options.error.url.credentials';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && (LOCAL_HOSTS as readonly string[]).includes(url.hostname)) return null;
  return 'options.error.url.https';
}

export const LibraryUrlSchema = z
  .string()
  .max(2048, { error: 'options.error.url.invalid' })
  .superRefine((value, ctx) => {
    const error = libraryUrlError(value);
    if (error) ctx.addIssue({ code: 'custom', message: error });
  });

/** One coordinate of a P-256 point: 32 bytes in unpadded base64url are exactly 43 characters. */
const Coordinate = z.string({ error: 'options.error.key.coordinates' }).regex(/^[A-Za-z0-9_-]{43}$/, {
  error: 'options.error.key.coordinates',
});

/**
 * The bureau's ECDSA P-256 public key as a JWK. Only the public members are kept (other members such
 * as `kid` or `key_ops` are dropped); a private key (`d`) is refused outright, so a key that could
 * sign bundles is never stored in an admin's browser. `verifyPublicKey` also imports it with
 * WebCrypto, which checks that the point is on the curve.
 */
export const PublicKeyJwkSchema = z.object(
  {
    // First, so that a pasted private key is called what it is before any other complaint.
    d: z.never({ error: 'options.error.key.private' }).optional(),
    kty: z.literal('EC', { error: 'options.error.key.kty' }),
    crv: z.literal('P-256', { error: 'options.error.key.crv' }),
    x: Coordinate,
    y: Coordinate,
  },
  { error: 'options.error.key.json' },
);
export type PublicKeyJwk = z.infer<typeof PublicKeyJwkSchema>;

export const LibrarySourceSchema = z
  .object({
    /** https URL of the signed bundle (localhost allowed for testing); null = the embedded default. */
    url: LibraryUrlSchema.nullable().default(null),
    /** The bureau's ECDSA P-256 public key (JWK) that signs the bundle; null with url null. */
    publicKey: PublicKeyJwkSchema.nullable().default(null),
  })
  .superRefine((source, ctx) => {
    // A remote bundle is only trusted with the key that signs it; a key without a URL means nothing.
    if (source.url !== null && source.publicKey === null)
      ctx.addIssue({ code: 'custom', path: ['publicKey'], message: 'options.error.key.required' });
    if (source.url === null && source.publicKey !== null)
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'options.error.url.required' });
  });
export type LibrarySource = z.infer<typeof LibrarySourceSchema>;

/** A desk agency token as the bureau issues it: RFC 6750 bearer-token characters. */
export const DESK_TOKEN_PATTERN = /^[A-Za-z0-9._~+/-]{8,512}={0,2}$/;

/**
 * The bureau's desk: when both are set, submissions go to `${url}/api/submissions` with the token
 * as a bearer credential (docs/desk.md); both null = the library's own submit endpoint.
 */
export const DeskSchema = z
  .object({
    url: LibraryUrlSchema.nullable().default(null),
    token: z
      .string()
      .trim()
      .regex(DESK_TOKEN_PATTERN, { error: 'options.error.desk.token' })
      .nullable()
      .default(null),
  })
  .superRefine((desk, ctx) => {
    if (desk.url !== null && desk.token === null)
      ctx.addIssue({ code: 'custom', path: ['token'], message: 'options.error.desk.tokenRequired' });
    if (desk.url === null && desk.token !== null)
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'options.error.desk.urlRequired' });
  });
export type DeskSettings = z.infer<typeof DeskSchema>;

const handle = (platform: PlatformId) =>
  z.string().regex(HANDLE_RULES[platform].pattern, { error: HANDLE_RULES[platform].message }).optional();

export const HandlesSchema = z.object({
  facebook: handle('facebook'),
  instagram: handle('instagram'),
  youtube: handle('youtube'),
}) satisfies z.ZodType<Partial<Record<PlatformId, string>>>;

export const IdentitySchema = z.object({
  /** An agency id of the library's directory; null until the admin has chosen one (first run). */
  agencyId: z.string().min(1, { error: 'options.error.agency' }).max(200).nullable().default(null),
  adminName: z.string().trim().max(120, { error: 'options.error.tooLong' }).default(''),
  adminRole: z.string().trim().max(120, { error: 'options.error.tooLong' }).default(''),
  /** The agency's own accounts, one handle per platform (Facebook page username, @youtube, …). */
  handles: HandlesSchema.default({}),
});
export type Identity = z.infer<typeof IdentitySchema>;

export const PlatformSwitchesSchema = z.object({
  facebook: z.boolean(),
  instagram: z.boolean(),
  youtube: z.boolean(),
}) satisfies z.ZodType<Record<PlatformId, boolean>>;

export const SettingsSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  identity: IdentitySchema.default(IdentitySchema.parse({})),
  library: LibrarySourceSchema.default(LibrarySourceSchema.parse({})),
  language: z.enum(LANGUAGES).default('id'),
  /** Where Satu Pintu is active; a switched-off platform gets no sidebar. */
  platforms: PlatformSwitchesSchema.default({ facebook: true, instagram: true, youtube: true }),
  /** Collapsed state of the sidebar, remembered per platform. */
  sidebarCollapsed: z.partialRecord(z.enum(PLATFORM_IDS), z.boolean()).default({}),
  desk: DeskSchema.default(DeskSchema.parse({})),
  /** Inline marks over the composer's text, per platform (the sidebar shows findings either way). */
  marks: PlatformSwitchesSchema.default({ facebook: true, instagram: true, youtube: true }),
  /** Technical detail in the console (lib/log.ts); off for admins. */
  debug: z.boolean().default(false),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** The object schema inside a `.default(...)` wrapper, if it is one. */
function objectInside(schema: z.ZodType): z.ZodObject | null {
  const inner = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
  return inner instanceof z.ZodObject ? inner : null;
}

/**
 * Keep every valid part of `raw`, replacing only what is malformed by its default: one bad handle
 * must not cost the admin the agency, the library source and the language. Object fields are
 * salvaged recursively (identity.handles.facebook survives a bad identity.handles.instagram); what
 * is kept is parsed by the full schema, so cross-field rules (URL needs a key) still hold.
 */
function salvage(schema: z.ZodObject, raw: unknown): Record<string, unknown> {
  const source =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    if (!(key in source)) continue;
    if (field.safeParse(source[key]).success) kept[key] = source[key];
    else {
      const inner = objectInside(field);
      if (inner) kept[key] = salvage(inner, source[key]);
    }
  }
  const whole = schema.safeParse(kept);
  if (whole.success) return kept;
  // A cross-field rule failed on the salvaged parts: drop the fields it names.
  for (const issue of whole.error.issues) if (issue.path.length > 0) delete kept[String(issue.path[0])];
  return kept;
}

/** Read whatever is stored (any older or damaged shape) as valid settings; never throws. */
export function parseStoredSettings(raw: unknown): Settings {
  const direct = SettingsSchema.safeParse(raw);
  if (direct.success) return direct.data;
  const parsed = SettingsSchema.safeParse(salvage(SettingsSchema, raw));
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
