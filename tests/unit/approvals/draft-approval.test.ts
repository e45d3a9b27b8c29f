import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIMILARITY_THRESHOLD, wordSimilarity } from '@/lib/approvals/draft-approval';
import { fingerprintText } from '@/lib/approvals/fingerprint';
import { approve, closeHarness, DRAFT, type Harness, makeHarness, newWorld, type World } from './harness';

let world: World;
let h: Harness;
beforeEach(() => {
  world = newWorld();
  h = makeHarness(world);
});
afterEach(async () => {
  await closeHarness(h);
  await h.db.delete();
});

const OTHER_POST = 'Jadwal pelayanan vaksinasi keliling pekan depan di Kabupaten Sambas dan Bengkayang.';

describe('getDraftApproval', () => {
  const KEY = 'tab-7';

  it('walks not-submitted → pending → approved → changed-since-approval → approved', async () => {
    const query = { text: DRAFT, platform: 'facebook' as const, field: 'caption' as const };
    expect((await h.service.getDraftApproval(query, KEY)).status).toBe('not-submitted');
    const { submission } = await h.service.submitDraft(query);
    expect(await h.service.getDraftApproval(query, KEY)).toMatchObject({
      status: 'pending',
      submissionId: submission.id,
    });

    approve(h, [
      {
        fingerprint: submission.fingerprint,
        status: 'approved',
        reviewer: 'Biro Adpim',
        decidedAt: '2026-11-26T13:00:00+07:00',
      },
    ]);
    expect(await h.service.getDraftApproval(query, KEY)).toMatchObject({
      status: 'approved',
      reviewer: 'Biro Adpim',
    });

    const edited = { ...query, text: DRAFT.replace('Kapuas', 'Landak') };
    expect(await h.service.getDraftApproval(edited, KEY)).toMatchObject({
      status: 'changed-since-approval',
      approvedText: DRAFT,
    });
    // Another tab holding an edit of the approved text: still changed since approval (the approved
    // text is remembered in extension storage, not per tab).
    expect(await h.service.getDraftApproval(edited, 'tab-8')).toMatchObject({
      status: 'changed-since-approval',
      approvedText: DRAFT,
    });
    // A different post in another tab is a plain new draft.
    expect((await h.service.getDraftApproval({ ...query, text: OTHER_POST }, 'tab-9')).status).toBe(
      'not-submitted',
    );

    expect((await h.service.getDraftApproval(query, KEY)).status).toBe('approved');
    // Emptying the field (post published, composer closed) forgets the approved text.
    await h.service.getDraftApproval({ ...query, text: '' }, KEY);
    expect((await h.service.getDraftApproval(edited, KEY)).status).toBe('not-submitted');
  });

  it('reports changes-requested with the note, and a pre-approved caption as approved', async () => {
    const fingerprint = await fingerprintText(DRAFT);
    approve(h, [
      {
        fingerprint,
        status: 'changes-requested',
        reviewer: 'Biro Adpim',
        note: 'Sebut nama lengkap jembatan',
        decidedAt: '2026-11-26T13:00:00+07:00',
      },
    ]);
    expect(
      await h.service.getDraftApproval({ text: DRAFT, platform: 'facebook', field: 'caption' }, null),
    ).toMatchObject({
      status: 'changes-requested',
      note: 'Sebut nama lengkap jembatan',
    });
    h.library.view = {
      ...h.library.view,
      captions: [
        {
          id: 'hari-guru',
          title: 'Hari Guru',
          text: 'Selamat Hari Guru dari {{agency.shortName}}!',
          platforms: ['facebook'],
          agencies: [],
          tags: [],
          approvedBy: 'Biro Adpim',
          approvedAt: '2026-11-01',
        },
      ],
      agencies: [
        {
          id: 'dinkes',
          name: 'Dinas Kesehatan',
          shortName: 'Dinkes Kalbar',
          kind: 'dinas',
          handles: {},
          requiredHashtags: [],
          officialPhones: [],
        },
      ],
    };
    expect(
      await h.service.getDraftApproval(
        { text: 'Selamat Hari Guru dari Dinkes Kalbar!', platform: 'facebook', field: 'caption' },
        null,
      ),
    ).toMatchObject({ status: 'approved', captionId: 'hari-guru' });
  });
});

