import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type ApprovalsIdentity,
  ApprovalsService,
  type ApprovedText,
  outboxDelay,
} from '@/lib/approvals/approvals-service';
import { fingerprintText } from '@/lib/approvals/fingerprint';
import { EMPTY_LIBRARY_VIEW, type LibraryView } from '@/lib/approvals/library-view';
import { indexApprovals } from '@/lib/approvals/status';
import { openDatabase, type SatuPintuDb } from '@/lib/db/database';
import type { ApprovalRecord } from '@/lib/library/schema';

const ENDPOINT = 'https://biro.example.go.id/submit';
const DRAFT = 'Gubernur meresmikan Jembatan Kapuas 3 hari ini.\n#KalbarMaju';

interface Harness {
  db: SatuPintuDb;
  service: ApprovalsService;
  clock: { now: number };
  library: { view: LibraryView };
  posts: { id: string; body: Record<string, unknown> }[];
  responses: (number | Error)[];
  badge: number[];
  scheduled: (number | null)[];
  memory: Map<string, ApprovedText>;
}

let dbName = '';
let counter = 0;

function makeHarness(name: string, endpoint: string | null = ENDPOINT): Harness {
  const db = openDatabase(name);
  const clock = { now: Date.parse('2026-11-26T06:00:00Z') };
  const library = { view: { ...EMPTY_LIBRARY_VIEW, version: 1, submitEndpoint: endpoint ?? undefined } };
  const posts: Harness['posts'] = [];
  const responses: Harness['responses'] = [];
  const badge: number[] = [];
  const scheduled: (number | null)[] = [];
  const memory = new Map<string, ApprovedText>();
  const identity: ApprovalsIdentity = {
    agencyId: 'dinkes',
    adminName: 'Rina',
    adminRole: 'Pranata Humas',
    language: 'id',
  };
  const service = new ApprovalsService({
    db,
    loadLibrary: async () => library.view,
    getIdentity: async () => identity,
    fetch: async (_url, init) => {
      posts.push({ id: JSON.parse(String(init?.body)).id, body: JSON.parse(String(init?.body)) });
      const next = responses.shift() ?? 200;
      if (next instanceof Error) throw next;
      return new Response('{}', { status: next });
    },
    now: () => clock.now,
    newId: () => `sub-${++counter}`,
    setBadge: async (count) => {
      badge.push(count);
    },
    scheduleOutbox: (at) => scheduled.push(at),
    memory: {
      get: async (key) => memory.get(key),
      set: async (key, value) => {
        memory.set(key, value);
      },
      delete: async (key) => {
        memory.delete(key);
      },
    },
  });
  return { db, service, clock, library, posts, responses, badge, scheduled, memory };
}

function approve(h: Harness, records: ApprovalRecord[]) {
  h.library.view = {
    ...h.library.view,
    version: h.library.view.version + 1,
    approvals: indexApprovals(records),
  };
}

let h: Harness;
beforeEach(() => {
  dbName = `approvals-test-${Math.random()}`;
  h = makeHarness(dbName);
});
afterEach(async () => {
  // Let the flush that submitDraft starts in the background finish before closing.
  await h.service.flushOutbox();
  h.db.close();
  await h.db.delete();
});

