import { describe, expect, it } from 'vitest';
import { diffWords, tokenizeWords } from '@/lib/approvals/diff';

const join = (parts: { text: string }[]) => parts.map((part) => part.text).join('');

describe('diffWords', () => {
  it('marks one replaced word and nothing else', () => {
    const parts = diffWords('Jembatan Kapuas 3 diresmikan hari ini', 'Jembatan Landak 3 diresmikan hari ini');
    expect(parts).toEqual([
      { kind: 'same', text: 'Jembatan ' },
      { kind: 'removed', text: 'Kapuas ' },
      { kind: 'added', text: 'Landak ' },
      { kind: 'same', text: '3 diresmikan hari ini' },
    ]);
  });

  it('rebuilds both texts: same+removed = before, same+added = after', () => {
    const before = 'Selamat pagi warga Kalbar.\nMari jaga kebersihan sungai.';
    const after = 'Selamat siang warga Kalimantan Barat.\nMari jaga sungai kita.';
    const parts = diffWords(before, after);
    expect(join(parts.filter((part) => part.kind !== 'added')).replace(/\s+/g, ' ')).toBe(
      before.replace(/\s+/g, ' '),
    );
    expect(join(parts.filter((part) => part.kind !== 'removed'))).toBe(after);
  });

  it('handles additions at the end, empty texts and identical texts', () => {
    expect(diffWords('a b', 'a b c')).toEqual([
      { kind: 'same', text: 'a b ' },
      { kind: 'added', text: 'c' },
    ]);
    expect(diffWords('', 'x')).toEqual([{ kind: 'added', text: 'x' }]);
    expect(diffWords('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
  });

  it('tokenizes words with their trailing whitespace', () => {
    expect(tokenizeWords(' a  b\nc')).toEqual([' ', 'a  ', 'b\n', 'c']);
  });
});
