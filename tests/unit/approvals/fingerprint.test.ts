import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { fingerprintText, normalizeForFingerprint, shortCode } from '@/lib/approvals/fingerprint';

const POST = 'Gubernur Kalbar meresmikan Jembatan Kapuas 3.\n\nLokasi: Pontianak  Timur\n#KalbarMaju';

/** What Lexical's own getTextContent gives for a post typed as paragraphs (one per line). */
function lexicalText(lines: string[]): string {
  const editor = createEditor({
    onError: (error) => {
      throw error;
    },
  });
  let text = '';
  editor.update(
    () => {
      const root = $getRoot();
      for (const line of lines)
        root.append($createParagraphNode().append(...(line ? [$createTextNode(line)] : [])));
    },
    { discrete: true },
  );
  editor.getEditorState().read(() => {
    text = $getRoot().getTextContent();
  });
  return text;
}

/** A contenteditable as the browser builds it: <div> per line, nbsp for doubled spaces, <br> blank lines. */
function contentEditableText(): string {
  const host = document.createElement('div');
  host.contentEditable = 'true';
  host.innerHTML =
    '<div>Gubernur Kalbar meresmikan Jembatan Kapuas 3.&nbsp;</div><div><br></div>' +
    '<div>Lokasi: Pontianak&nbsp; Timur</div><div>#KalbarMaju</div>';
  // happy-dom has no layout (no innerText semantics): a textContent reader joins blocks with "\n".
  return [...host.children].map((child) => child.textContent ?? '').join('\n');
}

describe('normalizeForFingerprint', () => {
  it('gives one canonical form', () => {
    expect(normalizeForFingerprint('  a\u00a0\u00a0b \t\r\n\r\n\r\nc\u200b  \n\n')).toBe('a b\nc');
    expect(normalizeForFingerprint('Cafe\u0301')).toBe('Café');
    expect(normalizeForFingerprint('a\u2029b\rc')).toBe('a\nb\nc');
  });

  it('keeps line order and never merges lines', () => {
    expect(normalizeForFingerprint('a\nb')).not.toBe(normalizeForFingerprint('a b'));
    expect(normalizeForFingerprint('a\nb')).not.toBe(normalizeForFingerprint('b\na'));
  });

  it('keeps zero-width joiners (emoji sequences) and case', () => {
    expect(normalizeForFingerprint('👩\u200d⚕️')).toBe('👩\u200d⚕️');
    expect(normalizeForFingerprint('Kalbar')).not.toBe(normalizeForFingerprint('kalbar'));
  });
});

describe('fingerprintText', () => {
  it('is SHA-256 hex of the canonical text', async () => {
    // sha256("abc") from FIPS 180-2.
    expect(await fingerprintText(' abc \n')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('is the same for Lexical, a contenteditable and a file (CRLF, trailing spaces)', async () => {
    const lexical = lexicalText([
      'Gubernur Kalbar meresmikan Jembatan Kapuas 3.',
      '',
      'Lokasi: Pontianak  Timur',
      '#KalbarMaju',
    ]);
    expect(lexical).toContain('\n\n');
    const fromCli = `${POST.replace(/\n/g, '\r\n')}  \r\n`;
    const expected = await fingerprintText(POST);
    expect(await fingerprintText(lexical)).toBe(expected);
    expect(await fingerprintText(contentEditableText())).toBe(expected);
    expect(await fingerprintText(fromCli)).toBe(expected);
  });

  it('changes when one word changes', async () => {
    expect(await fingerprintText(POST.replace('Kapuas', 'Landak'))).not.toBe(await fingerprintText(POST));
  });
});

describe('shortCode', () => {
  it('is 8 unambiguous uppercase characters from the fingerprint', () => {
    const code = shortCode('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    // 0xba = 1011 1010: the top 5 bits 10111 = 23 = 'Q' in Crockford's alphabet.
    expect(code[0]).toBe('Q');
    expect(shortCode('0'.repeat(64))).toBe('00000000');
    expect(shortCode(`${'f'.repeat(10)}${'0'.repeat(54)}`)).toBe('ZZZZZZZZ');
  });

  it('rejects what is not a fingerprint', () => {
    expect(() => shortCode('abc')).toThrow();
  });
});
