import facebook from './facebook';
import instagram from './instagram';
import type { PlatformAdapter, PlatformId } from './types';
import youtube from './youtube';

/** Every adapter, keyed by id: a missing one does not compile. */
export const PLATFORMS: Record<PlatformId, PlatformAdapter> = { facebook, instagram, youtube };

export function detectPlatform(url: URL): PlatformAdapter | undefined {
  return Object.values(PLATFORMS).find((adapter) => adapter.detect(url));
}
