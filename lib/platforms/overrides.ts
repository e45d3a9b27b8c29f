import { z } from 'zod';
import { FIELD_IDS } from './types';

/** One strategy as the signed library writes it. */
export const SelectorStrategySchema = z.object({
  name: z.string().min(1).max(120),
  selector: z.string().min(1).max(2000),
});

/**
 * Per-field selector overrides from the signed library (for the library bundle's
 * `platforms.<id>.selectors`): tried before the adapter's built-in strategies, so a platform
 * redesign is fixed centrally without a release. Validated where the bundle is parsed (background);
 * the content script only imports the type, which keeps zod out of its bundle.
 */
export const SelectorOverridesSchema = z.partialRecord(z.enum(FIELD_IDS), z.array(SelectorStrategySchema));
export type SelectorOverrides = z.infer<typeof SelectorOverridesSchema>;
