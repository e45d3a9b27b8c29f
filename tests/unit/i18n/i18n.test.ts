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

describe('the content script’s strings', () => {
  it('are the pages’ own entries, in the same language as they are switched', async () => {
    const inPage = await import('@/lib/i18n/in-page');
    for (const [key, message] of Object.entries(inPage.inPageMessages))
      expect(messages[key as keyof typeof messages], key).toBe(message);
    expect(inPage.language).toBe(language);
    language.value = 'en';
    try {
      expect(inPage.t('common.verdict.blocked')).toBe('Do not post');
      expect(inPage.t('sidebar.findings.ignored', { count: 2 })).toBe('2 findings ignored');
    } finally {
      language.value = 'id';
    }
  });

  it('carry no table of the popup or the options page', async () => {
    const { inPageMessages } = await import('@/lib/i18n/in-page');
    const prefixes = new Set(Object.keys(inPageMessages).map((key) => key.split('.')[0]));
    for (const shown of ['common', 'sidebar', 'marks', 'approvals']) expect(prefixes).toContain(shown);
    for (const page of ['popup', 'options']) expect(prefixes).not.toContain(page);
  });
});
