import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { insertText, replaceRange } from '@/lib/platforms/insert';
import { readFieldText } from '@/lib/platforms/read';
import { saveSelection, selectRange } from '@/lib/platforms/selection';
import { lexicalLines, mountLexical, settle } from './lexical-editor';
import { loadSnapshot, one } from './snapshot';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

// happy-dom has no document.execCommand: the single-line path falls back to the paste path there,
// which is safe because a refused execCommand inserted nothing. Chromium proofs are the e2e tests (tests/e2e/sidebar.e2e.test.ts, composers*.e2e.test.ts).

async function lexicalWith(lines: string[]) {
  const mounted = mountLexical();
  mounted.editor.update(() => {
    $getRoot()
      .clear()
      .append(
        ...lines.map((line) => $createParagraphNode().append(...(line ? [$createTextNode(line)] : []))),
      );
  });
  await settle();
  return mounted;
}

describe('insertText into a real Lexical editor (paste path)', () => {
  it('inserts a multi-line caption line for line, blank lines kept, at the caret', async () => {
    const { root, editor, dispose } = await lexicalWith(['Awal', 'Akhir']);
    selectRange(root, 4, 4); // end of "Awal"
    const caption = ' — Pemprov Kalbar\n\nBaris 😀 dua\n#KalbarMaju';
    const result = await insertText(root, 'lexical', caption);
    expect(result).toMatchObject({ ok: true, method: 'paste', exact: true });
    const expected = 'Awal — Pemprov Kalbar\n\nBaris 😀 dua\n#KalbarMaju\nAkhir';
    expect(lexicalLines(editor)).toBe(expected);
    expect(readFieldText(root, 'lexical')).toBe(expected);
    dispose();
  });

  it('replaces the selection and puts a saved selection back first', async () => {
    const { root, editor, dispose } = await lexicalWith(['Kami mengucapkan selamat']);
    selectRange(root, 5, 16); // "mengucapkan"
    const saved = saveSelection(root);
    document.body.append(document.createElement('button'));
    one('button').focus();
    document.getSelection()?.removeAllRanges();
    const result = await insertText(root, 'lexical', 'menyampaikan', { selection: saved });
    expect(result.ok).toBe(true);
    expect(lexicalLines(editor)).toBe('Kami menyampaikan selamat');
    dispose();
  });

  it('appends at the end when the selection is not in the editor', async () => {
    const { root, editor, dispose } = await lexicalWith(['Halo']);
    document.getSelection()?.removeAllRanges();
    await insertText(root, 'lexical', ' Kalbar');
    expect(lexicalLines(editor)).toBe('Halo Kalbar');
    dispose();
  });

  it('replaceRange fixes a word in place (one-click fix)', async () => {
    const { root, editor, dispose } = await lexicalWith(['Pelayanan 😀 di kantor camat', 'Silahkan datang']);
    const text = readFieldText(root, 'lexical');
    const start = text.indexOf('Silahkan');
    const result = await replaceRange(root, 'lexical', start, start + 'Silahkan'.length, 'Silakan');
    expect(result).toMatchObject({ ok: true, exact: true });
    expect(lexicalLines(editor)).toBe('Pelayanan 😀 di kantor camat\nSilakan datang');
    dispose();
  });

  it('dispatches exactly one paste and reports not-taken when the editor ignores it and every line', async () => {
    // A plain contenteditable with no app behind it: a synthetic paste has no default action.
    document.body.innerHTML = '<div contenteditable="true"><p>tetap</p></div>';
    const field = one('[contenteditable]');
    const pastes = vi.fn();
    field.addEventListener('paste', pastes);
    const result = await insertText(field, 'lexical', 'satu\ndua', { timeoutMs: 60 });
    // The paste changed nothing, so the line-by-line path was tried (what Firefox needs); it did not
    // take either: nothing inserted, and the paste was not repeated.
    expect(result).toMatchObject({ ok: false, reason: 'not-taken', method: 'lines', text: 'tetap' });
    expect(pastes).toHaveBeenCalledTimes(1);
    expect(field.textContent).toBe('tetap');
  });

  it('never goes line by line after a paste that changed the field (no second insert)', async () => {
    document.body.innerHTML = '<div contenteditable="true"><p>asal</p></div>';
    const field = one('[contenteditable]');
    const keys = vi.fn();
    field.addEventListener('keydown', keys);
    field.addEventListener('paste', () => {
      field.innerHTML = '<p>asalsatu</p>'; // took only part of it
    });
    const result = await insertText(field, 'lexical', 'satu\ndua', { timeoutMs: 60 });
    expect(result).toMatchObject({ ok: false, reason: 'garbled', method: 'paste' });
    expect(keys).not.toHaveBeenCalled();
  });

  it('reports garbled when the editor changed into something else (no retry)', async () => {
    document.body.innerHTML = '<div contenteditable="true"><p>asal</p></div>';
    const field = one('[contenteditable]');
    const pastes = vi.fn(() => {
      field.innerHTML = '<p>dua</p><p>satu</p>'; // lines in the wrong order, as seen with execCommand
    });
    field.addEventListener('paste', pastes);
    const result = await insertText(field, 'lexical', 'satu\ndua', { timeoutMs: 60 });
    expect(result).toMatchObject({ ok: false, reason: 'garbled' });
    expect(pastes).toHaveBeenCalledTimes(1);
  });

  it('reports field-gone for a detached field and when it leaves during the insert', async () => {
    const detached = document.createElement('div');
    detached.contentEditable = 'true';
    expect(await insertText(detached, 'lexical', 'x')).toEqual({ ok: false, reason: 'field-gone' });

    document.body.innerHTML = '<div role="dialog"><div contenteditable="true"><p>a</p></div></div>';
    const field = one('[contenteditable]');
    field.addEventListener('paste', () => one('[role="dialog"]').remove());
    expect(await insertText(field, 'lexical', 'b\nc', { timeoutMs: 60 })).toMatchObject({
      ok: false,
      reason: 'field-gone',
    });
  });
});

