import { afterEach, describe, expect, it } from 'vitest';
import facebook from '@/lib/platforms/facebook';
import { fieldForElement } from '@/lib/platforms/find';
import { definePlatform } from '@/lib/platforms/types';
import youtube from '@/lib/platforms/youtube';
import { createPageFields } from '@/lib/sidebar/page-fields';
import { loadSnapshot, one } from './snapshot';

afterEach(() => {
  document.body.innerHTML = '';
});

// A made-up fourth platform: one definePlatform({...}) is all an adapter is.
const forum = definePlatform({
  id: 'youtube',
  platform: 'youtube',
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

// The sidebar reads and inserts only through createPageFields (lib/platforms/fields.ts underneath):
// these tests drive that path, so what is tested is what ships.
describe('the sidebar’s page fields', () => {
  it('read uses the adapter field’s own chip selectors', () => {
    document.body.innerHTML =
      '<form><div class="tags"><span class="chip"><b class="label">satu</b>×</span><span class="chip"><b class="label">dua</b>×</span><input value="tig"></div></form>';
    expect(createPageFields(forum, () => null).read('tags')).toBe('satu, dua, tig');
  });

  it('insert commits tags where that adapter’s app shows them', async () => {
    document.body.innerHTML = '<form><div class="tags"><input></div></form>';
    const input = one<HTMLInputElement>('.tags input');
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      input.insertAdjacentHTML('beforebegin', '<span class="chip"><b class="label"></b></span>');
      input.previousElementSibling!.querySelector('.label')!.textContent = input.value;
      input.value = '';
    });
    const fields = createPageFields(forum, () => null);
    expect(await fields.insert('tags', 'a, b')).toEqual({ ok: true });
    expect(fields.read('tags')).toBe('a, b');
  });

  it('fieldForElement maps a node inside the editor to its field', () => {
    loadSnapshot('facebook-id');
    const span = one('[aria-label^="Apa yang Anda pikirkan"] span');
    expect(fieldForElement(facebook, span)?.fieldId).toBe('caption');
    expect(fieldForElement(facebook, one('[aria-label="Tutup"]'))).toBeNull();
  });
});

describe('one-line fields', () => {
  it('a single-line field never gets a line break: the YouTube title joins lines, the description keeps them', async () => {
    loadSnapshot('youtube-upload');
    const inserted: string[] = [];
    // Stand-in for the browser's editing at the caret (happy-dom has no execCommand).
    Object.defineProperty(document, 'execCommand', {
      configurable: true,
      value: (command: string, _ui: boolean, value?: string) => {
        inserted.push(command === 'insertText' ? (value ?? '') : `<${command}>`);
        const range = document.getSelection()!.getRangeAt(0);
        range.deleteContents();
        const node =
          command === 'insertText' ? document.createTextNode(value ?? '') : document.createElement('br');
        range.insertNode(node);
        range.setStartAfter(node);
        range.collapse(true);
        return true;
      },
    });
    try {
      const fields = createPageFields(youtube, () => null);
      one('#title-textarea #textbox').textContent = '';
      expect(await fields.insert('title', 'Sosialisasi\n  Adminduk\n')).toEqual({ ok: true });
      expect(fields.read('title')).toBe('Sosialisasi Adminduk ');
      one('#description-textarea #textbox').textContent = '';
      expect(await fields.insert('description', 'a\nb')).toEqual({ ok: true });
      expect(fields.read('description')).toBe('a\nb');
      // A fix whose replacement has a line break stays one line in the title too.
      expect(await fields.replace('title', 0, 11, 'Sosialisasi\nLayanan', 'Sosialisasi')).toEqual({
        ok: true,
      });
      expect(fields.read('title')).toBe('Sosialisasi Layanan Adminduk ');
      expect(inserted).toEqual([
        'Sosialisasi Adminduk ',
        'a',
        '<insertLineBreak>',
        'b',
        'Sosialisasi Layanan',
      ]);
    } finally {
      Reflect.deleteProperty(document, 'execCommand');
    }
  });
});

describe('a field folded away', () => {
  it('insert opens Studio’s "Show more" first, then commits the tags there', async () => {
    document.body.innerHTML =
      '<ytcp-uploads-dialog><ytcp-video-metadata-editor><ytcp-button id="toggle-button">Tampilkan lainnya</ytcp-button><div id="advanced"></div></ytcp-video-metadata-editor></ytcp-uploads-dialog>';
    const model: string[] = [];
    one('#toggle-button').addEventListener('click', () => {
      // Studio stamps the advanced section a moment after the click.
      setTimeout(() => {
        one('#advanced').innerHTML =
          '<ytcp-form-input-container id="tags-container"><ytcp-chip-bar id="chip-bar"><input id="text-input" aria-label="Tags"></ytcp-chip-bar></ytcp-form-input-container>';
        const input = one<HTMLInputElement>('#text-input');
        input.addEventListener('keydown', (event) => {
          if (event.key !== ',') return;
          event.preventDefault();
          model.push(input.value.trim());
          const chip = document.createElement('ytcp-chip');
          chip.innerHTML = '<div id="chip-text"></div>';
          chip.firstElementChild!.textContent = input.value.trim();
          input.before(chip);
          input.value = '';
        });
      }, 30);
    });
    const fields = createPageFields(youtube, () => null);
    expect(fields.read('tags')).toBeNull();
    expect(await fields.insert('tags', 'kalbar, pontianak')).toEqual({ ok: true });
    expect(model).toEqual(['kalbar', 'pontianak']);
    expect(fields.read('tags')).toBe('kalbar, pontianak');
  });

  it('a field with nothing to open it is reported gone, nothing clicked', async () => {
    document.body.innerHTML =
      '<ytcp-uploads-dialog><ytcp-video-metadata-editor></ytcp-video-metadata-editor></ytcp-uploads-dialog>';
    const result = await createPageFields(youtube, () => null).insert('tags', 'kalbar');
    expect(result.ok).toBe(false);
  });
});
