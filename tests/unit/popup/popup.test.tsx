import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupProps } from '@/components/popup/popup';
import { PopupApp } from '@/entrypoints/popup/app';
import type { Submission } from '@/lib/approvals/types';
import { language } from '@/lib/i18n';
import { INITIAL_LIBRARY_STATUS, type LibraryStatus } from '@/lib/library/status-schema';
import { createPopupModel, type PopupDeps } from '@/lib/popup/popup-model';

function submission(id: string, partial: Partial<Submission> = {}): Submission {
  return {
    id,
    fingerprint: id.padEnd(64, '0'),
    shortCode: 'ABCD1234',
    text: `Teks ${id}\nbaris dua`,
    platform: 'facebook',
    field: 'caption',
    agencyId: 'dinkes',
    adminName: 'Rina',
    adminRole: '',
    createdAt: Date.parse('2026-11-26T06:00:00Z'),
    updatedAt: Date.parse('2026-11-26T06:00:00Z'),
    status: 'pending',
    decision: null,
    expired: false,
    unseen: false,
    delivery: { state: 'sent', attempts: 1, sentAt: 1, lastError: null },
    ...partial,
  };
}

const SUBMISSIONS = [
  submission('aa'),
  submission('bb', {
    status: 'changes-requested',
    unseen: true,
    decision: {
      status: 'changes-requested',
      reviewer: 'Biro Adpim',
      note: 'Tulis gelar lengkap',
      decidedAt: '2026-11-26T13:00:00+07:00',
    },
  }),
  submission('cc', { status: 'approved' }),
];

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

function props(partial: Partial<PopupProps> = {}): PopupProps {
  return {
    draft: { kind: 'none' },
    submissions: SUBMISSIONS,
    filter: 'all',
    onFilter: () => {},
    libraryText: 'Pustaka kalbar v3',
    syncing: false,
    onSync: () => {},
    copiedId: null,
    onCopy: () => {},
    share: null,
    onShare: () => {},
    onCopyText: () => {},
    error: null,
    onOpenOptions: () => {},
    ...partial,
  };
}

const q = (selector: string) => [...host.querySelectorAll<HTMLElement>(selector)];

