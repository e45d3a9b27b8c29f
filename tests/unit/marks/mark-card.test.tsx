import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MarkCard, type MarkCardProps } from '@/components/marks/mark-card';
import { toFieldFindings } from '@/lib/sidebar/findings';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const [spelling] = toFieldFindings('caption', 'Ada himbauan', [
  {
    ruleId: 'KB-BAKU-01',
    category: 'spelling',
    severity: 'suggestion',
    start: 4,
    end: 12,
    message: 'Baku: imbauan',
    replacements: ['imbauan'],
  },
]);
const [nik] = toFieldFindings('caption', 'NIK 6171045203850002', [
  { ruleId: 'KB-PDP-01', category: 'personal-data', severity: 'error', start: 4, end: 20, message: 'NIK' },
]);

function renderCard(over: Partial<MarkCardProps> = {}) {
  const props: MarkCardProps = {
    item: spelling!,
    anchor: { left: 100, top: 100, width: 80, height: 20 },
    viewport: { width: 1280, height: 800 },
    source: 'Pedoman Umum Ejaan',
    needsReason: false,
    busy: false,
    takeFocus: false,
    onFix: vi.fn(),
    onIgnore: vi.fn(() => true),
    onShowInSidebar: vi.fn(),
    onClose: vi.fn(),
    onPointerInside: vi.fn(),
    ...over,
  };
  return act(() => render(<MarkCard {...props} />, root)).then(() => props);
}

const q = (selector: string) => root.querySelector<HTMLElement>(selector);

function untrustedClick(element: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: false });
  element.dispatchEvent(event);
}

describe('<MarkCard>', () => {
  it('shows the message, the rule’s basis and a fix; fixes and shows in the sidebar on a click', async () => {
    const props = await renderCard();
    expect(q('[data-sp="mark-card"]')?.dataset.ruleId).toBe('KB-BAKU-01');
    expect(q('.sp-mark-message')?.textContent).toBe('Baku: imbauan');
    expect(q('.sp-mark-source')?.textContent).toContain('Pedoman Umum Ejaan');
    expect(q('[data-sp="fix"]')?.textContent).toContain('imbauan');
    await act(() => q('[data-sp="fix"]')!.click());
    expect(props.onFix).toHaveBeenCalledWith(spelling);
    await act(() => q('[data-sp="mark-show"]')!.click());
    expect(props.onShowInSidebar).toHaveBeenCalledWith(spelling);
  });

  it('has no fix for a finding without a replacement, and names the rule when there is no basis', async () => {
    await renderCard({ item: nik!, source: null, needsReason: true });
    expect(q('[data-sp="fix"]')).toBeNull();
    expect(q('.sp-mark-source')?.textContent).toContain('KB-PDP-01');
  });

  it('asks a reason where the sidebar does, and ignores only with it', async () => {
    const onIgnore = vi.fn((_item: unknown, reason: string) => reason.trim() !== '');
    await renderCard({ item: nik!, needsReason: true, onIgnore });
    await act(() => q('[data-sp="ignore"]')!.click());
    await act(() => q('[data-sp="ignore-confirm"]')!.click());
    expect(q('[data-sp="ignore-reason"]')?.getAttribute('aria-invalid')).toBe('true');
    const reason = q('[data-sp="ignore-reason"]') as HTMLInputElement;
    await act(() => {
      reason.value = 'contoh formulir';
      reason.dispatchEvent(new Event('input'));
    });
    await act(() => q('[data-sp="ignore-confirm"]')!.click());
    expect(onIgnore).toHaveBeenLastCalledWith(nik, 'contoh formulir');
  });

  it('does nothing for a page script’s clicks', async () => {
    const props = await renderCard();
    for (const selector of [
      '[data-sp="fix"]',
      '[data-sp="ignore"]',
      '[data-sp="mark-show"]',
      '[data-sp="mark-close"]',
    ])
      await act(() => untrustedClick(q(selector)!));
    expect(props.onFix).not.toHaveBeenCalled();
    expect(props.onShowInSidebar).not.toHaveBeenCalled();
    expect(props.onClose).not.toHaveBeenCalled();
    expect(q('[data-sp="ignore-form"]')).toBeNull();
  });

  it('takes the focus when opened from the keyboard', async () => {
    await renderCard({ takeFocus: true });
    expect(document.activeElement).toBe(q('[data-sp="fix"]'));
  });
});
