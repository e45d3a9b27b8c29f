import { describe, expect, it } from 'vitest';
import { checkHandle } from '@/lib/settings/handles';

describe('handle rules per platform', () => {
  it('Facebook: 5+ letters, digits or periods', () => {
    expect(checkHandle('facebook', 'dkp.kalbar')).toEqual({ handle: 'dkp.kalbar', error: null });
    expect(checkHandle('facebook', 'dkp')).toEqual({ handle: 'dkp', error: 'options.error.handle.facebook' });
    expect(checkHandle('facebook', 'dkp_kalbar').error).toBe('options.error.handle.facebook');
    expect(checkHandle('facebook', 'dinas kesehatan').error).toBe('options.error.handle.facebook');
  });

  it('Instagram: ≤30 of letters, digits, periods, underscores; no leading, trailing or double period', () => {
    expect(checkHandle('instagram', 'dinkes_kalbar').error).toBeNull();
    expect(checkHandle('instagram', 'a'.repeat(30)).error).toBeNull();
    expect(checkHandle('instagram', 'a'.repeat(31)).error).toBe('options.error.handle.instagram');
    expect(checkHandle('instagram', '.dinkes').error).toBe('options.error.handle.instagram');
    expect(checkHandle('instagram', 'dinkes.').error).toBe('options.error.handle.instagram');
    expect(checkHandle('instagram', 'din..kes').error).toBe('options.error.handle.instagram');
    expect(checkHandle('instagram', 'din-kes').error).toBe('options.error.handle.instagram');
  });

  it('YouTube: @ then 3–30 letters, digits, _ - .', () => {
    expect(checkHandle('youtube', '@DinkesKalbar-Official.1')).toEqual({
      handle: '@DinkesKalbar-Official.1',
      error: null,
    });
    expect(checkHandle('youtube', '@ab').error).toBe('options.error.handle.youtube');
    expect(checkHandle('youtube', `@${'a'.repeat(31)}`).error).toBe('options.error.handle.youtube');
    expect(checkHandle('youtube', '@dinkes kalbar').error).toBe('options.error.handle.youtube');
  });

  it('normalises what admins paste: a profile URL, a stray @, surrounding spaces', () => {
    expect(checkHandle('facebook', ' https://www.facebook.com/dkp.kalbar/ ').handle).toBe('dkp.kalbar');
    expect(checkHandle('instagram', '@dinkes_kalbar').handle).toBe('dinkes_kalbar');
    expect(checkHandle('instagram', 'https://www.instagram.com/dinkes_kalbar/?hl=id').handle).toBe(
      'dinkes_kalbar',
    );
    expect(checkHandle('youtube', 'DinkesKalbar').handle).toBe('@DinkesKalbar');
    expect(checkHandle('youtube', 'https://www.youtube.com/@DinkesKalbar/videos').handle).toBe(
      '@DinkesKalbar',
    );
    // A URL of another site is not taken apart: it fails the rule instead.
    expect(checkHandle('facebook', 'https://example.com/dkp.kalbar').error).toBe(
      'options.error.handle.facebook',
    );
  });

  it('an empty handle means "not set" and is allowed', () => {
    expect(checkHandle('youtube', '  ')).toEqual({ handle: '', error: null });
  });
});
