import businessSuite from './business-suite';
import facebook from './facebook';
import instagram from './instagram';
import type { AdapterId, PlatformAdapter, PlatformId } from './types';
import youtube from './youtube';

/** Every adapter, keyed by its id: a missing one does not compile. */
export const ADAPTERS: Record<AdapterId, PlatformAdapter> = {
  facebook,
  'business-suite': businessSuite,
  instagram,
  youtube,
};

/** The main adapter of each platform (its match patterns are the platform's host permissions). */
export const PLATFORMS: Record<PlatformId, PlatformAdapter> = { facebook, instagram, youtube };

/** The adapter for a page (hosts do not overlap: business.facebook.com is Business Suite's). */
export function detectPlatform(url: URL): PlatformAdapter | undefined {
  return Object.values(ADAPTERS).find((adapter) => adapter.detect(url));
}
