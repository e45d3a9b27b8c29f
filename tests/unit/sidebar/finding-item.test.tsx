import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FindingItem } from '@/components/sidebar/finding-item';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

function renderFinding(start: number, end: number, replacement: string) {
  const onFix = vi.fn();
  render(
    <FindingItem
      item={{
        key: `caption:R:${start}`,
        id: `caption:R:${start}#0`,
        field: 'caption',
        matched: start === end ? '' : 'x',
        finding: {
          ruleId: 'R',
          category: 'hashtags',
          severity: 'warning',
          start,
          end,
          message: 'm',
          replacements: [replacement],
        },
        excerpt: { before: 'a ', match: start === end ? '' : 'x', after: '' },
      }}
      showField={false}
      needsReason={false}
      busy={false}
      onSelect={() => {}}
      onFix={onFix}
      onIgnore={() => true}
    />,
    root,
  );
  return { fix: root.querySelector<HTMLButtonElement>('[data-sp="fix"]')!, onFix };
}

describe('<FindingItem> fix button', () => {
  it('says "replace" for a finding over text', () => {
    expect(renderFinding(2, 3, 'imbauan').fix.textContent).toBe('Ganti dengan "imbauan"');
  });

  it('says "add" for a missing credit line or hashtag (an empty range at the end)', () => {
    const { fix, onFix } = renderFinding(3, 3, ' #PemprovKalbar');
    expect(fix.textContent).toBe('Tambahkan "#PemprovKalbar"');
    fix.click();
    expect(onFix).toHaveBeenCalledTimes(1);
  });
});
