import { describe, expect, it, vi } from 'vitest';
import type { InsertOutcome } from '@/lib/sidebar/model-types';
import { approvalFor, caption, requiredSet, setupModel as setup } from './model-fixture';

describe('live checking', () => {
  it('coalesces a burst of edits into one check on the next frame and combines the verdict', () => {
    const { model, texts, flush } = setup();
    texts.caption = 'Ada himbauan';
    model.scheduleCheck('caption');
    texts.caption = 'Ada himbauan untuk NIK 6171045203850002';
    model.scheduleCheck('caption');
    expect(model.checks.value).toBe(0);
    flush();
    expect(model.checks.value).toBe(1);
    expect(model.summary.value.verdict).toBe('blocked');
    expect(model.groups.value.map((group) => group.severity)).toEqual(['error', 'suggestion']);
    expect(model.groups.value[0]?.items[0]?.excerpt.match).toBe('6171045203850002');
  });

  it('drops a field that left the page', () => {
    const { model, texts } = setup();
    texts.caption = 'himbauan';
    model.checkNow('caption');
    delete texts.caption;
    model.checkNow('caption');
    expect(model.findings.value).toEqual([]);
    expect(model.summary.value.verdict).toBe('ready');
  });

  it('fixes through the editor and re-checks; refuses a fix when the text moved', async () => {
    const { model, texts, deps } = setup();
    texts.caption = 'Ada himbauan';
    model.checkNow('caption');
    const item = model.findings.value[0]!;
    texts.caption = 'Xx Ada himbauan';
    expect(await model.fixFinding(item)).toBe(false);
    expect(deps.replaceRange).not.toHaveBeenCalled();
    const fresh = model.findings.value[0]!;
    expect(await model.fixFinding(fresh)).toBe(true);
    expect(texts.caption).toBe('Xx Ada imbauan');
    expect(model.findings.value).toEqual([]);
  });

  it('ignores a personal-data error only with a reason, logging it', () => {
    const { model, texts, deps } = setup();
    texts.caption = 'NIK 6171045203850002';
    model.checkNow('caption');
    const item = model.findings.value[0]!;
    expect(model.ignoreFinding(item, '  ')).toBe(false);
    expect(model.findings.value).toHaveLength(1);
    expect(model.ignoreFinding(item, 'NIK contoh dari formulir')).toBe(true);
    expect(model.findings.value).toHaveLength(0);
    expect(model.summary.value.verdict).toBe('ready');
    expect(deps.logAudit).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'finding-ignored',
        ruleId: 'KB-PDP-01',
        reason: 'NIK contoh dari formulir',
      }),
    );
    // Still ignored while the admin keeps typing around it.
    texts.caption = `Data: ${texts.caption}`;
    model.checkNow('caption');
    expect(model.findings.value).toHaveLength(0);
  });

  it('ignores a suggestion without a reason', () => {
    const { model, texts } = setup();
    texts.caption = 'himbauan';
    model.checkNow('caption');
    expect(model.ignoreFinding(model.findings.value[0]!, '')).toBe(true);
  });
});

