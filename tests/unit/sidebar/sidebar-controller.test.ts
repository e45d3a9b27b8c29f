import { describe, expect, it, vi } from 'vitest';
import type { FindingLike } from '@/lib/sidebar/findings';
import type { CaptionView, HashtagSetView } from '@/lib/sidebar/library-view';
import {
  createSidebarController,
  type InsertOutcome,
  type SidebarDeps,
} from '@/lib/sidebar/sidebar-controller';

/** A tiny stand-in for the engine: one spelling rule and one personal-data rule. */
function fakeCheck(text: string) {
  const findings: FindingLike[] = [];
  for (const match of text.matchAll(/himbauan/g))
    findings.push({
      ruleId: 'KB-EJAAN-01',
      category: 'spelling',
      severity: 'suggestion',
      start: match.index,
      end: match.index + match[0].length,
      message: 'Baku: imbauan',
      replacements: ['imbauan'],
    });
  for (const match of text.matchAll(/\b61\d{14}\b/g))
    findings.push({
      ruleId: 'KB-PDP-01',
      category: 'personal-data',
      severity: 'error',
      start: match.index,
      end: match.index + match[0].length,
      message: 'NIK',
    });
  const verdict = findings.some((f) => f.severity === 'error')
    ? 'blocked'
    : findings.length
      ? 'review'
      : 'ready';
  return { verdict, score: 100 - findings.length * 10, findings } as const;
}

function setup(
  options: { fields?: SidebarDeps['fields']; insert?: (field: string, text: string) => InsertOutcome } = {},
) {
  const texts: Record<string, string> = {};
  const queue: (() => void)[] = [];
  const deps: SidebarDeps = {
    platform: 'instagram',
    fields: options.fields ?? [{ id: 'caption', kind: 'lexical' }],
    readField: (field) => texts[field] ?? null,
    insertText: vi.fn(async (field: string, text: string) => {
      const outcome = options.insert?.(field, text) ?? { ok: true as const };
      if (outcome.ok) texts[field] = (texts[field] ?? '') + text;
      return outcome;
    }),
    replaceRange: vi.fn(async (field: string, start: number, end: number, text: string) => {
      const current = texts[field] ?? '';
      texts[field] = current.slice(0, start) + text + current.slice(end);
      return { ok: true as const };
    }),
    selectRange: vi.fn(() => true),
    charBeforeCaret: (field) => (texts[field] ?? '').slice(-1),
    copyText: vi.fn(async () => true),
    check: (text) => fakeCheck(text),
    limits: () => ({ chars: 2200, hashtags: 5, mentions: 20 }),
    today: () => new Date('2026-11-26T02:00:00Z'),
    formatDayDate: () => 'Kamis (26/11/2026)',
    logAudit: vi.fn(),
    saveCollapsed: vi.fn(),
    schedule: (callback) => {
      queue.push(callback);
    },
  };
  const controller = createSidebarController(deps);
  const flush = () => {
    for (const callback of queue.splice(0)) callback();
  };
  return { controller, deps, texts, flush };
}

const caption = (over: Partial<CaptionView> = {}): CaptionView => ({
  id: 'banjir',
  title: 'Siaga banjir',
  text: '{{agency.name}} mengimbau warga.\n\nDi {{location}}, {{date}}.',
  platforms: ['instagram'],
  agencies: [],
  keywords: [],
  validFrom: null,
  validUntil: null,
  ...over,
});
const requiredSet: HashtagSetView = {
  id: 'wajib',
  title: 'Wajib',
  kind: 'required',
  tags: ['#PemprovKalbar', '#KalbarBangkit'],
  agencies: [],
  platforms: [],
  validFrom: null,
  validUntil: null,
};

describe('live checking', () => {
  it('coalesces a burst of edits into one check on the next frame and combines the verdict', () => {
    const { controller, texts, flush } = setup();
    texts.caption = 'Ada himbauan';
    controller.scheduleCheck('caption');
    texts.caption = 'Ada himbauan untuk NIK 6171045203850002';
    controller.scheduleCheck('caption');
    expect(controller.checks.value).toBe(0);
    flush();
    expect(controller.checks.value).toBe(1);
    expect(controller.summary.value.verdict).toBe('blocked');
    expect(controller.groups.value.map((group) => group.severity)).toEqual(['error', 'suggestion']);
    expect(controller.groups.value[0]?.items[0]?.excerpt.match).toBe('6171045203850002');
  });

  it('drops a field that left the page', () => {
    const { controller, texts } = setup();
    texts.caption = 'himbauan';
    controller.checkNow('caption');
    delete texts.caption;
    controller.checkNow('caption');
    expect(controller.findings.value).toEqual([]);
    expect(controller.summary.value.verdict).toBe('ready');
  });

  it('fixes through the editor and re-checks; refuses a fix when the text moved', async () => {
    const { controller, texts, deps } = setup();
    texts.caption = 'Ada himbauan';
    controller.checkNow('caption');
    const item = controller.findings.value[0]!;
    texts.caption = 'Xx Ada himbauan';
    expect(await controller.fixFinding(item)).toBe(false);
    expect(deps.replaceRange).not.toHaveBeenCalled();
    const fresh = controller.findings.value[0]!;
    expect(await controller.fixFinding(fresh)).toBe(true);
    expect(texts.caption).toBe('Xx Ada imbauan');
    expect(controller.findings.value).toEqual([]);
  });

  it('ignores a personal-data error only with a reason, logging it', () => {
    const { controller, texts, deps } = setup();
    texts.caption = 'NIK 6171045203850002';
    controller.checkNow('caption');
    const item = controller.findings.value[0]!;
    expect(controller.ignoreFinding(item, '  ')).toBe(false);
    expect(controller.findings.value).toHaveLength(1);
    expect(controller.ignoreFinding(item, 'NIK contoh dari formulir')).toBe(true);
    expect(controller.findings.value).toHaveLength(0);
    expect(controller.summary.value.verdict).toBe('ready');
    expect(deps.logAudit).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'finding-ignored',
        ruleId: 'KB-PDP-01',
        reason: 'NIK contoh dari formulir',
      }),
    );
    // Still ignored while the admin keeps typing around it.
    texts.caption = `Data: ${texts.caption}`;
    controller.checkNow('caption');
    expect(controller.findings.value).toHaveLength(0);
  });

  it('ignores a suggestion without a reason', () => {
    const { controller, texts } = setup();
    texts.caption = 'himbauan';
    controller.checkNow('caption');
    expect(controller.ignoreFinding(controller.findings.value[0]!, '')).toBe(true);
  });
});