describe('Popup view', () => {
  it('lists submissions with the data-sp hooks, status, note and filter', () => {
    render(<Popup {...props()} />, host);
    const items = q('[data-sp="submission"]');
    expect(items.map((item) => item.dataset.status)).toEqual(['pending', 'changes-requested', 'approved']);
    expect(items[1]!.dataset.fingerprint).toBe('bb'.padEnd(64, '0'));
    expect(items[1]!.textContent).toContain('Perlu perbaikan');
    expect(items[1]!.textContent).toContain('Catatan: Tulis gelar lengkap');
    expect(items[1]!.textContent).toContain('Baru');
    expect(items[0]!.textContent).not.toContain('Baru');

    render(<Popup {...props({ filter: 'approved' })} />, host);
    expect(q('[data-sp="submission"]').map((item) => item.dataset.status)).toEqual(['approved']);
    render(<Popup {...props({ filter: 'rejected' })} />, host);
    expect(q('[data-sp="submission"]')).toHaveLength(0);
    expect(q('[data-sp="submissions-empty"]')[0]!.textContent).toBe('Tidak ada pengajuan dengan status ini.');
  });

  it('opens the text, copies it and changes the filter through callbacks', async () => {
    const onCopy = vi.fn();
    const onFilter = vi.fn();
    render(<Popup {...props({ onCopy, onFilter })} />, host);
    expect(q('[data-sp="submission-text"]')).toHaveLength(0);
    await act(() => q('[data-sp="submission-open"]')[0]!.click());
    expect(q('[data-sp="submission-text"]')[0]!.textContent).toBe('Teks aa\nbaris dua');
    q('[data-sp="submission-copy"]')[2]!.click();
    expect(onCopy).toHaveBeenCalledWith(SUBMISSIONS[2]);
    const select = q('[data-sp="submission-filter"]')[0] as HTMLSelectElement;
    select.value = 'pending';
    select.dispatchEvent(new Event('change'));
    expect(onFilter).toHaveBeenCalledWith('pending');
  });

  it('offers the share panel for a request to send by hand, and only then', async () => {
    const onShare = vi.fn();
    const manual = [
      submission('dd', { delivery: { state: 'manual', attempts: 0, sentAt: null, lastError: null } }),
      SUBMISSIONS[0]!,
    ];
    render(<Popup {...props({ submissions: manual, onShare })} />, host);
    expect(q('[data-sp="submission-share"]')).toHaveLength(1);
    q('[data-sp="submission-share"]')[0]!.click();
    expect(onShare).toHaveBeenCalledWith(manual[0]);
    const options = {
      requestText: 'Mohon persetujuan',
      whatsappUrl: 'https://wa.me/?text=M',
      mailtoUrl: 'mailto:?subject=M',
    };
    render(<Popup {...props({ submissions: manual, share: { id: 'dd', options } })} />, host);
    expect(q('[data-sp="share"]')).toHaveLength(1);
    expect(q('[data-sp="share-whatsapp"]')[0]!.getAttribute('href')).toBe('https://wa.me/?text=M');
  });

  it("shows the tab's draft verdict and approval, or says there is none", () => {
    render(<Popup {...props()} />, host);
    expect(q('[data-sp="no-draft"]')).toHaveLength(1);
    expect(q('[data-sp="approval"]')).toHaveLength(0);
    render(
      <Popup
        {...props({
          draft: {
            kind: 'draft',
            draft: {
              platform: 'facebook',
              field: 'caption',
              text: 'x',
              verdict: 'review',
              score: 70,
              approval: 'changed-since-approval',
            },
          },
        })}
      />,
      host,
    );
    expect(q('[data-sp="verdict"]')[0]!.dataset.verdict).toBe('review');
    expect(q('[data-sp="approval"]')[0]!.dataset.status).toBe('changed-since-approval');
    expect(q('[data-sp="approval"]')[0]!.textContent).toContain('Diubah setelah disetujui');
  });

  it('shows the sync status, disables sync while syncing, and speaks English when asked', () => {
    const onSync = vi.fn();
    render(<Popup {...props({ onSync })} />, host);
    expect(q('[data-sp="sync-status"]')[0]!.textContent).toBe('Pustaka kalbar v3');
    q('[data-sp="sync"]')[0]!.click();
    expect(onSync).toHaveBeenCalledOnce();
    language.value = 'en';
    render(<Popup {...props({ syncing: true })} />, host);
    expect((q('[data-sp="sync"]')[0] as HTMLButtonElement).disabled).toBe(true);
    expect(q('[data-sp="sync"]')[0]!.textContent).toBe('Syncing…');
    expect(q('h2').map((h) => h.textContent)).toContain('My submissions');
  });
});

