import { describe, expect, it } from 'vitest';
import { openWordAlternations } from '@/lib/guidelines/pattern-advice';

describe('openWordAlternations (advice for rule authors)', () => {
  it('flags word alternatives that can run into a longer word', () => {
    // The KB-KIP-02 bug: "Saksikan di Taman Alun" matched as a witness's name.
    expect(openWordAlternations('\\b(?:[Ss]aksi|[Pp]elapor)[\\p{Ll} ,]{0,30}?\\p{Lu}\\p{Ll}+')).toEqual([
      '\\b(?:[Ss]aksi|[Pp]elapor)',
    ]);
    expect(openWordAlternations('nomor urut \\d+ \\b(?:coblos|pilih)')).toEqual(['\\b(?:coblos|pilih)']);
    expect(openWordAlternations('\\b(?:slot|judi)gacor')).toEqual(['\\b(?:slot|judi)']);
  });

  it('accepts alternatives that end the word, or run to its end on purpose', () => {
    for (const safe of [
      '\\b(?:saksi|pelapor)\\b',
      '\\b(?:gubernur|bupati)\\s+\\p{Lu}',
      '\\b(?:sebarkan|bagikan)\\s*!',
      '\\b(?:coblos|pilih)\\p{L}*',
      '\\b(?:nomor|no\\.)\\s?\\d',
      '\\b(?:RT|RW)\\.?\\s*\\d',
      '\\b(?:rek(?:ening)?|NPWP)\\b',
    ]) {
      expect(openWordAlternations(safe), safe).toEqual([]);
    }
  });
});
