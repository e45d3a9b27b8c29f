import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommitmentSection } from '@/components/options/commitment-section';
import { PopupRequests } from '@/components/popup/bigteam-section';
import type { RequestView } from '@/lib/bigteam/types';
import { language } from '@/lib/i18n';

const request = (id: string, status: RequestView['status']): RequestView => ({
  id,
  title: `Permintaan ${id}`,
  captionId: 'c',
  agencies: [],
  platforms: [],
  from: '2026-11-01',
  until: '2026-12-31',
  priority: 'normal',
  status,
  text: 'Teks',
  ...(status === 'done'
    ? {
        done: {
          requestId: id,
          fingerprint: 'f',
          platform: 'facebook',
          at: '2026-11-30T02:00:00Z',
          via: 'marked',
        },
      }
    : {}),
});

afterEach(() => {
  render(null, document.body);
  language.value = 'id';
});

describe('popup requests and the commitment section', () => {
  it('offers "mark done" only for open requests and puts refusal codes in words', () => {
    const onMarkDone = vi.fn();
    render(
      <PopupRequests
        requests={[request('a', 'open'), request('b', 'done'), request('c', 'expired')]}
        links={{}}
        errors={{ a: 'expired' }}
        onLink={() => {}}
        onMarkDone={onMarkDone}
      />,
      document.body,
    );
    const items = [...document.querySelectorAll('[data-sp="request"]')];
    expect(items.map((item) => item.getAttribute('data-status'))).toEqual(['open', 'done', 'expired']);
    expect(document.querySelectorAll('[data-sp="request-mark-done"]')).toHaveLength(1);
    expect(items[0]?.querySelector('[role="alert"]')?.textContent).toBe('Permintaan ini sudah kedaluwarsa.');
    document.querySelector<HTMLButtonElement>('[data-sp="request-mark-done"]')?.click();
    expect(onMarkDone).toHaveBeenCalledWith('a');
  });

  it('an unknown failure keeps its detail; the commit button goes once this version is committed', () => {
    language.value = 'en';
    render(
      <PopupRequests
        requests={[request('a', 'open')]}
        links={{}}
        errors={{ a: 'offline' }}
        onLink={() => {}}
        onMarkDone={() => {}}
      />,
      document.body,
    );
    expect(document.querySelector('[role="alert"]')?.textContent).toBe('Could not mark it: offline');
    const commitment = { version: 'v2', text: 'Saya berkomitmen.' };
    render(
      <CommitmentSection
        commitment={commitment}
        committedVersion="v1"
        busy={false}
        error="no-admin-name"
        onCommit={() => {}}
      />,
      document.body,
    );
    expect(document.querySelector('[data-sp="commitment"]')?.textContent).toBe('Saya berkomitmen.');
    expect(document.querySelector('[data-sp="commit"]')).not.toBeNull();
    expect(document.querySelector('[role="alert"]')?.textContent).toBe(
      "Fill in and save the admin's name first.",
    );
    render(
      <CommitmentSection
        commitment={commitment}
        committedVersion="v2"
        busy={false}
        error={null}
        onCommit={() => {}}
      />,
      document.body,
    );
    expect(document.querySelector('[data-sp="commit"]')).toBeNull();
    expect(document.querySelector('[data-sp="commitment-status"]')?.textContent).toBe(
      'You committed to version v2.',
    );
  });
});
