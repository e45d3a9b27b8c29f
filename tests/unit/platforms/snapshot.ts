import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Vitest runs from the repository root; import.meta.url is not a file URL under happy-dom.
const SNAPSHOTS = join(process.cwd(), 'tests/unit/platforms/snapshots');

/** Put a saved DOM snapshot (tests/unit/platforms/snapshots/<name>.html) into the test document. */
export function loadSnapshot(name: string): void {
  document.body.innerHTML = readFileSync(join(SNAPSHOTS, `${name}.html`), 'utf8');
}

/** The one element matching `selector` in the test document (fails loudly if there is none). */
export function one<T extends Element = HTMLElement>(selector: string): T {
  const element = document.querySelector<T & Element>(selector);
  if (!element) throw new Error(`snapshot has no ${selector}`);
  return element;
}
