/**
 * How the platforms count, shared by the engine's `limit` rules and the sidebar's counters so the
 * two never disagree. Pure; no zod (the content script uses it).
 */

/** Code points, not UTF-16 units: an emoji is one character in the platforms' counters. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
}

/** The tags of a tag field as read from the editor ("a, b c" or one per line). */
export function tagList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/**
 * The length YouTube checks against its 500-character tag limit: the tags joined by commas, a tag
 * with a space counted as if quoted (+2) — YouTube Data API `videos.snippet.tags` (composers.md).
 */
export function youtubeTagsLength(text: string): number {
  const tags = tagList(text);
  const chars = tags.reduce((sum, tag) => sum + codePointLength(tag) + (tag.includes(' ') ? 2 : 0), 0);
  return chars + Math.max(0, tags.length - 1);
}
