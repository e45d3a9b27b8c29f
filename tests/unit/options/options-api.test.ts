import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOptionsApi, downloadText } from '@/lib/options/options-api';

const sent = vi.hoisted(() => [] as { name: string; data: unknown }[]);
vi.mock('@/lib/messaging/protocol', () => ({
  sendMessage: async (name: string, data: unknown) => {
    sent.push({ name, data });
    if (name === 'getLibrary')
      return { bundle: { agencies: [{ id: 'dkp' }], captions: [] }, status: { version: 3 } };
    if (name === 'exportAudit') return 'at,type\n';
    return { ok: true, message: 'ok' };
  },
}));

afterEach(() => {
  sent.length = 0;
  vi.restoreAllMocks();
});

describe('options page bridge', () => {
  it('asks the background for the library and hands the page its agency directory', async () => {
    const api = createOptionsApi();
    expect(await api.getLibrary()).toEqual({ agencies: [{ id: 'dkp' }], status: { version: 3 } });
    expect(await api.exportAudit('csv')).toBe('at,type\n');
    expect(sent).toEqual([
      { name: 'getLibrary', data: undefined },
      { name: 'exportAudit', data: { format: 'csv' } },
    ]);
  });

  it('downloads text through a temporary a[download] link', () => {
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:satu-pintu/1');
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: this.isConnected });
    });
    downloadText('satu-pintu-audit.csv', 'a,b\n', 'text/csv');
    expect(create).toHaveBeenCalledTimes(1);
    const blob = create.mock.calls[0]?.[0] as Blob;
    expect(blob.type).toBe('text/csv');
    expect(clicked).toEqual([
      { href: 'blob:satu-pintu/1', download: 'satu-pintu-audit.csv', attached: true },
    ]);
    expect(document.querySelector('a[download]')).toBeNull();
  });
});
