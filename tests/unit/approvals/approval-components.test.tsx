import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApprovalBadge } from '@/components/approvals/approval-badge';
import { SharePanel } from '@/components/approvals/share-panel';
import { SubmitResult } from '@/components/approvals/submit-result';
import type { SubmitDraftResult } from '@/lib/approvals/types';
import { language } from '@/lib/i18n';

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  language.value = 'id';
});
afterEach(() => {
  render(null, host);
  host.remove();
});
const q = (selector: string) => [...host.querySelectorAll<HTMLElement>(selector)];

describe('ApprovalBadge', () => {
  it('shows changes-requested with the reviewer and note', () => {
    render(
      <ApprovalBadge
        approval={{
          status: 'changes-requested',
          shortCode: 'Q2Y1PZ8N',
          reviewer: 'Biro Adpim',
          note: 'Ganti foto',
        }}
      />,
      host,
    );
    const badge = q('[data-sp="approval"]')[0]!;
    expect(badge.dataset.status).toBe('changes-requested');
    expect(badge.textContent).toContain('Perlu perbaikan');
    expect(badge.textContent).toContain('Kode Q2Y1PZ8N');
    expect(badge.textContent).toContain('Penelaah: Biro Adpim');
    expect(badge.textContent).toContain('Catatan: Ganti foto');
  });

  it('shows the word diff for changed-since-approval and restores the approved text', () => {
    const onRestore = vi.fn();
    render(
      <ApprovalBadge
        approval={{ status: 'changed-since-approval', approvedText: 'Jembatan Kapuas diresmikan' }}
        draftText="Jembatan Landak diresmikan"
        onRestore={onRestore}
      />,
      host,
    );
    expect(q('[data-sp="diff-removed"]').map((el) => el.textContent)).toEqual(['Kapuas ']);
    expect(q('[data-sp="diff-added"]').map((el) => el.textContent)).toEqual(['Landak ']);
    q('[data-sp="restore"]')[0]!.click();
    expect(onRestore).toHaveBeenCalledWith('Jembatan Kapuas diresmikan');
  });

  it('says when an approval expired', () => {
    render(<ApprovalBadge approval={{ status: 'pending', expired: true }} />, host);
    expect(q('[data-sp="approval"]')[0]!.textContent).toContain('kedaluwarsa');
    expect(q('[data-sp="restore"]')).toHaveLength(0);
  });

  it('never renders library or page text as HTML', () => {
    render(<ApprovalBadge approval={{ status: 'rejected', note: '<img src=x onerror=alert(1)>' }} />, host);
    expect(q('img')).toHaveLength(0);
    expect(q('[data-sp="approval"]')[0]!.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('SharePanel and SubmitResult', () => {
  const share = {
    requestText: 'Mohon persetujuan — kode ABCD1234\n\nTeks',
    whatsappUrl: 'https://wa.me/?text=x',
    mailtoUrl: 'mailto:?subject=y',
  };

  it('offers copy, WhatsApp and e-mail', () => {
    const onCopy = vi.fn();
    render(<SharePanel shortCode="ABCD1234" share={share} onCopy={onCopy} />, host);
    expect(q('[data-sp="share-text"]')[0]!.textContent).toBe(share.requestText);
    expect(q('[data-sp="share-whatsapp"]')[0]!.getAttribute('href')).toBe(share.whatsappUrl);
    expect(q('[data-sp="share-email"]')[0]!.getAttribute('href')).toBe(share.mailtoUrl);
    q('[data-sp="share-copy"]')[0]!.click();
    expect(onCopy).toHaveBeenCalledWith(share.requestText);
  });

  it('shows the share panel only for manual or failed delivery', () => {
    const base = {
      id: 's1',
      fingerprint: 'a'.repeat(64),
      shortCode: 'ABCD1234',
      text: 'Teks',
      platform: 'facebook',
      field: 'caption',
      agencyId: null,
      adminName: '',
      adminRole: '',
      createdAt: 0,
      updatedAt: 0,
      status: 'pending',
      decision: null,
      expired: false,
      unseen: false,
      delivery: { state: 'queued', attempts: 0, sentAt: null, lastError: null },
    } as const;
    const result: SubmitDraftResult = { submission: base, duplicate: false, delivery: 'queued', share };
    render(<SubmitResult result={result} onCopy={() => {}} />, host);
    expect(q('[data-sp="share"]')).toHaveLength(0);
    expect(q('[data-sp="submit-result"]')[0]!.dataset.delivery).toBe('queued');
    render(
      <SubmitResult
        result={{
          ...result,
          delivery: 'manual',
          submission: { ...base, delivery: { ...base.delivery, state: 'manual' } },
        }}
        onCopy={() => {}}
      />,
      host,
    );
    expect(q('[data-sp="share"]')).toHaveLength(1);
  });
});