describe('popup model', () => {
  function fakeDeps(overrides: Partial<PopupDeps> = {}) {
    const calls: string[] = [];
    let listeners: ((status: LibraryStatus) => void)[] = [];
    let list = [SUBMISSIONS[0]!];
    const deps: PopupDeps = {
      listSubmissions: async () => {
        calls.push('list');
        return list;
      },
      markSubmissionsSeen: async () => {
        calls.push('seen');
        return 1;
      },
      getDraftState: async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
      readLibraryStatus: async () => ({ ...INITIAL_LIBRARY_STATUS, version: 3, updatedAt: 1 }),
      watchLibraryStatus: (callback) => {
        listeners.push(callback);
        return () => {
          listeners = listeners.filter((listener) => listener !== callback);
        };
      },
      syncNow: async () => {
        list = [{ ...SUBMISSIONS[0]!, status: 'approved', unseen: true }];
        return { ...INITIAL_LIBRARY_STATUS, version: 4, updatedAt: 2 };
      },
      copyText: async () => {},
      openOptions: async () => {
        calls.push('options');
      },
      getSubmissionShare: async (id) => ({
        requestText: `permintaan ${id}`,
        whatsappUrl: 'https://wa.me/?text=x',
        mailtoUrl: 'mailto:?subject=x',
      }),
      ...overrides,
    };
    return {
      deps,
      calls,
      emit: (status: LibraryStatus) => {
        for (const listener of listeners) listener(status);
      },
      setList: (next: Submission[]) => (list = next),
    };
  }

  it('reads the list before marking it seen, and survives a tab without content script', async () => {
    const { deps, calls } = fakeDeps();
    const model = createPopupModel(deps);
    await model.open();
    expect(calls).toEqual(['list', 'seen']);
    expect(model.draft.value).toEqual({ kind: 'none' });
    expect(model.submissions.value).toHaveLength(1);
    expect(model.library.value?.version).toBe(3);
  });

  it('reloads the list after sync now and when another sync brings a new library', async () => {
    const { deps, emit, setList, calls } = fakeDeps();
    const model = createPopupModel(deps);
    await model.open();
    await model.sync();
    expect(model.submissions.value![0]!.status).toBe('approved');
    // A decision that arrived while the popup is open is seen at once (badge cleared).
    expect(calls).toEqual(['list', 'seen', 'list', 'seen']);
    expect(model.library.value?.version).toBe(4);
    expect(model.syncing.value).toBe(false);

    setList([{ ...SUBMISSIONS[0]!, status: 'rejected' }]);
    emit({ ...INITIAL_LIBRARY_STATUS, version: 5, updatedAt: 3 });
    await vi.waitFor(() => expect(model.submissions.value![0]!.status).toBe('rejected'));
  });

  it('opens and closes the share options of one submission', async () => {
    const model = createPopupModel(fakeDeps().deps);
    await model.toggleShare('dd');
    expect(model.share.value).toEqual({
      id: 'dd',
      options: expect.objectContaining({ requestText: 'permintaan dd' }),
    });
    await model.toggleShare('dd');
    expect(model.share.value).toBeNull();
  });

  it('keeps showing the rest when sync fails', async () => {
    const { deps } = fakeDeps({
      syncNow: async () => {
        throw new Error('offline');
      },
    });
    const model = createPopupModel(deps);
    await model.open();
    await model.sync();
    expect(model.error.value).toBe('offline');
    expect(model.submissions.value).toHaveLength(1);
    expect(model.syncing.value).toBe(false);
  });
});

describe('popup app (model bound to the view)', () => {
  it('shows what the model loaded and sends the buttons to the model', async () => {
    const calls: string[] = [];
    const model = createPopupModel({
      listSubmissions: async () => SUBMISSIONS,
      markSubmissionsSeen: async () => 0,
      getDraftState: async () => null,
      readLibraryStatus: async () => ({ ...INITIAL_LIBRARY_STATUS, version: 3, updatedAt: 1 }),
      watchLibraryStatus: () => () => {},
      syncNow: async () => {
        calls.push('sync');
        return { ...INITIAL_LIBRARY_STATUS, version: 4, updatedAt: 2 };
      },
      getSubmissionShare: async () => null,
      copyText: async () => {},
      openOptions: async () => {
        calls.push('options');
      },
    });
    await act(async () => {
      render(<PopupApp model={model} />, host);
    });
    await vi.waitFor(() => expect(q('[data-sp="submission"]')).toHaveLength(3), { timeout: 5000 });
    expect(q('[data-sp="no-draft"]')).toHaveLength(1);
    await act(async () => {
      q('[data-sp="sync"]')[0]!.click();
    });
    await act(async () => {
      q('[data-sp="open-options"]')[0]!.click();
    });
    expect(calls).toEqual(['sync', 'options']);
  });
});
