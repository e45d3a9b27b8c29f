import { afterEach, describe, expect, it } from 'vitest';
import facebook from '@/lib/platforms/facebook';
import { findFieldForElement, insertIntoField, readField } from '@/lib/platforms/fields';
import { findField } from '@/lib/platforms/find';
import { definePlatform } from '@/lib/platforms/types';
import youtube from '@/lib/platforms/youtube';
import { loadSnapshot, one } from './snapshot';

afterEach(() => {
  document.body.innerHTML = '';
});

// A made-up fourth platform: one definePlatform({...}) is all an adapter is.
const forum = definePlatform({
  id: 'youtube',
  label: 'Forum (test)',
  matches: ['*://forum.example/*'],
  detect: (url) => url.hostname === 'forum.example',
  fields: [
    {
      id: 'tags',
      kind: 'tag-input',
      strategies: [{ name: 'tag input', selector: '.tags input' }],
      chips: { container: '.tags', chip: '.chip', text: '.label' },
    },
  ],
  containers: [{ name: 'form', selector: 'form' }],
});

describe('found-field shorthands', () => {
  it('readField uses the adapter field’s own chip selectors', () => {
    document.body.innerHTML =
      '<form><div class="tags"><span class="chip"><b class="label">satu</b>×</span><span class="chip"><b class="label">dua</b>×</span><input value="tig"></div></form>';
    const found = findField(forum, document, 'tags')!;
    expect(readField(found)).toBe('satu, dua, tig');
  });

  it('insertIntoField commits tags where that adapter’s app shows them', async () => {
    document.body.innerHTML = '<form><div class="tags"><input></div></form>';
    const input = one<HTMLInputElement>('.tags input');
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      input.insertAdjacentHTML('beforebegin', '<span class="chip"><b class="label"></b></span>');
      input.previousElementSibling!.querySelector('.label')!.textContent = input.value;
      input.value = '';
    });
    const result = await insertIntoField(findField(forum, document, 'tags')!, 'a, b');
    expect(result).toMatchObject({ ok: true, added: ['a', 'b'] });
    expect(readField(findField(forum, document, 'tags')!)).toBe('a, b');
  });

  it('findFieldForElement maps a node inside the editor to the field definition', () => {
    loadSnapshot('facebook-id');
    const span = one('[aria-label^="Apa yang Anda pikirkan"] span');
    expect(findFieldForElement(facebook, span)?.id).toBe('caption');
    expect(findFieldForElement(facebook, one('[aria-label="Tutup"]'))).toBeUndefined();
  });
});

describe('one-line fields', () => {
  it('insertIntoField joins lines with spaces for the YouTube title (and not for the description)', async () => {
    loadSnapshot('youtube-upload');
    const inserted: string[] = [];
    // Stand-in for the browser's editing at the caret (happy-dom has no execCommand).
    Object.defineProperty(document, 'execCommand', {
      configurable: true,
      value: (command: string, _ui: boolean, value?: string) => {
        inserted.push(command === 'insertText' ? (value ?? '') : `<${command}>`);
        const range = document.getSelection()!.getRangeAt(0);
        const node =
          command === 'insertText' ? document.createTextNode(value ?? '') : document.createElement('br');
        range.insertNode(node);
        range.setStartAfter(node);
        range.collapse(true);
        return true;
      },
    });
    try {
      const title = findField(youtube, document, 'title')!;
      title.element.textContent = '';
      expect(await insertIntoField(title, 'Sosialisasi\n  Adminduk\n')).toMatchObject({ ok: true });
      expect(readField(title)).toBe('Sosialisasi Adminduk ');
      const description = findField(youtube, document, 'description')!;
      description.element.textContent = '';
      expect(await insertIntoField(description, 'a\nb')).toMatchObject({ ok: true });
      expect(readField(description)).toBe('a\nb');
      expect(inserted).toEqual(['Sosialisasi Adminduk ', 'a', '<insertLineBreak>', 'b']);
    } finally {
      Reflect.deleteProperty(document, 'execCommand');
    }
  });
});