describe('library', () => {
  it('shows captions filled from the agency and date, and inserts exactly that text once filled', async () => {
    const { model, texts, deps } = setup();
    model.agencies.value = [{ id: 'dinkes', name: 'Dinas Kesehatan' }];
    model.identity.value = { agencyId: 'dinkes', adminName: 'Rina', adminRole: '', handles: {} };
    model.captions.value = [caption()];
    const entry = () => model.captionList.value[0]!;
    expect(entry().text).toBe('Dinas Kesehatan mengimbau warga.\n\nDi {{location}}, Kamis (26/11/2026).');
    expect(entry().inputs).toEqual(['location']);
    expect(await model.insertCaption('banjir')).toBe(false);
    expect(deps.insertText).not.toHaveBeenCalled();
    model.setAdminInput('banjir', 'location', 'Sanggau');
    expect(entry().text).toBe('Dinas Kesehatan mengimbau warga.\n\nDi Sanggau, Kamis (26/11/2026).');
    expect(await model.insertCaption('banjir')).toBe(true);
    expect(texts.caption).toBe(entry().text);
    expect(deps.logAudit).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'library-insert', captionId: 'banjir' }),
    );
  });

  it('on a failed insert says so, offers the text to copy, and never retries', async () => {
    const { model, deps } = setup({ insert: () => ({ ok: false, reason: 'not-verified' }) });
    model.captions.value = [caption({ text: 'Satu baris' })];
    expect(await model.insertCaption('banjir')).toBe(false);
    expect(deps.insertText).toHaveBeenCalledTimes(1);
    expect(model.notice.value).toMatchObject({ kind: 'error', copyText: 'Satu baris' });
  });

  it('does not start a second insert while one is running', async () => {
    let release: (value: InsertOutcome) => void = () => {};
    const { model, deps } = setup();
    deps.insertText = vi.fn(() => new Promise<InsertOutcome>((resolve) => (release = resolve)));
    model.captions.value = [caption({ text: 'Satu baris' })];
    const first = model.insertCaption('banjir');
    expect(await model.insertCaption('banjir')).toBe(false);
    release({ ok: true });
    expect(await first).toBe(true);
    expect(deps.insertText).toHaveBeenCalledTimes(1);
  });

  it('offers copy instead of insert when the composer is not recognised', async () => {
    const { model, deps } = setup({ fields: [] });
    model.captions.value = [caption({ text: 'Satu baris' })];
    expect(model.recognised.value).toBe(false);
    expect(await model.insertCaption('banjir')).toBe(false);
    expect(deps.insertText).not.toHaveBeenCalled();
    expect(model.notice.value?.copyText).toBe('Satu baris');
  });

  it('inserts a hashtag set skipping tags present, with a separating space, within the cap', async () => {
    const { model, texts, deps } = setup();
    model.hashtagSets.value = [requiredSet];
    texts.caption = 'Banjir #kalbarbangkit #a #b';
    model.checkNow('caption');
    expect(await model.insertHashtagSet('wajib')).toBe(true);
    expect(texts.caption).toBe('Banjir #kalbarbangkit #a #b #PemprovKalbar');
    expect(deps.insertText).toHaveBeenCalledWith('caption', ' #PemprovKalbar');
    // Everything present now: nothing inserted a second time.
    expect(await model.insertHashtagSet('wajib')).toBe(false);
    expect(model.notice.value?.message).toBe('sidebar.notice.hashtagsPresent');
  });

  it('commits YouTube tags without "#" and only the missing ones', async () => {
    const { model, texts, deps } = setup({
      fields: [
        { id: 'title', kind: 'contenteditable' },
        { id: 'description', kind: 'contenteditable' },
        { id: 'tags', kind: 'tag-input' },
      ],
    });
    model.hashtagSets.value = [requiredSet];
    texts.tags = 'pemprovkalbar';
    model.focusField('tags');
    expect(await model.insertHashtagSet('wajib')).toBe(true);
    expect(deps.insertText).toHaveBeenCalledWith('tags', 'KalbarBangkit');
    // Captions never go into the tag input: the first free-text field takes them.
    model.captions.value = [caption({ text: 'Deskripsi', platforms: [] })];
    expect(await model.insertCaption('banjir')).toBe(true);
    expect(deps.insertText).toHaveBeenLastCalledWith('title', 'Deskripsi');
  });
});

describe('chrome', () => {
  it('remembers the collapse choice through saveCollapsed', () => {
    const { model, deps } = setup();
    model.toggleCollapsed();
    expect(model.collapsed.value).toBe(true);
    expect(deps.saveCollapsed).toHaveBeenLastCalledWith(true);
  });
});