describe('submitDraft', () => {
  it('records a pending submission, audits it and POSTs it once', async () => {
    const result = await h.service.submitDraft({ text: DRAFT, platform: 'facebook', field: 'caption' });
    expect(result.duplicate).toBe(false);
    expect(result.delivery).toBe('queued');
    expect(result.submission).toMatchObject({
      status: 'pending',
      fingerprint: await fingerprintText(DRAFT),
      agencyId: 'dinkes',
      adminName: 'Rina',
      platform: 'facebook',
      field: 'caption',
    });
    await h.service.flushOutbox();
    expect(h.posts.map((post) => post.id)).toEqual([result.submission.id]);
    expect(h.posts[0]!.body).toMatchObject({
      fingerprint: result.submission.fingerprint,
      text: DRAFT,
      agencyId: 'dinkes',
    });
    const [stored] = await h.service.listSubmissions({});
    expect(stored!.delivery.state).toBe('sent');
    expect(await h.db.outbox.count()).toBe(0);
    const audit = JSON.parse(await h.service.exportAudit('json')) as { type: string }[];
    expect(audit.map((entry) => entry.type)).toEqual(['submission', 'submission-sent']);
  });

  it('does not record the same pending text twice', async () => {
    const first = await h.service.submitDraft({ text: DRAFT, platform: 'facebook', field: 'caption' });
    const second = await h.service.submitDraft({
      text: `${DRAFT}  \n`,
      platform: 'instagram',
      field: 'caption',
    });
    expect(second.duplicate).toBe(true);
    expect(second.submission.id).toBe(first.submission.id);
    expect(await h.db.submissions.count()).toBe(1);
  });

  it('offers copy / WhatsApp / e-mail with the short code when the library has no endpoint', async () => {
    const manual = makeHarness(`${dbName}-manual`, null);
    const result = await manual.service.submitDraft({ text: DRAFT, platform: 'facebook', field: 'caption' });
    expect(result.delivery).toBe('manual');
    expect(result.share.requestText).toContain(result.submission.shortCode);
    expect(result.share.requestText).toContain(DRAFT);
    expect(result.share.whatsappUrl).toBe(
      `https://wa.me/?text=${encodeURIComponent(result.share.requestText)}`,
    );
    expect(result.share.mailtoUrl.startsWith('mailto:?subject=')).toBe(true);
    expect(await manual.db.outbox.count()).toBe(0);
    await manual.service.flushOutbox();
    expect(manual.posts).toEqual([]);
    manual.db.close();
    await manual.db.delete();
  });

  it('refuses an empty draft', async () => {
    await expect(
      h.service.submitDraft({ text: ' \n\u00a0', platform: 'facebook', field: 'caption' }),
    ).rejects.toThrow();
  });
});

