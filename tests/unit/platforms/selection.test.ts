import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { readFieldText } from '@/lib/platforms/read';
import { getSelectionOffsets, restoreSelection, saveSelection, selectRange } from '@/lib/platforms/selection';
import { mountLexical, settle } from './lexical-editor';
import { loadSnapshot, one } from './snapshot';

afterEach(() => {
  document.body.innerHTML = '';
});

/** The selected text, as the DOM has it (nbsp normalised like the reader does). */
function selectedText(): string {
  return (document.getSelection()?.toString() ?? '').replace(/\u00a0/g, ' ');
}

describe('selectRange', () => {
  it('selects a word after an emoji (surrogate pairs count as two UTF-16 units)', () => {
    loadSnapshot('facebook-id');
    const editor = one('[aria-label^="Apa yang Anda pikirkan"]');
    const text = readFieldText(editor, 'lexical');
    const start = text.indexOf('hari');
    expect(start).toBe('Pelayanan KTP-el keliling 😀 '.length);
    expect(selectRange(editor, start, start + 4)).toBe(true);
    expect(selectedText()).toBe('hari');
    expect(getSelectionOffsets(editor)).toEqual({ start, end: start + 4 });
  });

  it('selects across a paragraph boundary and across a <br>', () => {
    loadSnapshot('facebook-id');
    const editor = one('[aria-label^="Apa yang Anda pikirkan"]');
    const text = readFieldText(editor, 'lexical');
    const start = text.indexOf('Kota.');
    const end = text.indexOf('#Kalbar') + '#Kalbar'.length;
    selectRange(editor, start, end);
    expect(getSelectionOffsets(editor)).toEqual({ start, end });
    const range = document.getSelection()!.getRangeAt(0);
    expect(range.startContainer.textContent).toContain('Kota.');
    expect(range.endContainer.textContent).toBe('#KalbarMaju');
  });

  it('puts a caret on an empty paragraph', () => {
    loadSnapshot('facebook-id');
    const editor = one('[aria-label^="Apa yang Anda pikirkan"]');
    const emptyLine = readFieldText(editor, 'lexical').indexOf('\n\n') + 1;
    selectRange(editor, emptyLine, emptyLine);
    const range = document.getSelection()!.getRangeAt(0);
    expect(range.collapsed).toBe(true);
    expect((range.startContainer as Element).tagName).toBe('P');
    expect(range.startContainer.textContent).toBe('');
    expect(getSelectionOffsets(editor)).toEqual({ start: emptyLine, end: emptyLine });
  });

  it('maps offsets around an <img alt> emoji to positions before and after it', () => {
    loadSnapshot('instagram-en');
    const editor = one('[role="textbox"]');
    const text = readFieldText(editor, 'lexical');
    const start = text.indexOf('👋🏽');
    selectRange(editor, start, start + '👋🏽'.length);
    const range = document.getSelection()!.getRangeAt(0);
    expect(range.cloneContents().querySelector('img')?.getAttribute('alt')).toBe('👋🏽');
    expect(getSelectionOffsets(editor)).toEqual({ start, end: start + '👋🏽'.length });
  });

  it('selects inside the pending value of a tag input (after the chips)', () => {
    loadSnapshot('youtube-upload');
    const input = one<HTMLInputElement>('#tags-container #text-input');
    input.value = 'pontianak';
    const text = readFieldText(input, 'tag-input');
    const start = text.indexOf('tianak');
    selectRange(input, start, start + 3);
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([3, 6]);
  });

  it('refuses a field that left the page', () => {
    loadSnapshot('youtube-upload');
    const title = one('#title-textarea #textbox');
    title.remove();
    expect(selectRange(title, 0, 1)).toBe(false);
  });
});

describe('saveSelection / restoreSelection', () => {
  it('returns null when the selection is outside the field', () => {
    loadSnapshot('youtube-upload');
    const title = one('#title-textarea #textbox');
    selectRange(one('#description-textarea #textbox'), 0, 3);
    expect(saveSelection(title)).toBeNull();
  });

  it('restores a selection after focus moved to the sidebar and Lexical re-rendered its text', async () => {
    const { root, editor, dispose } = mountLexical();
    editor.update(() => {
      $getRoot()
        .clear()
        .append($createParagraphNode().append($createTextNode('Halo 😀 warga Kalbar')));
    });
    await settle();
    const start = readFieldText(root, 'lexical').indexOf('warga');
    selectRange(root, start, start + 5);
    const saved = saveSelection(root);
    expect(saved).toMatchObject({ start, end: start + 5 });

    // The admin clicks in the sidebar; Lexical replaces its text nodes meanwhile.
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    document.getSelection()?.removeAllRanges();
    editor.update(() => {
      $getRoot()
        .clear()
        .append($createParagraphNode().append($createTextNode('Halo 😀 warga Kalbar')));
    });
    await settle();

    expect(restoreSelection(saved!)).toBe(true);
    expect(document.activeElement).toBe(root);
    expect(selectedText()).toBe('warga');
    dispose();
  });

  it('restores the caret of a tag input', () => {
    loadSnapshot('youtube-upload');
    const input = one<HTMLInputElement>('#tags-container #text-input');
    input.value = 'ketik';
    input.focus();
    input.setSelectionRange(2, 2);
    const saved = saveSelection(input)!;
    one('#title-textarea #textbox').focus();
    expect(restoreSelection(saved)).toBe(true);
    expect([document.activeElement, input.selectionStart]).toEqual([input, 2]);
  });
});
