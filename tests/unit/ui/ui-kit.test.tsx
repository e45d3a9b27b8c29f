import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Button } from '@/components/ui/button';
import { SectionHeader } from '@/components/ui/section-header';
import { StatusPill } from '@/components/ui/status-pill';
import { approvalTone, verdictTone } from '@/components/ui/tones';
import { APPROVAL_STATUSES } from '@/lib/approvals/types';
import { VERDICTS } from '@/lib/guidelines/types';

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

describe('shared UI components', () => {
  it('a Button is type=button unless told otherwise and carries its variant and attributes', () => {
    render(
      <>
        <Button data-sp="sync" disabled>
          a
        </Button>
        <Button variant="primary" type="submit" class="extra">
          b
        </Button>
      </>,
      host,
    );
    const [plain, primary] = [...host.querySelectorAll('button')];
    expect(plain?.type).toBe('button');
    expect(plain?.className).toBe('sp-button');
    expect(plain?.dataset.sp).toBe('sync');
    expect(plain?.disabled).toBe(true);
    expect(primary?.type).toBe('submit');
    expect(primary?.className).toBe('sp-button sp-button-primary extra');
  });

  it('a StatusPill names its tone; a SectionHeader is one heading with its id', () => {
    render(
      <SectionHeader id="sp-x" title="Judul" level={3}>
        <StatusPill tone="warn" data-sp="verdict">
          Periksa
        </StatusPill>
      </SectionHeader>,
      host,
    );
    expect(host.querySelector('h3#sp-x')?.textContent).toBe('Judul');
    const pill = host.querySelector<HTMLElement>('[data-sp="verdict"]');
    expect(pill?.className).toBe('sp-pill sp-pill-warn');
    expect(pill?.textContent).toBe('Periksa');
  });

  it('maps every verdict and approval status to a tone, worst ones to error', () => {
    expect(VERDICTS.map(verdictTone)).toEqual(['ok', 'warn', 'error']);
    const tones = Object.fromEntries(APPROVAL_STATUSES.map((status) => [status, approvalTone(status)]));
    expect(tones).toEqual({
      'not-submitted': 'neutral',
      pending: 'info',
      approved: 'ok',
      'changes-requested': 'warn',
      rejected: 'error',
      'changed-since-approval': 'error',
    });
  });
});

/** WCAG 2.1 relative luminance and contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('design tokens', () => {
  const css = readFileSync('components/ui/tokens.css', 'utf8');
  const token = (name: string) => {
    const value = new RegExp(`--sp-${name}:\\s*(#[0-9a-f]{6});`, 'i').exec(css)?.[1];
    if (!value) throw new Error(`no token --sp-${name}`);
    return value;
  };

  it.each([
    ['ink', 'surface'],
    ['ink', 'canvas'],
    ['muted', 'surface'],
    ['muted', 'canvas'],
    ['accent', 'surface'],
    ['accent-ink', 'accent'],
    ['ok', 'ok-bg'],
    ['warn', 'warn-bg'],
    ['error', 'error-bg'],
    ['error', 'surface'],
    ['info', 'info-bg'],
    ['ink', 'neutral-bg'],
  ])('text --sp-%s on --sp-%s meets WCAG AA (4.5:1)', (text, background) => {
    expect(contrast(token(text), token(background))).toBeGreaterThanOrEqual(4.5);
  });

  it('form-control borders stand out 3:1 from the page (WCAG 1.4.11)', () => {
    expect(contrast(token('input-line'), token('surface'))).toBeGreaterThanOrEqual(3);
  });
});
