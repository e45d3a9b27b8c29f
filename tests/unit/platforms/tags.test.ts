import { afterEach, describe, expect, it } from 'vitest';
import { insertText } from '@/lib/platforms/insert';
import { readFieldText } from '@/lib/platforms/read';
import { parseTags } from '@/lib/platforms/tags';
import { loadSnapshot, one } from './snapshot';

afterEach(() => {
  document.body.innerHTML = '';
});

type CommitOn = 'comma-key' | 'comma-input' | 'enter';

/**
 * Stand-in for Studio's chip bar (its observable contract): commits the input's value as a chip on
 * a comma keydown ('comma-key', cancelling the comma, as Studio's uploaders see), on an `input`
 * whose value holds a comma ('comma-input'), or on Enter only ('enter').
 */
function studioTagApp(
  input: HTMLInputElement,
  { commitOn = 'comma-key' as CommitOn, acceptUntil = Number.POSITIVE_INFINITY } = {},
) {
  const model: string[] = [];
  const keys: string[] = [];
  const commit = (tag: string) => {
    if (!tag || model.length >= acceptUntil) return false;
    model.push(tag);
    const chip = document.createElement('ytcp-chip');
    const text = document.createElement('div');
    text.id = 'chip-text';
    text.textContent = tag;
    chip.append(text);
    input.before(chip);
    input.value = '';
    return true;
  };
  input.addEventListener('keydown', (event) => {
    keys.push(event.key);
    if (commitOn === 'comma-key' && event.key === ',') {
      event.preventDefault();
      commit(input.value.trim());
    }
    if (commitOn === 'enter' && event.key === 'Enter') commit(input.value.trim());
  });
  input.addEventListener('input', () => {
    if (commitOn !== 'comma-input' || !input.value.includes(',')) return;
    const parts = input.value.split(',');
    const rest = parts.pop() ?? '';
    for (const part of parts) commit(part.trim());
    input.value = rest;
  });
  return { model, keys };
}

describe('insertText into YouTube tags', () => {
  it('commits new tags one by one with a comma, skips tags already there, and keeps what the admin was typing', async () => {
    loadSnapshot('youtube-upload');
    const input = one<HTMLInputElement>('#tags-container #text-input');
    const app = studioTagApp(input);
    input.value = 'ketik';
    const result = await insertText(input, 'tag-input', 'Kalbar, pontianak\nlayanan publik, pontianak');
    expect(result).toMatchObject({
      ok: true,
      method: 'tag-comma',
      added: ['pontianak', 'layanan publik'],
      skipped: ['Kalbar'],
    });
    expect(app.model).toEqual(['pontianak', 'layanan publik']);
    expect(app.keys).toEqual([',', ',']);
    expect(input.value).toBe('ketik');
    expect(readFieldText(input, 'tag-input')).toBe(
      'kalbar, pelayanan publik, pontianak, layanan publik, ketik',
    );
  });

  it('commits through the input event when the app splits the value on commas', async () => {
    loadSnapshot('youtube-upload');
    const input = one<HTMLInputElement>('#tags-container #text-input');
    const app = studioTagApp(input, { commitOn: 'comma-input' });
    const result = await insertText(input, 'tag-input', 'satu, dua');
    expect(result).toMatchObject({ ok: true, method: 'tag-comma', added: ['satu', 'dua'] });
    expect(app.model).toEqual(['satu', 'dua']);
    expect(app.keys).toEqual([',', ',']);
  });

  it('falls back to Enter only when no chip appeared after the comma (the comma taken back)', async () => {
    loadSnapshot('youtube-upload');
    const input = one<HTMLInputElement>('#tags-container #text-input');
    const app = studioTagApp(input, { commitOn: 'enter' });
    const result = await insertText(input, 'tag-input', 'satu, dua', { timeoutMs: 40 });
    expect(result).toMatchObject({ ok: true, method: 'tag-enter', added: ['satu', 'dua'] });
    expect(app.model).toEqual(['satu', 'dua']);
    expect(app.keys).toEqual([',', 'Enter', ',', 'Enter']);
  });

  it('stops at the first tag the app does not take and says which were added', async () => {
    loadSnapshot('youtube-upload');
    const input = one<HTMLInputElement>('#tags-container #text-input');
    const app = studioTagApp(input, { acceptUntil: 1 });
    const result = await insertText(input, 'tag-input', 'satu, dua, tiga', { timeoutMs: 40 });
    expect(result).toMatchObject({ ok: false, reason: 'not-taken', added: ['satu'] });
    // "satu" taken by its comma; "dua" refused on comma and Enter; "tiga" never tried.
    expect(app.keys).toEqual([',', ',', 'Enter']);
    expect(input.value).toBe('');
  });

  it('parses tags from commas and lines, trimmed and without duplicates', () => {
    expect(parseTags(' kalbar,Kalbar ,\n\npelayanan\u00a0publik,, ')).toEqual(['kalbar', 'pelayanan publik']);
  });
});
