import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { $getRoot, createEditor, type LexicalEditor } from 'lexical';

/**
 * A real Lexical editor (the engine Facebook and Instagram use) mounted on a contenteditable in
 * the happy-dom document, so readers and the paste path are tested against Lexical's own DOM
 * and state rather than hand-written markup.
 */
export function mountLexical(label = 'Tulis keterangan...'): {
  root: HTMLElement;
  editor: LexicalEditor;
  dispose: () => void;
} {
  const dialog = document.createElement('div');
  dialog.setAttribute('role', 'dialog');
  const root = document.createElement('div');
  root.setAttribute('role', 'textbox');
  root.setAttribute('aria-label', label);
  root.contentEditable = 'true';
  dialog.append(root);
  document.body.append(dialog);
  const editor = createEditor({
    namespace: 'satu-pintu-test',
    nodes: [HeadingNode, QuoteNode],
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(root);
  const unregister = registerRichText(editor);
  return {
    root,
    editor,
    dispose: () => {
      unregister();
      editor.setRootElement(null);
      dialog.remove();
    },
  };
}

/** What the platform would post: each top-level block's text, one per line (from Lexical's state). */
export function lexicalLines(editor: LexicalEditor): string {
  return editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((block) => block.getTextContent())
      .join('\n'),
  );
}

/** Let Lexical commit (it reconciles the DOM in a microtask after an update). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
