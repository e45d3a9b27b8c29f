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

// The look-behind sits after the literal "#"/"@" so that V8 can jump from one "#" to the next
// instead of testing the look-behind at every position.
/**
 * A hashtag as the platforms link it: '#' not inside a word (nor an HTML entity "&#"), then letters,
 * marks, digits or underscores with at least one that is not a digit ("#2026" is not a hashtag).
 */
export const HASHTAG_PATTERN = /#(?<![\p{L}\p{N}_&#]#)(?=\p{N}*[\p{L}\p{M}_])[\p{L}\p{M}\p{N}_]+/gu;
/** An @-mention: not inside a word or an e-mail address; dots inside the handle, not at its end. */
export const MENTION_PATTERN =
  /@(?<![\p{L}\p{N}_.@]@)[\p{L}\p{M}\p{N}_](?:[\p{L}\p{M}\p{N}_.]*[\p{L}\p{M}\p{N}_])?/gu;

/** Every hashtag in `text`, in order, as written. */
export function extractHashtags(text: string): string[] {
  return text.match(HASHTAG_PATTERN) ?? [];
}

export function countMentions(text: string): number {
  return text.match(MENTION_PATTERN)?.length ?? 0;
}

/** UTF-8 bytes, as YouTube counts its description limit (a surrogate pair is one 4-byte character). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
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
