import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './source-files';

/** Attributes whose literal values people read (or hear, through a screen reader). */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'label']);
const HAS_LETTER = /\p{L}/u;

/** User-visible literals in a TSX file: JSX text and literal text attributes, with their line. */
function hardCodedStrings(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, value: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${fileName}:${line + 1}: "${value.trim()}"`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && HAS_LETTER.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(source))) {
      const init = node.initializer;
      const literal =
        init && ts.isStringLiteral(init)
          ? init
          : init && ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
            ? init.expression
            : undefined;
      if (literal && HAS_LETTER.test(literal.text)) report(node, literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('every user-visible string goes through t()', () => {
  it('finds hard-coded strings when there are some (the check itself works)', () => {
    const sample = `export const A = () => <p title="Judul">Halo <b aria-label={'Tutup'}>{t('x')}</b> · 3</p>;`;
    expect(hardCodedStrings('sample.tsx', sample)).toEqual([
      'sample.tsx:1: "Judul"',
      'sample.tsx:1: "Halo"',
      'sample.tsx:1: "Tutup"',
    ]);
  });

  it('components/, entrypoints/ and the JSX in lib/ have none', () => {
    const files = sourceFiles(['components', 'entrypoints', 'lib'], /\.tsx$/);
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap((file) => hardCodedStrings(file.path, file.text))).toEqual([]);
  });

  it('HTML pages carry no text but the product name (the UI renders the rest)', () => {
    for (const file of sourceFiles(['entrypoints'], /\.html$/)) {
      const body = file.text.replace(/<title>Satu Pintu<\/title>/, '').replace(/<[^>]*>/g, '');
      expect(body.trim(), file.path).toBe('');
    }
  });
});

describe('no HTML built from strings', () => {
  it('no innerHTML / outerHTML / insertAdjacentHTML / dangerouslySetInnerHTML in extension code', () => {
    const files = sourceFiles(['components', 'entrypoints', 'lib'], /\.(ts|tsx)$/);
    const offenders = files
      .filter((file) =>
        /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML)\b/.test(file.text),
      )
      .map((file) => file.path);
    expect(offenders).toEqual([]);
  });
});
