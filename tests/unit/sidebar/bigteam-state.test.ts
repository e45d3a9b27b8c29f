import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import type { ReplyTemplate, RequestView } from '@/lib/bigteam/types';
import { createBigTeamState } from '@/lib/sidebar/bigteam-state';
import { setupModel } from './model-fixture';

const ppidTemplate: ReplyTemplate = {
  id: 'info-ppid',
  title: 'Permintaan informasi',
  situation: 'information',
  platforms: [],
  text: 'Terima kasih {{user}}. Silakan hubungi PPID {{agency.shortName}}: {{ppid.name}}, {{ppid.contact}}.',
};

const request: RequestView = {
  id: 'hut-kalbar',
  title: 'HUT Kalbar',
  captionId: 'hut',
  agencies: [],
  platforms: [],
  from: '2026-11-01',
  until: '2026-12-31',
  priority: 'high',
  status: 'open',
  text: 'Selamat HUT Kalbar! #KalbarMaju',
};

function setup(
  agency = signal<{ name: string; shortName?: string; ppid?: { name: string; contact: string } } | null>(
    null,
  ),
) {
  const inserted: { field: string | null; text: string; audit: object }[] = [];
  const replyInserted = vi.fn();
  const state = createBigTeamState({
    deps: {
      listRequests: async () => [request],
      listReplyTemplates: async () => [ppidTemplate],
      replyInserted,
      onError: () => {},
    },
    agency,
    captionTarget: () => 'caption',
    runInsert: async (field, text, audit) => {
      inserted.push({ field, text, audit });
      return true;
    },
  });
  return { state, inserted, replyInserted, agency };
}

describe('big team in the sidebar', () => {
  it('fills a reply from the agency and its PPID; only {{user}} is typed, and insert waits for it', async () => {
    const { state, inserted, replyInserted } = setup(
      signal({
        name: 'Dinas Kominfo',
        shortName: 'Diskominfo',
        ppid: { name: 'PPID Diskominfo', contact: '0812-000' },
      }),
    );
    await state.refreshBigTeam();
    const [entry] = state.replyList.value;
    expect(entry?.inputs).toEqual(['user']);
    expect(entry?.missing).toEqual(['user']);
    expect(await state.insertReply('info-ppid')).toBe(false);
    expect(inserted).toEqual([]);
    state.setReplyInput('info-ppid', 'user', 'Budi');
    expect(state.replyList.value[0]?.text).toBe(
      'Terima kasih Budi. Silakan hubungi PPID Diskominfo: PPID Diskominfo, 0812-000.',
    );
    expect(await state.insertReply('info-ppid')).toBe(true);
    expect(inserted[0]).toMatchObject({ field: 'reply', text: expect.stringContaining('0812-000') });
    expect(replyInserted).toHaveBeenCalledWith('info-ppid');
  });

  it('an agency without a PPID leaves the template missing ppid_* (never a half-filled reply)', async () => {
    const { state } = setup(signal({ name: 'Dinas X', shortName: 'DX' }));
    await state.refreshBigTeam();
    state.setReplyInput('info-ppid', 'user', 'Budi');
    expect(state.replyList.value[0]?.missing).toEqual(['ppid_name', 'ppid_contact']);
    expect(await state.insertReply('info-ppid')).toBe(false);
  });

  it('inserts a request into the post field with its caption id, and keeps the last answer on an error', async () => {
    const { state, inserted } = setup();
    await state.refreshBigTeam();
    expect(state.requests.value.map((r) => r.id)).toEqual(['hut-kalbar']);
    expect(await state.insertRequest('hut-kalbar')).toBe(true);
    expect(inserted[0]).toEqual({ field: 'caption', text: request.text, audit: { captionId: 'hut' } });
    expect(await state.insertRequest('unknown')).toBe(false);
  });

  it('a failing background keeps what was listed and reports the error', async () => {
    const errors: string[] = [];
    let fail = false;
    const state = createBigTeamState({
      deps: {
        listRequests: async () => {
          if (fail) throw new Error('offline');
          return [request];
        },
        listReplyTemplates: async () => [],
        replyInserted: () => {},
        onError: (scope) => errors.push(scope),
      },
      agency: signal(null),
      captionTarget: () => 'caption',
      runInsert: async () => true,
    });
    await state.refreshBigTeam();
    fail = true;
    await state.refreshBigTeam();
    expect(state.requests.value).toHaveLength(1);
    expect(errors).toEqual(['requests']);
  });
});

describe('a reply box in the sidebar model', () => {
  it('is never the approval draft nor the target of a caption, and says the admin is replying', () => {
    const { model, texts } = setupModel({
      fields: [
        { id: 'caption', kind: 'lexical' },
        { id: 'reply', kind: 'lexical' },
      ],
    });
    texts.reply = 'Terima kasih atas masukannya.';
    model.focusField('reply');
    expect(model.replying.value).toBe(true);
    expect(model.approvalDraft.value?.field).toBe('caption');
    model.focusField('caption');
    expect(model.replying.value).toBe(false);
  });

  it('only a reply box (no post field on the page) still offers no approval draft for the reply', () => {
    const { model } = setupModel({ fields: [{ id: 'reply', kind: 'lexical' }] });
    model.focusField('reply');
    expect(model.approvalDraft.value).toBeNull();
  });
});
