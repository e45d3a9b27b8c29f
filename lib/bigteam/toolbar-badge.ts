/**
 * The toolbar badge shows two counts added together: submissions with news the admin has not seen
 * (lib/approvals) and open amplification requests. Each domain reports its own count here; the
 * badge is amber while a submission has news (that needs a look first), blue for requests alone.
 */
export type BadgeSource = 'submissions' | 'requests';

const counts: Record<BadgeSource, number> = { submissions: 0, requests: 0 };

export const BADGE_COLORS = { submissions: '#b45309', requests: '#0b3d6e' } as const;

export function badgeFor(current: Readonly<Record<BadgeSource, number>>): { text: string; color: string } {
  const total = current.submissions + current.requests;
  return {
    text: total > 0 ? String(total) : '',
    color: current.submissions > 0 ? BADGE_COLORS.submissions : BADGE_COLORS.requests,
  };
}

export async function showBadgeCount(source: BadgeSource, count: number): Promise<void> {
  counts[source] = count;
  const { text, color } = badgeFor(counts);
  // Firefox MV2 builds have browserAction instead of action.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ text });
  if (text) await action.setBadgeBackgroundColor({ color });
}
