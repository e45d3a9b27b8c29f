/**
 * How the platforms count, shared by the engine's `limit` rules and the sidebar's counters so the
 * two never disagree. Pure; no zod (the content script uses it).
 */

/** Code points, not UTF-16 units: an emoji is one character in the platforms' counters. */
export function codePointLength(text: string): number {
  return codePointOverflow(text, 0, text.length, Number.POSITIVE_INFINITY).count;
}

/**
 * Code points in text[from, to), and the UTF-16 offset of the first one past `max` (-1 if none):
 * where a `chars` limit finding starts.
 */
export function codePointOverflow(
  text: string,
  from: number,
  to: number,
  max: number,
): { count: number; overflowAt: number } {
  let count = 0;
  let overflowAt = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // The low half of a surrogate pair belongs to the code point counted at its high half.
    if (c >= 0xdc00 && c <= 0xdfff && i > from) {
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) continue;
    }
    count += 1;
    if (count === max + 1) overflowAt = i;
  }
  return { count, overflowAt };
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
  return utf8Overflow(text, 0, text.length, Number.POSITIVE_INFINITY).bytes;
}

/**
 * UTF-8 bytes of text[from, to), and the UTF-16 offset of the first character that no longer fits
 * in `max` bytes (-1 if all fit): where a `bytes` limit finding starts.
 */
export function utf8Overflow(
  text: string,
  from: number,
  to: number,
  max: number,
): { bytes: number; overflowAt: number } {
  let bytes = 0;
  let overflowAt = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    let size = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    const start = i;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const next = text.charCodeAt(i + 1);
      // A surrogate pair is one 4-byte character; a lone surrogate is encoded as U+FFFD (3 bytes).
      if (next >= 0xdc00 && next <= 0xdfff) {
        size = 4;
        i += 1;
      }
    }
    if (overflowAt < 0 && bytes + size > max) overflowAt = start;
    bytes += size;
  }
  return { bytes, overflowAt };
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
 * with a space counted as if quoted (+2) — YouTube Data API `videos.snippet.tags` (docs/platforms.md).
 */
export function youtubeTagsLength(text: string): number {
  const tags = tagList(text);
  const chars = tags.reduce((sum, tag) => sum + codePointLength(tag) + (tag.includes(' ') ? 2 : 0), 0);
  return chars + Math.max(0, tags.length - 1);
}
