import { describe, expect, it, vi } from 'vitest';
import type { RequestView } from '@/lib/bigteam/types';
import { createPopupBigTeam, type PopupBigTeamDeps, platformOfLink } from '@/lib/popup/bigteam-model';

const open: RequestView = {
  id: 'hut',
  title: 'HUT Kalbar',
  captionId: 'hut',
  agencies: [],
  platforms: [],
  from: '2026-11-01',
  until: '2026-12-31',
  priority: 'normal',
  status: 'open',
  text: 'Selamat HUT',
};

function deps(overrides: Partial<PopupBigTeamDeps> = {}): PopupBigTeamDeps {
  return {
    listRequests: async () => [open],
    markRequestDone: async () => ({ ok: true }),
    repliesToday: async () => ({ 'info-ppid': 2, thanks: 0 }),
    listReplyTemplates: async (platform) =>
      platform === 'facebook'
        ? [{ id: 'info-ppid', title: 'Informasi (PPID)', situation: 'information', platforms: [], text: 'x' }]
        : [],
    getCommitment: async () => ({
      commitment: { version: '2026-11', text: 'Saya berkomitmen…' },
      committedVersion: null,
    }),
    ...overrides,
  };
}

describe('popup: requests, replies today, commitment prompt', () => {
  it('tells the platform from a post link, https only', () => {
    expect(platformOfLink('https://www.facebook.com/diskominfo/posts/1')).toBe('facebook');
    expect(platformOfLink('https://www.instagram.com/p/abc/')).toBe('instagram');
    expect(platformOfLink('https://youtu.be/abc')).toBe('youtube');
    expect(platformOfLink('http://www.facebook.com/x')).toBeNull();
    expect(platformOfLink('https://example.org/x')).toBeNull();
    expect(platformOfLink('not a link')).toBeNull();
  });

  it('lists replies by template title (zero counts left out) and asks for the commitment', async () => {
    const model = createPopupBigTeam(deps());
    await model.open();
    expect(model.requests.value?.map((r) => r.id)).toEqual(['hut']);
    expect(model.replies.value).toEqual([{ templateId: 'info-ppid', title: 'Informasi (PPID)', count: 2 }]);
    expect(model.commitmentDue.value).toBe(true);
  });

  it('no prompt once this version is committed, or when the library has no text', async () => {
    const committed = createPopupBigTeam(
      deps({
        getCommitment: async () => ({ commitment: { version: 'v1', text: 't' }, committedVersion: 'v1' }),
      }),
    );
    await committed.open();
    expect(committed.commitmentDue.value).toBe(false);
    const none = createPopupBigTeam(
      deps({ getCommitment: async () => ({ commitment: null, committedVersion: null }) }),
    );
    await none.open();
    expect(none.commitmentDue.value).toBe(false);
  });

  it('marks done with the link and the platform it names; a foreign link never reaches the background', async () => {
    const markRequestDone = vi.fn(async () => ({ ok: true }));
    let status: RequestView['status'] = 'open';
    const model = createPopupBigTeam(
      deps({ markRequestDone, listRequests: async () => [{ ...open, status }] }),
    );
    await model.open();
    model.setLink('hut', 'https://example.org/post');
    expect(await model.markDone('hut')).toBe(false);
    expect(model.markErrors.value).toEqual({ hut: 'link' });
    expect(markRequestDone).not.toHaveBeenCalled();
    model.setLink('hut', ' https://www.instagram.com/p/xyz/ ');
    status = 'done';
    expect(await model.markDone('hut')).toBe(true);
    expect(markRequestDone).toHaveBeenCalledWith({
      requestId: 'hut',
      platform: 'instagram',
      link: 'https://www.instagram.com/p/xyz/',
    });
    expect(model.markErrors.value).toEqual({});
    expect(model.requests.value?.[0]?.status).toBe('done');
  });

  it("shows the background's refusal beside the request", async () => {
    const model = createPopupBigTeam(
      deps({ markRequestDone: async () => ({ ok: false, error: 'expired' }) }),
    );
    await model.open();
    model.setLink('hut', 'https://www.facebook.com/p/1');
    expect(await model.markDone('hut')).toBe(false);
    expect(model.markErrors.value).toEqual({ hut: 'expired' });
  });
});
