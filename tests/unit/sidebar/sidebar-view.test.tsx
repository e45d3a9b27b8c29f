import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Sidebar } from '@/components/sidebar/sidebar';
import { createSidebarController, type SidebarDeps } from '@/lib/sidebar/sidebar-controller';

/** The sidebar rendered from a controller with plain-function dependencies, in happy-dom. */
function setup(fields: SidebarDeps['fields'] = [{ id: 'caption', kind: 'lexical' }]) {
  const texts: Record<string, string> = {};
  const deps: SidebarDeps = {
    platform: 'instagram',
    fields,
    readField: (field) => texts[field] ?? null,
    insertText: vi.fn(async () => ({ ok: true as const })),
    replaceRange: vi.fn(async () => ({ ok: true as const })),
    selectRange: vi.fn(() => true),
    charBeforeCaret: () => '',
    copyText: vi.fn(async () => true),
    check: (text) => {
      const at = text.indexOf('6171045203850002');
      return at < 0
        ? { verdict: 'ready', score: 100, findings: [] }
        : {
            verdict: 'blocked',
            score: 40,
            findings: [
              {
                ruleId: 'KB-PDP-01',
                category: 'personal-data',
                severity: 'error',
                start: at,
                end: at + 16,
                message: 'NIK',
              },
            ],
          };
    },
    limits: () => ({ chars: 2200, hashtags: 5 }),
    today: () => new Date('2026-11-26T02:00:00Z'),
    formatDayDate: () => 'Kamis (26/11/2026)',
    logAudit: vi.fn(),
    saveCollapsed: vi.fn(),
    schedule: (callback) => callback(),
  };
  const controller = createSidebarController(deps);
  return { controller, deps, texts };
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

/** Renders the sidebar for `controller` as the content script would (nothing submitting). */
function renderSidebar(
  controller: ReturnType<typeof setup>['controller'],
  platform: 'facebook' | 'instagram' | 'youtube',
  healthSummary = 'ok',
) {
  return act(() =>
    render(
      <Sidebar
        platform={platform}
        controller={controller}
        healthSummary={healthSummary}
        onSubmit={() => {}}
        submitting={false}
      />,
      root,
    ),
  );
}

const q = (selector: string) => root.querySelector<HTMLElement>(selector);

describe('<Sidebar>', () => {
  it('shows the verdict and each finding with the hooks tests rely on', async () => {
    const { controller, texts } = setup();
    texts.caption = 'Warga NIK 6171045203850002';
    controller.checkNow('caption');
    await renderSidebar(controller, 'instagram');
    expect(q('[data-sp="verdict"]')?.dataset.verdict).toBe('blocked');
    const finding = q('[data-sp="finding"]');
    expect(finding?.dataset).toMatchObject({
      ruleId: 'KB-PDP-01',
      category: 'personal-data',
      severity: 'error',
      field: 'caption',
    });
    expect(finding?.querySelector('mark')?.textContent).toBe('6171045203850002');
    expect(q('[data-sp="counter"][data-kind="chars"]')?.dataset.value).toBe(String(texts.caption.length));
  });

  it('refuses to ignore a personal-data error without a reason, then ignores it with one', async () => {
    const { controller, texts, deps } = setup();
    texts.caption = 'NIK 6171045203850002';
    controller.checkNow('caption');
    await renderSidebar(controller, 'instagram');
    await act(() => q('[data-sp="ignore"]')!.click());
    const reason = q('[data-sp="ignore-reason"]') as HTMLInputElement;
    expect(reason.required).toBe(true);
    await act(() => {
      q('[data-sp="ignore-form"]')!.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    expect(q('[data-sp="finding"]')).not.toBeNull();
    expect(deps.logAudit).not.toHaveBeenCalled();
    await act(() => {
      reason.value = 'contoh formulir';
      reason.dispatchEvent(new Event('input'));
    });
    await act(() => {
      q('[data-sp="ignore-form"]')!.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    expect(q('[data-sp="finding"]')).toBeNull();
    expect(deps.logAudit).toHaveBeenCalledWith(expect.objectContaining({ reason: 'contoh formulir' }));
  });

  it('holds in caption-text exactly the text insert puts in, line breaks included', async () => {
    const { controller, deps } = setup();
    controller.captions.value = [
      {
        id: 'banjir',
        title: 'Banjir',
        text: 'Siaga banjir\n\nDi {{location}}, {{date}}.',
        platforms: [],
        agencies: [],
        keywords: [],
        validFrom: null,
        validUntil: null,
      },
    ];
    await renderSidebar(controller, 'instagram');
    const insert = () => q('[data-sp="caption"] [data-sp="insert"]') as HTMLButtonElement;
    expect(insert().disabled).toBe(true);
    const input = q('[data-sp="placeholder"][data-name="location"]') as HTMLInputElement;
    await act(() => {
      input.value = 'Sanggau';
      input.dispatchEvent(new Event('input'));
    });
    const shown = q('[data-sp="caption-text"]')?.textContent;
    expect(shown).toBe('Siaga banjir\n\nDi Sanggau, Kamis (26/11/2026).');
    await act(async () => insert().click());
    expect(deps.insertText).toHaveBeenCalledWith('caption', shown);
  });

  it('says when the composer is not recognised and offers copy instead of insert', async () => {
    const { controller, deps } = setup([]);
    controller.captions.value = [
      {
        id: 'c',
        title: 'C',
        text: 'Satu',
        platforms: [],
        agencies: [],
        keywords: [],
        validFrom: null,
        validUntil: null,
      },
    ];
    await renderSidebar(controller, 'facebook', 'facebook: not recognised');
    expect(q('[data-sp="health"]')?.dataset.recognised).toBe('false');
    expect(q('[data-sp="insert"]')).toBeNull();
    await act(async () => q('[data-sp="caption"] [data-sp="copy"]')!.click());
    expect(deps.copyText).toHaveBeenCalledWith('Satu');
  });

  it('collapses to a header with the toggle', async () => {
    const { controller, deps } = setup();
    await renderSidebar(controller, 'instagram');
    await act(() => q('[data-sp="toggle"]')!.click());
    expect(q('[data-sp="toggle"]')?.getAttribute('aria-expanded')).toBe('false');
    expect(q('[data-sp="search"]')).toBeNull();
    expect(deps.saveCollapsed).toHaveBeenCalledWith(true);
  });
});
