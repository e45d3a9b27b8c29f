import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SidebarApp } from '@/entrypoints/content/sidebar-app';
import type { SidebarModel } from '@/lib/sidebar/sidebar-model';
import { setupModel } from './model-fixture';

/** The sidebar rendered from a model with plain-function dependencies, in happy-dom. */
function setup(fields?: NonNullable<Parameters<typeof setupModel>[0]>['fields']) {
  return setupModel({ fields, schedule: 'now' });
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

/** Renders the sidebar for `model` as the content script does. */
function renderSidebar(model: SidebarModel, platform: 'facebook' | 'instagram' | 'youtube') {
  return act(() => render(<SidebarApp platform={platform} model={model} />, root));
}

const q = (selector: string) => root.querySelector<HTMLElement>(selector);

/** What a page script's `element.click()` produces: an event the browser marks untrusted. */
function untrustedClick(element: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: false });
  element.dispatchEvent(event);
}

describe('<Sidebar>', () => {
  it('shows the verdict and each finding with the hooks tests rely on', async () => {
    const { model, texts } = setup();
    texts.caption = 'Warga NIK 6171045203850002';
    model.checkNow('caption');
    await renderSidebar(model, 'instagram');
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
    const { model, texts, deps } = setup();
    texts.caption = 'NIK 6171045203850002';
    model.checkNow('caption');
    await renderSidebar(model, 'instagram');
    await act(() => q('[data-sp="ignore"]')!.click());
    const reason = q('[data-sp="ignore-reason"]') as HTMLInputElement;
    expect(reason.required).toBe(true);
    await act(() => q('[data-sp="ignore-confirm"]')!.click());
    expect(q('[data-sp="finding"]')).not.toBeNull();
    expect(deps.logAudit).not.toHaveBeenCalled();
    await act(() => {
      reason.value = 'contoh formulir';
      reason.dispatchEvent(new Event('input'));
    });
    // A submit event alone (what `form.requestSubmit()` fires) ignores nothing.
    await act(() => {
      q('[data-sp="ignore-form"]')!.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    expect(q('[data-sp="finding"]')).not.toBeNull();
    await act(() => q('[data-sp="ignore-confirm"]')!.click());
    expect(q('[data-sp="finding"]')).toBeNull();
    expect(deps.logAudit).toHaveBeenCalledWith(expect.objectContaining({ reason: 'contoh formulir' }));
  });

  it('holds in caption-text exactly the text insert puts in, line breaks included', async () => {
    const { model, deps } = setup();
    model.captions.value = [
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
    await renderSidebar(model, 'instagram');
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
    const { model, deps } = setup([]);
    model.setRecognised(false, 'facebook: not recognised');
    model.captions.value = [
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
    await renderSidebar(model, 'facebook');
    expect(q('[data-sp="health"]')?.dataset.recognised).toBe('false');
    expect(q('[data-sp="insert"]')).toBeNull();
    await act(async () => q('[data-sp="caption"] [data-sp="copy"]')!.click());
    expect(deps.copyText).toHaveBeenCalledWith('Satu');
  });

  it('says in plain words that the composer was recognised; the technical detail is in the report', async () => {
    const summary = 'facebook: caption=aria-label (id)#1/built-in; container=dialog';
    for (const recognised of [true, false]) {
      const { model, deps } = setup(recognised ? undefined : []);
      model.setRecognised(recognised, summary);
      await renderSidebar(model, 'facebook');
      const health = q('[data-sp="health"]')!;
      expect(health.dataset.recognised).toBe(String(recognised));
      expect(health.dataset.diagnostics).toBe(summary);
      const text = q('[data-sp="health-text"]')?.textContent ?? '';
      expect(text).toContain('Facebook');
      expect(text).not.toContain('aria-label');
      expect(text).not.toContain('container=');
      await act(async () => q('[data-sp="health-report"]')!.click());
      const report = String((deps.copyText.mock.calls.at(-1) as unknown[] | undefined)?.[0]);
      expect(report).toContain(summary);
      expect(report).toContain(`recognised: ${recognised ? 'yes' : 'no'}`);
      await act(() => render(null, root));
    }
  });

  it('collapses to a header with the toggle', async () => {
    const { model, deps } = setup();
    await renderSidebar(model, 'instagram');
    await act(() => q('[data-sp="toggle"]')!.click());
    expect(q('[data-sp="toggle"]')?.getAttribute('aria-expanded')).toBe('false');
    expect(q('[data-sp="search"]')).toBeNull();
    expect(deps.saveCollapsed).toHaveBeenCalledWith(true);
  });
});

describe('only the person at the keyboard acts', () => {
  it('ignores untrusted clicks on fix, ignore, insert, copy, submit and toggle', async () => {
    const { model, texts, deps } = setup();
    texts.caption = 'Ada himbauan';
    model.checkNow('caption');
    model.captions.value = [
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
    model.hashtagSets.value = [
      {
        id: 'wajib',
        title: 'Wajib',
        kind: 'required',
        tags: ['#PemprovKalbar'],
        agencies: [],
        platforms: [],
        validFrom: null,
        validUntil: null,
      },
    ];
    await renderSidebar(model, 'instagram');
    const buttons = [
      '[data-sp="fix"]',
      '[data-sp="finding-select"]',
      '[data-sp="ignore"]',
      '[data-sp="caption"] [data-sp="insert"]',
      '[data-sp="caption"] [data-sp="copy"]',
      '[data-sp="hashtag-set"] [data-sp="insert"]',
      '[data-sp="hashtag-set"] [data-sp="copy"]',
      '[data-sp="health-report"]',
      '[data-sp="submit"]',
      '[data-sp="toggle"]',
    ];
    for (const selector of buttons) {
      const button = q(selector);
      expect(button, selector).not.toBeNull();
      await act(async () => untrustedClick(button!));
    }
    expect(deps.replaceRange).not.toHaveBeenCalled();
    expect(deps.selectRange).not.toHaveBeenCalled();
    expect(deps.insertText).not.toHaveBeenCalled();
    expect(deps.copyText).not.toHaveBeenCalled();
    expect(deps.approvals.submit).not.toHaveBeenCalled();
    expect(deps.saveCollapsed).not.toHaveBeenCalled();
    expect(q('[data-sp="ignore-form"]')).toBeNull();
    expect(model.collapsed.value).toBe(false);
    // The same buttons work for a person (happy-dom's click stands in for a trusted one).
    await act(async () => q('[data-sp="fix"]')!.click());
    expect(deps.replaceRange).toHaveBeenCalledTimes(1);
  });

  it('ignores a placeholder typed by a page script', async () => {
    const { model } = setup();
    model.captions.value = [
      {
        id: 'c',
        title: 'C',
        text: 'Di {{location}}',
        platforms: [],
        agencies: [],
        keywords: [],
        validFrom: null,
        validUntil: null,
      },
    ];
    await renderSidebar(model, 'instagram');
    const input = q('[data-sp="placeholder"]') as HTMLInputElement;
    await act(() => {
      input.value = 'Sanggau';
      const event = new Event('input', { bubbles: true });
      Object.defineProperty(event, 'isTrusted', { value: false });
      input.dispatchEvent(event);
    });
    expect(model.captionList.value[0]?.values).toEqual({});
  });
});