describe('approval and submit', () => {
  it('asks for the approval only once the sidebar is shown, debounced, about the caption draft', async () => {
    const { model, texts, deps, timers } = setup();
    texts.caption = 'Rapat koordinasi';
    model.checkNow('caption');
    expect(timers.pending()).toBe(0);
    model.shown.value = true;
    texts.caption = 'Rapat koordinasi hari ini';
    model.checkNow('caption');
    // Typing again restarts the wait: one question, about the latest text.
    expect(timers.pending()).toBe(1);
    expect(deps.approvals.getApproval).not.toHaveBeenCalled();
    timers.runAll();
    await vi.waitFor(() => expect(model.approval.value?.status).toBe('not-submitted'));
    expect(deps.approvals.getApproval).toHaveBeenCalledTimes(1);
    expect(deps.approvals.getApproval).toHaveBeenCalledWith({
      field: 'caption',
      text: 'Rapat koordinasi hari ini',
    });
  });

  it('keeps only the answer to the latest question when answers arrive out of order', async () => {
    const answers: ((value: ReturnType<typeof approvalFor>) => void)[] = [];
    const { model, texts, timers } = setup({
      approvals: { getApproval: () => new Promise((resolve) => answers.push(resolve)) },
    });
    model.shown.value = true;
    texts.caption = 'satu';
    model.checkNow('caption');
    timers.runAll();
    texts.caption = 'satu dua';
    model.checkNow('caption');
    timers.runAll();
    expect(answers).toHaveLength(2);
    answers[1]?.(approvalFor('approved'));
    answers[0]?.(approvalFor('rejected'));
    await vi.waitFor(() => expect(model.approval.value?.status).toBe('approved'));
    await Promise.resolve();
    expect(model.approval.value?.status).toBe('approved');
  });

  it('submits the draft once, shows the result and asks for the new status', async () => {
    let release: () => void = () => {};
    const { model, texts, deps } = setup({
      approvals: { getApproval: vi.fn(async () => approvalFor('pending')) },
    });
    const submit = deps.approvals.submit;
    deps.approvals.submit = vi.fn(async (draft: { field: string; text: string }) => {
      await new Promise<void>((resolve) => (release = resolve));
      return submit(draft);
    });
    texts.caption = 'Siaran pers';
    model.checkNow('caption');
    const first = model.submit();
    expect(model.submitting.value).toBe(true);
    // A second press while the first runs does nothing.
    expect(await model.submit()).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(deps.approvals.submit).toHaveBeenCalledTimes(1);
    expect(deps.approvals.submit).toHaveBeenCalledWith({ field: 'caption', text: 'Siaran pers' });
    expect(model.submitting.value).toBe(false);
    expect(model.submitResult.value?.submission.text).toBe('Siaran pers');
    expect(model.approval.value?.status).toBe('pending');
  });

  it('says when submitting failed, logs it, and lets the admin try again', async () => {
    const { model, texts, deps } = setup({
      approvals: {
        submit: vi.fn(async () => {
          throw new Error('offline');
        }),
      },
    });
    texts.caption = 'Siaran pers';
    model.checkNow('caption');
    expect(await model.submit()).toBe(false);
    expect(model.notice.value).toMatchObject({
      kind: 'error',
      message: 'sidebar.submitFailed',
      params: { detail: 'offline' },
    });
    expect(deps.approvals.onError).toHaveBeenCalledWith('submit', expect.any(Error));
    expect(model.submitting.value).toBe(false);
    expect(model.submitResult.value).toBeNull();
  });

  it('does not submit without a free-text field', async () => {
    const { model, deps } = setup({ fields: [{ id: 'tags', kind: 'tag-input' }] });
    expect(model.approvalDraft.value).toBeNull();
    expect(await model.submit()).toBe(false);
    expect(deps.approvals.submit).not.toHaveBeenCalled();
  });

  it('stops asking once disposed', () => {
    const { model, texts, timers } = setup();
    model.shown.value = true;
    texts.caption = 'satu';
    model.checkNow('caption');
    expect(timers.pending()).toBe(1);
    model.dispose();
    expect(timers.pending()).toBe(0);
    texts.caption = 'satu dua';
    model.checkNow('caption');
    expect(timers.pending()).toBe(0);
  });
});

describe('recognition', () => {
  it('keeps the technical summary apart from the plain recognised flag', () => {
    const { model } = setup();
    model.setRecognised(true, 'facebook: caption=aria-label (id)#1/built-in; container=dialog');
    expect(model.recognised.value).toBe(true);
    expect(model.diagnostics.value).toContain('caption=aria-label');
  });
});
