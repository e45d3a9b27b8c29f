import type { MessageKey } from '@/lib/i18n';
import type { PlatformId } from '@/lib/platforms/types';

/**
 * The account-handle rules of each platform, as the platforms state them in their help pages
 * (Facebook: "at least 5 characters, only A–Z, 0–9 and periods"; Instagram: "30 characters or fewer,
 * letters, numbers, periods and underscores, no period at the start, end or twice in a row";
 * YouTube: "@ followed by 3–30 letters, numbers, underscores, hyphens or periods").
 */
export interface HandleRule {
  pattern: RegExp;
  /** The i18n key of the message shown next to the field when the handle breaks the rule. */
  message: MessageKey;
  /** What the admin may paste that is not the handle itself: a profile URL, a leading '@'. */
  normalize(raw: string): string;
}

/** Last path segment of a profile URL on one of `hosts`, or the input unchanged. */
function fromProfileUrl(raw: string, hosts: RegExp): string {
  if (!/^https?:\/\//i.test(raw)) return raw;
  try {
    const url = new URL(raw);
    if (!hosts.test(url.hostname)) return raw;
    const first = url.pathname.split('/').filter(Boolean)[0];
    return first ? decodeURIComponent(first) : raw;
  } catch {
    return raw;
  }
}

export const HANDLE_RULES: Record<PlatformId, HandleRule> = {
  facebook: {
    // Facebook allows up to 50 characters; periods anywhere (they are ignored by Facebook itself).
    pattern: /^[A-Za-z0-9.]{5,50}$/,
    message: 'options.error.handle.facebook',
    normalize: (raw) => fromProfileUrl(raw.trim(), /(^|\.)facebook\.com$/i).replace(/^@/, ''),
  },
  instagram: {
    pattern: /^(?!\.)(?!.*\.\.)(?!.*\.$)[A-Za-z0-9._]{1,30}$/,
    message: 'options.error.handle.instagram',
    normalize: (raw) => fromProfileUrl(raw.trim(), /(^|\.)instagram\.com$/i).replace(/^@/, ''),
  },
  youtube: {
    pattern: /^@[A-Za-z0-9_.-]{3,30}$/,
    message: 'options.error.handle.youtube',
    normalize: (raw) => {
      const handle = fromProfileUrl(raw.trim(), /(^|\.)youtube\.com$/i);
      return handle === '' || handle.startsWith('@') ? handle : `@${handle}`;
    },
  },
};

/** Normalise then check a handle; '' means "not set" and is always allowed. */
export function checkHandle(platform: PlatformId, raw: string): { handle: string; error: MessageKey | null } {
  const rule = HANDLE_RULES[platform];
  const handle = rule.normalize(raw);
  if (handle === '') return { handle, error: null };
  return { handle, error: rule.pattern.test(handle) ? null : rule.message };
}
