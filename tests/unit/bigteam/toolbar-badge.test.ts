import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_COLORS, badgeFor, showBadgeCount } from '@/lib/bigteam/toolbar-badge';

describe('toolbar badge', () => {
  it('adds unseen submissions and open requests; amber while a submission has news', () => {
    expect(badgeFor({ submissions: 0, requests: 0 }).text).toBe('');
    expect(badgeFor({ submissions: 0, requests: 2 })).toEqual({ text: '2', color: BADGE_COLORS.requests });
    expect(badgeFor({ submissions: 1, requests: 2 })).toEqual({ text: '3', color: BADGE_COLORS.submissions });
  });

  describe('in the browser', () => {
    beforeEach(() => fakeBrowser.reset());

    it('each domain reports its own count; the popup clearing submissions leaves the requests', async () => {
      await showBadgeCount('requests', 2);
      await showBadgeCount('submissions', 1);
      expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
      await showBadgeCount('submissions', 0);
      expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
      await showBadgeCount('requests', 0);
      expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    });
  });
});
