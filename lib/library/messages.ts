import { z } from 'zod';
import { PLATFORM_IDS } from '@/lib/platforms/types';

/** The `searchCaptions` message payload, parsed at the boundary (a content script sends it). */
export const CaptionSearchSchema = z.object({
  query: z.string().max(500).optional(),
  platform: z.enum(PLATFORM_IDS).optional(),
  agencyId: z.string().max(100).optional(),
  tag: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
  includeOutOfDate: z.boolean().optional(),
});
export type CaptionSearch = z.infer<typeof CaptionSearchSchema>;

export const LibrarySourceInputSchema = z.object({
  url: z.string(),
  publicKey: z.record(z.string(), z.unknown()),
});

/** `confirmLibrarySwitch`: the library id the admin accepts in place of the pinned one. */
export const LibrarySwitchSchema = z.object({
  libraryId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(100),
});