describe('outbox', () => {
  it('retries with backoff while offline, then sends exactly once', async () => {
    h.responses.push(new Error('Failed to fetch'), 503);
    const { submission } = await h.service.submitDraft({
      text: DRAFT,
      platform: 'facebook',
      field: 'caption',
    });
    await h.service.flushOutbox();
    expect(h.posts).toHaveLength(1);
    let item = await h.db.outbox.get(submission.id);
    expect(item).toMatchObject({
      attempts: 1,
      lastError: 'Failed to fetch',
      nextAttemptAt: h.clock.now + outboxDelay(1),
    });
    expect(h.scheduled.at(-1)).toBe(h.clock.now + outboxDelay(1));

    // Not due yet: nothing is sent.
    await h.service.flushOutbox();
    expect(h.posts).toHaveLength(1);

    h.clock.now += outboxDelay(1);
    await h.service.flushOutbox();
    item = await h.db.outbox.get(submission.id);
    expect(item).toMatchObject({ attempts: 2, lastError: 'HTTP 503' });
    expect(outboxDelay(2)).toBe(2 * outboxDelay(1));

    h.clock.now += outboxDelay(2);
    // Two wake-ups at once (alarm + start-up) must still send once.
    await Promise.all([h.service.flushOutbox(), h.service.flushOutbox()]);
    expect(h.posts.map((post) => post.id)).toEqual([submission.id, submission.id, submission.id]);
    expect(await h.db.outbox.count()).toBe(0);
    expect(h.scheduled.at(-1)).toBeNull();

    h.clock.now += 24 * 60 * 60 * 1000;
    await h.service.flushOutbox();
    expect(h.posts).toHaveLength(3);
    const [stored] = await h.service.listSubmissions({});
    expect(stored!.delivery).toMatchObject({ state: 'sent', attempts: 3 });
  });

  it('treats 409 (already received) as delivered and a 400 as a permanent failure', async () => {
    h.responses.push(409);
    await h.service.submitDraft({ text: DRAFT, platform: 'facebook', field: 'caption' });
    await h.service.flushOutbox();
    h.responses.push(400);
    const bad = await h.service.submitDraft({ text: 'Teks lain', platform: 'facebook', field: 'caption' });
    await h.service.flushOutbox();
    const byId = new Map(
      (await h.service.listSubmissions({})).map((submission) => [submission.id, submission]),
    );
    expect(byId.get(bad.submission.id)!.delivery).toMatchObject({ state: 'failed', lastError: 'HTTP 400' });
    expect([...byId.values()].filter((submission) => submission.delivery.state === 'sent')).toHaveLength(1);
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('survives a restart: a queued item is sent by the next service on the same database', async () => {
    h.responses.push(new Error('offline'));
    const { submission } = await h.service.submitDraft({
      text: DRAFT,
      platform: 'facebook',
      field: 'caption',
    });
    await h.service.flushOutbox();
    h.db.close();
    const restarted = makeHarness(dbName);
    restarted.clock.now = h.clock.now + outboxDelay(1);
    await restarted.service.flushOutbox();
    expect(restarted.posts.map((post) => post.id)).toEqual([submission.id]);
    const [stored] = await restarted.service.listSubmissions({});
    expect(stored!.id).toBe(submission.id);
    h = restarted;
  });
});

describe('status resolution', () => {
  it('applies library decisions, sets unseen, audits and badges; the popup clears it', async () => {
    const { submission } = await h.service.submitDraft({
      text: DRAFT,
      platform: 'facebook',
      field: 'caption',
    });
    await h.service.refreshStatuses();
    expect(h.badge.at(-1)).toBe(0);

    approve(h, [
      {
        fingerprint: submission.fingerprint,
        status: 'approved',
        reviewer: 'Biro Adpim',
        decidedAt: '2026-11-26T13:00:00+07:00',
      },
    ]);
    await h.service.refreshStatuses();
    let [stored] = await h.service.listSubmissions({ status: 'approved' });
    expect(stored).toMatchObject({ status: 'approved', unseen: true, decision: { reviewer: 'Biro Adpim' } });
    expect(h.badge.at(-1)).toBe(1);
    expect(await h.service.listSubmissions({ status: 'pending' })).toEqual([]);

    expect(await h.service.markSubmissionsSeen()).toBe(1);
    expect(h.badge.at(-1)).toBe(0);
    [stored] = await h.service.listSubmissions({});
    expect(stored!.unseen).toBe(false);

    // Nothing new: no second audit entry, badge stays clear.
    await h.service.refreshStatuses();
    const audit = JSON.parse(await h.service.exportAudit('json')) as { type: string; status?: string }[];
    expect(audit.filter((entry) => entry.type === 'status-changed').map((entry) => entry.status)).toEqual([
      'approved',
    ]);
    expect(h.badge.at(-1)).toBe(0);
  });

  it('goes back to pending when the approval expires', async () => {
    const { submission } = await h.service.submitDraft({
      text: DRAFT,
      platform: 'facebook',
      field: 'caption',
    });
    approve(h, [
      {
        fingerprint: submission.fingerprint,
        status: 'approved',
        reviewer: 'Biro Adpim',
        decidedAt: '2026-11-26T13:00:00+07:00',
        expiresAt: '2026-11-27',
      },
    ]);
    await h.service.refreshStatuses();
    expect((await h.service.listSubmissions({}))[0]!.status).toBe('approved');
    h.clock.now = Date.parse('2026-11-28T01:00:00+07:00');
    const [stored] = await h.service.listSubmissions({});
    expect(stored).toMatchObject({ status: 'pending', expired: true, unseen: true });
  });
});

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
    // Another tab never showed the approved text: a plain new draft.
    expect((await h.service.getDraftApproval(edited, 'tab-8')).status).toBe('not-submitted');

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

describe('audit log', () => {
  it('validates sidebar entries and exports CSV that spreadsheets cannot execute', async () => {
    await h.service.logAudit({
      type: 'finding-ignored',
      platform: 'facebook',
      field: 'caption',
      ruleId: 'kbbi-1',
      reason: '=HYPERLINK("x"), "resmi"',
    });
    await h.service.logAudit({
      type: 'library-insert',
      captionId: 'hari-guru',
      platform: 'instagram',
      field: 'caption',
    });
    // biome-ignore lint/suspicious/noExplicitAny: deliberately malformed input from a message
    await expect(h.service.logAudit({ type: 'nonsense' } as any)).rejects.toThrow();
    const csv = await h.service.exportAudit('csv');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]!.startsWith('id,at,type,agencyId,adminName,platform,field')).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('finding-ignored,dinkes,Rina,facebook,caption');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x""), ""resmi"""`);
    expect(lines[2]).toContain('library-insert');
  });
});
