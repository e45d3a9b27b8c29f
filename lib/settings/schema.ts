import { z } from 'zod';
import { LANGUAGES } from '@/lib/i18n/types';
import { PLATFORM_IDS } from '@/lib/platforms/types';

/**
 * The admin's settings (storage.local). The schema is the type; every read goes through
 * `SettingsSchema.safeParse` and falls back to the defaults field by field.
 */
export const LibrarySourceSchema = z.object({
  /** https URL of the signed bundle (localhost allowed for testing); null = the embedded default. */
  url: z.string().url().nullable().default(null),
  /** The bureau's ECDSA P-256 public key (JWK) that signs the bundle. */
  publicKey: z.record(z.string(), z.unknown()).nullable().default(null),
});

export const IdentitySchema = z.object({
  agencyId: z.string().nullable().default(null),
  adminName: z.string().max(120).default(''),
  adminRole: z.string().max(120).default(''),
  handles: z.partialRecord(z.enum(PLATFORM_IDS), z.string().max(100)).default({}),
});

export const SettingsSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  identity: IdentitySchema.default(IdentitySchema.parse({})),
  library: LibrarySourceSchema.default(LibrarySourceSchema.parse({})),
  language: z.enum(LANGUAGES).default('id'),
  platforms: z
    .object({ facebook: z.boolean(), instagram: z.boolean(), youtube: z.boolean() })
    .default({ facebook: true, instagram: true, youtube: true }),
  /** Collapsed state of the sidebar, remembered per platform. */
  sidebarCollapsed: z.partialRecord(z.enum(PLATFORM_IDS), z.boolean()).default({}),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});
