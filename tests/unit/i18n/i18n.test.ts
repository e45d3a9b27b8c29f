import { describe, expect, it } from 'vitest';
import { formatDayDate, language, messages, t } from '@/lib/i18n';

describe('i18n', () => {
  it('speaks Bahasa Indonesia by default and English when switched', () => {
    expect(t('common.verdict.blocked')).toBe('Jangan diunggah');
    language.value = 'en';
    try {
      expect(t('common.verdict.blocked')).toBe('Do not post');
    } finally {
      language.value = 'id';
    }
  });

  it('fills named placeholders and leaves unknown ones visible', () => {
    expect(t('common.error', { detail: 'jaringan' })).toBe('Terjadi kesalahan: jaringan');
    expect(t('common.error')).toBe('Terjadi kesalahan: {detail}');
  });

  it('has a non-empty text in both languages for every key, with the same placeholders', () => {
    for (const [key, message] of Object.entries(messages)) {
      expect(message.id.trim(), key).not.toBe('');
      expect(message.en.trim(), key).not.toBe('');
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(message.en), key).toEqual(names(message.id));
    }
  });

  it('formats dates the way Indonesian admins write them', () => {
    const date = new Date(2026, 10, 26);
    expect(formatDayDate(date, 'id')).toBe('Kamis (26/11/2026)');
    expect(formatDayDate(date, 'en')).toBe('Thursday (26/11/2026)');
  });
});
