/**
 * Hashtag arithmetic for the sidebar: what a text already has, and what inserting a set may add.
 * Pure (no DOM) so it is unit-tested on plain strings.
 */

import { extractHashtags } from '@/lib/guidelines/measure';

// The same hashtag definition as the engine's limit rules (lib/guidelines/measure.ts).
export { extractHashtags };

/** Platforms compare hashtags case-insensitively (#PemprovKalbar is #pemprovkalbar). */
export function hashtagKey(tag: string): string {
  return tag.replace(/^#/, '').toLocaleLowerCase('id');
}

/** A set's entry written with its '#', whatever the library stored ("PemprovKalbar" or "#PemprovKalbar"). */
export function asHashtag(tag: string): string {
  const bare = tag.trim().replace(/^#+/, '');
  return `#${bare}`;
}

export interface HashtagInsertPlan {
  /** Hashtags to insert, with '#', in the set's order. */
  add: string[];
  /** Already in the text (compared case-insensitively): skipped, never duplicated. */
  present: string[];
  /** Left out because the platform's cap would be exceeded. */
  overCap: string[];
}

/**
 * Which of `setTags` to insert into `text`: skip those already present, and stop at `cap` distinct
 * hashtags in total (null = no cap). Duplicates inside the set count once.
 */
export function planHashtagInsert(
  setTags: readonly string[],
  text: string,
  cap: number | null,
): HashtagInsertPlan {
  const existing = new Set(extractHashtags(text).map(hashtagKey));
  let room = cap === null ? Number.POSITIVE_INFINITY : Math.max(0, cap - existing.size);
  const plan: HashtagInsertPlan = { add: [], present: [], overCap: [] };
  const seen = new Set<string>();
  for (const raw of setTags) {
    const tag = asHashtag(raw);
    const key = hashtagKey(tag);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    if (existing.has(key)) plan.present.push(tag);
    else if (room > 0) {
      plan.add.push(tag);
      room -= 1;
    } else plan.overCap.push(tag);
  }
  return plan;
}

/**
 * The text to insert for `tags` at the end of (or inside) a caption: space-separated, with a
 * leading separator when the character before the caret is not already whitespace, so the first
 * tag does not glue onto the previous word ("Pontianak#Kalbar" would be one broken hashtag).
 */
export function hashtagInsertText(tags: readonly string[], charBeforeCaret: string): string {
  if (tags.length === 0) return '';
  const joined = tags.join(' ');
  return charBeforeCaret === '' || /\s/.test(charBeforeCaret) ? joined : ` ${joined}`;
}