describe('changed since approval lasts', () => {
  const query = { text: DRAFT, platform: 'facebook' as const, field: 'caption' as const };
  const edited = { ...query, text: DRAFT.replace('3 hari ini', 'besok pagi') };

  async function approveAndShow(harness: Harness, context: string) {
    approve(harness, [
      {
        fingerprint: await fingerprintText(DRAFT),
        status: 'approved',
        reviewer: 'Biro Adpim',
        decidedAt: '2026-11-26T13:00:00+07:00',
      },
    ]);
    expect((await harness.service.getDraftApproval(query, context)).status).toBe('approved');
  }

  it('survives a browser restart: a new worker, a new tab, the same edited draft', async () => {
    await approveAndShow(h, 'tab-3');
    h.db.close();
    // A restart: a new service on the same database and extension storage; old tab links are dropped.
    const restarted = makeHarness(world);
    restarted.library.view = h.library.view;
    await restarted.service.forgetContexts('tab-');
    expect(world.memory.state.contexts).toEqual({});
    expect(await restarted.service.getDraftApproval(edited, 'tab-1')).toMatchObject({
      status: 'changed-since-approval',
      approvedText: DRAFT,
    });
    // Once linked, the composer stays linked to the approved text even when the edit grows.
    const rewritten = { ...query, text: 'Gubernur meresmikan jembatan baru. Info lengkap menyusul.' };
    expect(await restarted.service.getDraftApproval(rewritten, 'tab-1')).toMatchObject({
      status: 'changed-since-approval',
      approvedText: DRAFT,
    });
    // …but another new tab with that rewritten text is not an edit of it any more.
    expect((await restarted.service.getDraftApproval(rewritten, 'tab-2')).status).toBe('not-submitted');
    h = restarted;
  });

  it('closing a tab drops its link but not the approved text', async () => {
    await approveAndShow(h, 'tab-4');
    await h.service.forgetContexts('tab-4|');
    expect(Object.keys(world.memory.state.contexts)).toEqual([]);
    expect(world.memory.state.texts.map((text) => text.text)).toEqual([DRAFT]);
    expect((await h.service.getDraftApproval(edited, 'tab-5')).status).toBe('changed-since-approval');
  });

  it('forgets approved texts after 30 days and keeps at most 30', async () => {
    await approveAndShow(h, 'tab-6');
    h.clock.now += 31 * 24 * 60 * 60 * 1000;
    expect((await h.service.getDraftApproval(edited, 'tab-7')).status).toBe('not-submitted');
    for (let i = 0; i < 35; i++) {
      const text = `Pengumuman nomor ${i} dari Dinas Kesehatan`;
      approve(h, [
        {
          fingerprint: await fingerprintText(text),
          status: 'approved',
          reviewer: 'Biro',
          decidedAt: '2026-11-26T13:00:00+07:00',
        },
      ]);
      await h.service.getDraftApproval({ ...query, text }, null);
    }
    expect(world.memory.state.texts).toHaveLength(30);
    expect(world.memory.state.texts[0]!.text).toBe('Pengumuman nomor 34 dari Dinas Kesehatan');
  });
});

describe('wordSimilarity', () => {
  it('is 1 for the same words, high for a one-word edit, low for another post', () => {
    expect(wordSimilarity(DRAFT, `  ${DRAFT}\n`)).toBe(1);
    expect(wordSimilarity(DRAFT, DRAFT.replace('Kapuas', 'Landak'))).toBeGreaterThan(SIMILARITY_THRESHOLD);
    expect(wordSimilarity(DRAFT, OTHER_POST)).toBeLessThan(SIMILARITY_THRESHOLD);
    expect(wordSimilarity('', '')).toBe(0);
  });
});