describe('library', () => {
  it('shows captions filled from the agency and date, and inserts exactly that text once filled', async () => {
    const { controller, texts, deps } = setup();
    controller.agencies.value = [{ id: 'dinkes', name: 'Dinas Kesehatan' }];
    controller.identity.value = { agencyId: 'dinkes', adminName: 'Rina', adminRole: '', handles: {} };
    controller.captions.value = [caption()];
    const entry = () => controller.captionList.value[0]!;
    expect(entry().text).toBe('Dinas Kesehatan mengimbau warga.\n\nDi {{location}}, Kamis (26/11/2026).');
    expect(entry().inputs).toEqual(['location']);
    expect(await controller.insertCaption('banjir')).toBe(false);
    expect(deps.insertText).not.toHaveBeenCalled();
    controller.setAdminInput('banjir', 'location', 'Sanggau');
    expect(entry().text).toBe('Dinas Kesehatan mengimbau warga.\n\nDi Sanggau, Kamis (26/11/2026).');
    expect(await controller.insertCaption('banjir')).toBe(true);
    expect(texts.caption).toBe(entry().text);
    expect(deps.logAudit).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'library-insert', captionId: 'banjir' }),
    );
  });

  it('on a failed insert says so, offers the text to copy, and never retries', async () => {
    const { controller, deps } = setup({ insert: () => ({ ok: false, reason: 'not-verified' }) });
    controller.captions.value = [caption({ text: 'Satu baris' })];
    expect(await controller.insertCaption('banjir')).toBe(false);
    expect(deps.insertText).toHaveBeenCalledTimes(1);
    expect(controller.notice.value).toMatchObject({ kind: 'error', copyText: 'Satu baris' });
  });

  it('does not start a second insert while one is running', async () => {
    let release: (value: InsertOutcome) => void = () => {};
    const { controller, deps } = setup();
    deps.insertText = vi.fn(() => new Promise<InsertOutcome>((resolve) => (release = resolve)));
    controller.captions.value = [caption({ text: 'Satu baris' })];
    const first = controller.insertCaption('banjir');
    expect(await controller.insertCaption('banjir')).toBe(false);
    release({ ok: true });
    expect(await first).toBe(true);
    expect(deps.insertText).toHaveBeenCalledTimes(1);
  });

  it('offers copy instead of insert when the composer is not recognised', async () => {
    const { controller, deps } = setup({ fields: [] });
    controller.captions.value = [caption({ text: 'Satu baris' })];
    expect(controller.recognised.value).toBe(false);
    expect(await controller.insertCaption('banjir')).toBe(false);
    expect(deps.insertText).not.toHaveBeenCalled();
    expect(controller.notice.value?.copyText).toBe('Satu baris');
  });

  it('inserts a hashtag set skipping tags present, with a separating space, within the cap', async () => {
    const { controller, texts, deps } = setup();
    controller.hashtagSets.value = [requiredSet];
    texts.caption = 'Banjir #kalbarbangkit #a #b';
    controller.checkNow('caption');
    expect(await controller.insertHashtagSet('wajib')).toBe(true);
    expect(texts.caption).toBe('Banjir #kalbarbangkit #a #b #PemprovKalbar');
    expect(deps.insertText).toHaveBeenCalledWith('caption', ' #PemprovKalbar');
    // Everything present now: nothing inserted a second time.
    expect(await controller.insertHashtagSet('wajib')).toBe(false);
    expect(controller.notice.value?.message).toBe('sidebar.notice.hashtagsPresent');
  });

  it('commits YouTube tags without "#" and only the missing ones', async () => {
    const { controller, texts, deps } = setup({
      fields: [
        { id: 'title', kind: 'contenteditable' },
        { id: 'description', kind: 'contenteditable' },
        { id: 'tags', kind: 'tag-input' },
      ],
    });
    controller.hashtagSets.value = [requiredSet];
    texts.tags = 'pemprovkalbar';
    controller.focusField('tags');
    expect(await controller.insertHashtagSet('wajib')).toBe(true);
    expect(deps.insertText).toHaveBeenCalledWith('tags', 'KalbarBangkit');
    // Captions never go into the tag input: the first free-text field takes them.
    controller.captions.value = [caption({ text: 'Deskripsi', platforms: [] })];
    expect(await controller.insertCaption('banjir')).toBe(true);
    expect(deps.insertText).toHaveBeenLastCalledWith('title', 'Deskripsi');
  });
});

describe('chrome', () => {
  it('remembers the collapse choice through saveCollapsed', () => {
    const { controller, deps } = setup();
    controller.toggleCollapsed();
    expect(controller.collapsed.value).toBe(true);
    expect(deps.saveCollapsed).toHaveBeenLastCalledWith(true);
  });
});
