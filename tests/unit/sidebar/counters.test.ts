import { describe, expect, it } from 'vitest';
import { countMentions, fieldCounters, measure } from '@/lib/sidebar/counters';

describe('counters', () => {
  it('counts characters as code points and bytes as UTF-8', () => {
    expect(measure('Halo 👋 é')).toMatchObject({ chars: 8, bytes: 12 });
  });

  it('counts mentions but not e-mail addresses', () => {
    expect(countMentions('Bersama @pemprov.kalbar dan @dinkes_kalbar, info@kalbarprov.go.id')).toBe(2);
  });

  it('shows characters always and other measures only when limited, flagging the ones over', () => {
    const counters = fieldCounters('#a #b #c @x', { chars: 10, hashtags: 2 });
    expect(counters).toEqual([
      { kind: 'chars', value: 11, limit: 10, over: true },
      { kind: 'hashtags', value: 3, limit: 2, over: true },
    ]);
    expect(fieldCounters('abc', {})).toEqual([{ kind: 'chars', value: 3, limit: null, over: false }]);
  });

  it("counts a YouTube tag field as YouTube does, against the engine's tag limit", () => {
    const [chars] = fieldCounters('kalbar, pemprov kalbar, rapat koordinasi', { tagChars: 500 });
    expect(chars).toEqual({ kind: 'chars', value: 42, limit: 500, over: false });
    const over = fieldCounters(Array(50).fill('satu dua').join(', '), { tagChars: 500 })[0];
    expect(over).toMatchObject({ value: 549, over: true });
  });
});