describe('insertText into a plain contenteditable (YouTube Studio)', () => {
  it('uses execCommand insertText per line with insertLineBreak, and verifies', async () => {
    loadSnapshot('youtube-upload');
    const description = one('#description-textarea #textbox');
    description.innerHTML = '';
    const commands: string[] = [];
    // Stand-in for the browser's editing: what Chromium does for these two commands at the caret.
    Object.defineProperty(document, 'execCommand', {
      configurable: true,
      value: (command: string, _ui: boolean, value?: string) => {
        commands.push(value === undefined ? command : `${command}:${value}`);
        const range = document.getSelection()!.getRangeAt(0);
        const node =
          command === 'insertLineBreak' ? document.createElement('br') : document.createTextNode(value ?? '');
        range.insertNode(node);
        range.setStartAfter(node);
        range.collapse(true);
        description.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: command }));
        return true;
      },
    });
    try {
      const result = await insertText(description, 'contenteditable', 'Satu\n\nTiga');
      expect(result).toMatchObject({ ok: true, method: 'exec-lines', exact: true });
      expect(commands).toEqual(['insertText:Satu', 'insertLineBreak', 'insertLineBreak', 'insertText:Tiga']);
      expect(readFieldText(description, 'contenteditable')).toBe('Satu\n\nTiga');
    } finally {
      Reflect.deleteProperty(document, 'execCommand');
    }
  });

  it('falls back to insertParagraph where insertLineBreak is refused (it inserted nothing)', async () => {
    loadSnapshot('youtube-upload');
    const description = one('#description-textarea #textbox');
    description.innerHTML = '';
    const commands: string[] = [];
    Object.defineProperty(document, 'execCommand', {
      configurable: true,
      value: (command: string, _ui: boolean, value?: string) => {
        commands.push(command);
        if (command === 'insertLineBreak') return false;
        const range = document.getSelection()!.getRangeAt(0);
        if (command === 'insertParagraph') {
          // What Chromium does in a plain contenteditable: the rest goes into a new <div>.
          const block = document.createElement('div');
          description.append(block);
          range.setStart(block, 0);
        } else {
          const node = document.createTextNode(value ?? '');
          range.insertNode(node);
          range.setStartAfter(node);
        }
        range.collapse(true);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return true;
      },
    });
    try {
      const result = await insertText(description, 'contenteditable', 'Satu\nDua');
      expect(result).toMatchObject({ ok: true, exact: true });
      expect(commands).toEqual(['insertText', 'insertLineBreak', 'insertParagraph', 'insertText']);
      expect(description.innerHTML).toBe('Satu<div>Dua</div>');
    } finally {
      Reflect.deleteProperty(document, 'execCommand');
    }
  });

  it('reports not-taken when the browser refuses the command (nothing inserted, nothing retried)', async () => {
    loadSnapshot('youtube-upload');
    const title = one('#title-textarea #textbox');
    const result = await insertText(title, 'contenteditable', ' baru', { timeoutMs: 40 });
    expect(result).toMatchObject({
      ok: false,
      reason: 'not-taken',
      text: 'Sosialisasi Layanan Adminduk 2026',
    });
  });
});

describe('replaceRange guards', () => {
  it('refuses a stale range (the text changed since the check) and changes nothing', async () => {
    const { root, editor, dispose } = await lexicalWith(['Silahkan datang']);
    const result = await replaceRange(root, 'lexical', 0, 8, 'Silakan', { expected: 'Silahkan' });
    expect(result).toMatchObject({ ok: true });
    const again = await replaceRange(root, 'lexical', 0, 8, 'Silakan', { expected: 'Silahkan' });
    expect(again).toMatchObject({ ok: false, reason: 'stale', text: 'Silakan datang' });
    expect(lexicalLines(editor)).toBe('Silakan datang');
    dispose();
  });

  it('does not edit committed tag chips', async () => {
    loadSnapshot('youtube-upload');
    const input = one<HTMLInputElement>('#tags-container #text-input');
    expect(await replaceRange(input, 'tag-input', 0, 6, 'Kalbar')).toEqual({
      ok: false,
      reason: 'unsupported',
    });
  });
});
