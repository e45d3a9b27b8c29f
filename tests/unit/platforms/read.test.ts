import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { readFieldText } from '@/lib/platforms/read';
import { readCommittedTags } from '@/lib/platforms/tags';
import { lexicalLines, mountLexical, settle } from './lexical-editor';
import { loadSnapshot, one } from './snapshot';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('readFieldText on saved snapshots', () => {
  it('reads Facebook Lexical paragraphs, an empty paragraph, <br>, nbsp and emoji', () => {
    loadSnapshot('facebook-id');
    const editor = one('[aria-label^="Apa yang Anda pikirkan"]');
    expect(readFieldText(editor, 'lexical')).toBe(
      'Pelayanan KTP-el keliling 😀 hari ini\n\ndi Kantor Camat Pontianak Kota.\n#KalbarMaju',
    );
  });

  it('reads an empty Lexical editor (<p><br></p>) as empty', () => {
    loadSnapshot('facebook-en');
    expect(readFieldText(one('[role="dialog"] [role="textbox"]'), 'lexical')).toBe('');
  });

  it('reads Instagram paragraphs with split text spans', () => {
    loadSnapshot('instagram-id');
    expect(readFieldText(one('[aria-label="Tulis keterangan..."]'), 'lexical')).toBe(
      'Baris pertama ✨\n\nBaris ketiga #Kalbar',
    );
  });

  it('reads an emoji rendered as <img alt> as the emoji', () => {
    loadSnapshot('instagram-en');
    expect(readFieldText(one('[role="textbox"]'), 'lexical')).toBe('Hello 👋🏽 world');
  });

  it('reads YouTube Studio title and description (<br> lines, nbsp)', () => {
    loadSnapshot('youtube-upload');
    expect(readFieldText(one('#title-textarea #textbox'), 'contenteditable')).toBe(
      'Sosialisasi Layanan Adminduk 2026',
    );
    expect(readFieldText(one('#description-textarea #textbox'), 'contenteditable')).toBe(
      'Baris satu 👍\nBaris dua\n\nBaris empat',
    );
  });

  it('reads YouTube tags as the committed chips then the pending input value', () => {
    loadSnapshot('youtube-upload');
    const input = one<HTMLInputElement>('#tags-container #text-input');
    expect(readCommittedTags(input)).toEqual(['kalbar', 'pelayanan publik']);
    expect(readFieldText(input, 'tag-input')).toBe('kalbar, pelayanan publik');
    input.value = '  pontianak ';
    expect(readFieldText(input, 'tag-input')).toBe('kalbar, pelayanan publik, pontianak');
  });

  it('ignores the indentation between blocks of a pretty-printed editor', () => {
    document.body.innerHTML = `<div contenteditable="true">
      <p>satu</p>
      <p><br></p>
      <p>tiga</p>
    </div>`;
    expect(readFieldText(one('[contenteditable]'), 'lexical')).toBe('satu\n\ntiga');
  });

  it('reads text directly followed by a block, and a trailing <br> placeholder', () => {
    document.body.innerHTML = '<div contenteditable="true">a<div>b</div>c<br></div>';
    expect(readFieldText(one('[contenteditable]'), 'contenteditable')).toBe('a\nb\nc');
  });
});

describe('readFieldText on a real Lexical editor', () => {
  it('matches Lexical state line for line (paragraphs, blank lines, line breaks, nbsp, emoji)', async () => {
    const { root, editor, dispose } = mountLexical();
    editor.update(() => {
      const first = $createParagraphNode().append($createTextNode('Selamat pagi 👋🏽 Kalbar'));
      const blank = $createParagraphNode();
      const third = $createParagraphNode().append(
        $createTextNode('Baris\u00a0tiga'),
        $createLineBreakNode(),
        $createTextNode('masih paragraf tiga'),
      );
      const endsWithBreak = $createParagraphNode().append($createTextNode('akhir'), $createLineBreakNode());
      $getRoot().clear().append(first, blank, third, endsWithBreak);
    });
    await settle();
    const expected = 'Selamat pagi 👋🏽 Kalbar\n\nBaris tiga\nmasih paragraf tiga\nakhir\n';
    expect(lexicalLines(editor).replace(/\u00a0/g, ' ')).toBe(expected);
    expect(readFieldText(root, 'lexical')).toBe(expected);
    dispose();
  });
});

describe('readFieldText on a pre-wrap contenteditable (what Chromium makes of insertLineBreak)', () => {
  it('keeps literal newlines in text nodes, even a field holding only blank lines', () => {
    document.body.innerHTML = '<div id="textbox" contenteditable="true" style="white-space: pre-wrap"></div>';
    const box = one('#textbox');
    box.append('Baris satu\n\nBaris tiga');
    expect(readFieldText(box, 'contenteditable')).toBe('Baris satu\n\nBaris tiga');
    box.replaceChildren('\n\n');
    expect(readFieldText(box, 'contenteditable')).toBe('\n\n');
  });
});
