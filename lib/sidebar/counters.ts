import { codePointLength, countMentions, utf8Length, youtubeTagsLength } from '@/lib/guidelines/measure';
import type { FieldLimits } from '@/lib/guidelines/types';
import { extractHashtags } from './hashtags';

export const COUNTER_KINDS = ['chars', 'bytes', 'hashtags', 'mentions'] as const;
export type CounterKind = (typeof COUNTER_KINDS)[number];

export interface Counter {
  kind: CounterKind;
  value: number;
  limit: number | null;
  over: boolean;
}

// Counted exactly as the engine's limit rules count them.
export { countMentions };

/**
 * Characters are counted as code points (an emoji is one character to the admin and to the
 * platforms' counters), bytes as UTF-8 (YouTube's description limit is in bytes).
 */
export function measure(text: string, tagField = false): Record<CounterKind, number> {
  return {
    chars: tagField ? youtubeTagsLength(text) : codePointLength(text),
    bytes: utf8Length(text),
    hashtags: extractHashtags(text).length,
    mentions: countMentions(text),
  };
}

/**
 * The counters to show for a field: characters always, the others only when the platform limits
 * them (a hashtag counter on a YouTube title with no hashtag limit is noise).
 */
export function fieldCounters(text: string, limits: FieldLimits): Counter[] {
  const tagField = typeof limits.tagChars === 'number';
  const values = measure(text, tagField);
  return COUNTER_KINDS.filter((kind) => kind === 'chars' || typeof limits[kind] === 'number').map((kind) => {
    const limit = (kind === 'chars' && tagField ? limits.tagChars : limits[kind]) ?? null;
    return { kind, value: values[kind], limit, over: limit !== null && values[kind] > limit };
  });
}
