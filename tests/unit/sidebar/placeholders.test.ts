import { describe, expect, it } from 'vitest';
import { formatDayDate } from '@/lib/i18n';
import { fillPlaceholders, placeholderNames } from '@/lib/library/placeholders';
import { placeholderValues } from '@/lib/sidebar/placeholders';

describe('placeholders', () => {
  const values = placeholderValues({
    dayDate: formatDayDate(new Date(2026, 10, 26), 'id'),
    agency: { name: 'Dinas Kesehatan Provinsi Kalimantan Barat', shortName: 'Dinkes Kalbar' },
    identity: { adminName: 'Rina', adminRole: 'Pranata Humas', handles: { instagram: '@dinkeskalbar' } },
    platform: 'instagram',
  });

  it('fills the agency identity and the Indonesian date', () => {
    const filled = fillPlaceholders(
      '{{agency.name}} – {{ date }}\n\n{{handle}} #{{agency.shortName}}',
      values,
    );
    expect(filled).toEqual({
      text: 'Dinas Kesehatan Provinsi Kalimantan Barat – Kamis (26/11/2026)\n\n@dinkeskalbar #Dinkes Kalbar',
      missing: [],
    });
  });

  it('keeps placeholders only the admin knows, and lists them once', () => {
    const filled = fillPlaceholders('Di {{location}}, {{tanggal}}. Lokasi: {{ Location }}.', values);
    expect(filled.text).toBe('Di {{location}}, Kamis (26/11/2026). Lokasi: {{ Location }}.');
    expect(filled.missing).toEqual(['location']);
    expect(placeholderNames('{{a}} {{b}} {{ A }}')).toEqual(['a', 'b']);
  });

  it('uses what the admin typed, and treats blank input as missing', () => {
    const typed = placeholderValues({ dayDate: 'x', admin: { location: 'Sanggau' } });
    expect(fillPlaceholders('Di {{location}}', typed).text).toBe('Di Sanggau');
    const blank = placeholderValues({ dayDate: 'x', admin: { location: '  ' } });
    expect(fillPlaceholders('Di {{location}}', blank).missing).toEqual(['location']);
  });

  it('leaves the agency placeholders open when no agency is chosen', () => {
    const none = placeholderValues({ dayDate: 'Kamis (26/11/2026)', agency: null, identity: null });
    expect(fillPlaceholders('{{agency}} {{date}}', none)).toEqual({
      text: '{{agency}} Kamis (26/11/2026)',
      missing: ['agency'],
    });
  });
});
