import type { Exclusions } from './types';

/**
 * Meta's chat (Messenger) and comment/reply boxes are editors of the same kind as the composers
 * (Lexical `role=textbox`), often on the same page as one: they are never checked as a post
 * (docs/platforms.md, "Never a chat or comment box"). Labels are matched without case, in
 * Indonesian and English ("Tulis pesan", "Message", "Tulis komentar…", "Reply", "Balas…").
 */
export const META_CHAT_AND_COMMENTS: Exclusions = {
  within: [
    // A post in the feed: its comment and reply boxes live inside it.
    'article',
    '[role="article"]',
    // Chat windows and the contacts rail.
    '[role="complementary"]',
    '[aria-label*="messenger" i]',
    '[aria-label*="chat" i]',
    '[aria-label*="obrolan" i]',
    '[data-pagelet*="chat" i]',
    '[data-testid*="chat" i]',
  ],
  labels: /\b(pesan|message|messenger|chat|obrolan|komentar|comment|balas|reply|tanggap)/i,
  placeholders: ['aa'],
};

/**
 * Instagram: its direct-message and comment boxes are told by their labels ("Message...",
 * "Add a comment…") and the chat containers; not by `article`, which we have not seen excluded
 * around the caption step (an exclusion cannot be undone by a library override, so it stays narrow).
 */
export const INSTAGRAM_DIRECT_AND_COMMENTS: Exclusions = {
  ...META_CHAT_AND_COMMENTS,
  within: META_CHAT_AND_COMMENTS.within.filter((selector) => !/article/.test(selector)),
};

/**
 * Chat only (Messenger, Instagram Direct, Business Suite's inbox): what a reply field excludes.
 * Comment and reply boxes are reply fields (docs/platforms.md, "Reply boxes"); chat never is.
 */
export const META_CHAT_ONLY: Exclusions = {
  within: META_CHAT_AND_COMMENTS.within.filter((selector) => !/article/.test(selector)),
  labels: /\b(pesan|message|messenger|chat|obrolan)/i,
  placeholders: ['aa'],
};

const LABEL_ATTRIBUTES = ['aria-label', 'aria-placeholder', 'placeholder', 'data-placeholder', 'title'];

/** True when `element` is a chat or comment box by its structure or its own labels. */
export function isExcluded(element: Element, exclusions: Exclusions | undefined): boolean {
  if (!exclusions) return false;
  for (const attribute of LABEL_ATTRIBUTES) {
    const value = element.getAttribute(attribute)?.trim();
    if (!value) continue;
    if (exclusions.labels.test(value)) return true;
    if (exclusions.placeholders.includes(value.toLocaleLowerCase())) return true;
  }
  for (const selector of exclusions.within) {
    try {
      if (element.closest(selector)) return true;
    } catch {
      // A selector this browser cannot parse excludes nothing.
    }
  }
  return false;
}
