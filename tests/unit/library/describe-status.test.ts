import { describe, expect, it } from 'vitest';
import { describeLibraryStatus, describeSyncAction, describeSyncError } from '@/lib/library/describe-status';
import {
  INITIAL_LIBRARY_STATUS,
  type LibraryStatus,
  LibraryStatusSchema,
  parseLibraryStatus,
  SYNC_ERROR_CODES,
  type SyncError,
  type SyncErrorCode,
} from '@/lib/library/status-schema';

const base: LibraryStatus = {
  ...INITIAL_LIBRARY_STATUS,
  libraryId: 'kalbar',
  version: 4,
  source: 'remote',
  sourceUrl: 'https://pustaka.kalbarprov.go.id/kalbar.json',
  expiresAt: '2027-05-01T00:00:00.000Z',
  captionCount: 49,
  lastSuccessAt: Date.parse('2026-11-26T06:00:00Z'),
};
const NOW = new Date('2026-11-26T07:00:00Z');

describe('describeLibraryStatus', () => {
  it('says which library is in use, in both languages', () => {
    expect(describeLibraryStatus(base, 'id', NOW)).toContain(
      'Pustaka kalbar versi 4 (dari server), 49 keterangan.',
    );
    expect(describeLibraryStatus(base, 'en', NOW)).toContain(
      'Library kalbar version 4 (from the server), 49 captions.',
    );
    expect(describeLibraryStatus(INITIAL_LIBRARY_STATUS, 'en', NOW)).toBe('No library loaded yet.');
  });

  it('gives the reason of a failed sync and says the last good library stays', () => {
    const status = { ...base, error: { code: 'signature' as const, detail: 'mismatch', at: 1 } };
    expect(describeLibraryStatus(status, 'id', NOW)).toContain(
      'Sinkronisasi gagal: tanda tangan digital tidak sah (berkas diubah atau kunci publik salah). Pustaka terakhir yang sah tetap dipakai.',
    );
  });

  it('names the schema path, the versions of a rollback and the HTTP status', () => {
    expect(
      describeSyncError(
        { code: 'schema', path: 'captions[3].platforms[0]', detail: 'Invalid option', at: 1 },
        'en',
      ),
    ).toBe('the library does not match the format at captions[3].platforms[0]: Invalid option.');
    expect(describeSyncError({ code: 'rollback', version: 3, currentVersion: 4, at: 1 }, 'en')).toBe(
      'version 3 is not newer than the version in use (4).',
    );
    expect(describeSyncError({ code: 'http', httpStatus: 503, at: 1 }, 'id')).toBe(
      'server menjawab HTTP 503.',
    );
    expect(describeSyncError({ code: 'too-large', bytes: 25 * 1024 * 1024, at: 1 }, 'en')).toContain(
      '25.0 MB',
    );
    expect(
      describeSyncError({ code: 'permission', url: 'https://cdn.example.id/a.json', at: 1 }, 'en'),
    ).toContain('https://cdn.example.id');
  });

  it('warns when the library in use is out of date', () => {
    const expired = { ...base, expiresAt: '2026-11-01T00:00:00.000Z' };
    expect(describeLibraryStatus(expired, 'en', NOW)).toMatch(/out of date since .*2026/);
    expect(describeLibraryStatus(base, 'en', NOW)).not.toMatch(/out of date/);
  });

  it('parses stored values at the boundary', () => {
    expect(parseLibraryStatus({ nonsense: true })).toEqual(INITIAL_LIBRARY_STATUS);
    expect(LibraryStatusSchema.parse(base)).toEqual(base);
  });
});

describe('what the admin can do', () => {
  const sample = (code: SyncErrorCode): SyncError => ({
    code,
    at: 1,
    detail: code === 'signature' ? 'mismatch' : 'x',
    path: 'captions[0]',
    httpStatus: 500,
    version: 3,
    currentVersion: 4,
    libraryId: 'lain',
    currentLibraryId: 'kalbar',
    expiresAt: '2026-11-01T00:00:00.000Z',
    bytes: 1,
    url: 'https://pustaka.example.id/a.json',
  });

  it.each(SYNC_ERROR_CODES)(
    '%s: a reason and an action, in both languages, every placeholder filled',
    (code) => {
      for (const lang of ['id', 'en'] as const) {
        const reason = describeSyncError(sample(code), lang);
        expect(reason).not.toMatch(/[{}]/);
        const action = describeSyncAction(sample(code), lang, 'Biro Adpim (0561-736541)');
        if (code === 'permission') expect(action).toBeNull();
        else {
          expect(action).not.toMatch(/[{}]/);
          if (code !== 'storage') expect(action).toContain('Biro Adpim (0561-736541)');
        }
      }
    },
  );

  it('names the bureau when the library has no contact', () => {
    expect(describeSyncAction(sample('expired'), 'id', null)).toBe(
      'Hubungi Biro Administrasi Pimpinan agar pustaka diterbitkan ulang.',
    );
  });
});
