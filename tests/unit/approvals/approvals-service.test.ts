import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
    const manual = makeHarness(newWorld(), { endpoint: null });
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

describe('storage quota', () => {
  it('a full disk refuses the submission in plain words and records nothing half-way', async () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const spy = vi.spyOn(h.db.audit, 'add').mockRejectedValue(quota);
    await expect(
      h.service.submitDraft({ text: DRAFT, platform: 'facebook', field: 'caption' }),
    ).rejects.toThrow('ruang penyimpanan browser penuh, draf belum diajukan');
    spy.mockRestore();
    expect(await h.db.submissions.count()).toBe(0);
    expect(await h.db.outbox.count()).toBe(0);
    // Space freed: the same draft is submitted normally.
    const again = await h.service.submitDraft({ text: DRAFT, platform: 'facebook', field: 'caption' });
    expect(again.duplicate).toBe(false);
  });

  it('a full extension storage does not hide an approval (remembering it is best effort)', async () => {
    const fingerprint = await fingerprintText(DRAFT);
    approve(h, [
      { fingerprint, status: 'approved', reviewer: 'Biro', decidedAt: '2026-11-26T13:00:00+07:00' },
    ]);
    const write = vi.fn(async () => {
      throw new DOMException('QUOTA_BYTES quota exceeded', 'QuotaExceededError');
    });
    const full = makeHarness(world, { memoryWrite: write });
    full.library.view = h.library.view;
    expect(
      (await full.service.getDraftApproval({ text: DRAFT, platform: 'facebook', field: 'caption' }, 'tab-1'))
        .status,
    ).toBe('approved');
    expect(write).toHaveBeenCalled();
    await closeHarness(full);
  });
});
