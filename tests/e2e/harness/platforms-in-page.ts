/**
 * lib/platforms' insert path, bundled into a look-alike page's main world for the tests that must
 * choose a path the sidebar only takes in another browser (the line-by-line path Firefox needs):
 * the same code the content script runs, called directly.
 */
import { insertIntoField, readField } from '@/lib/platforms/fields';
import { findField } from '@/lib/platforms/find';
import { ADAPTERS } from '@/lib/platforms/registry';
import type { AdapterId, FieldId } from '@/lib/platforms/types';

async function insert(adapterId: AdapterId, fieldId: FieldId, text: string, multiLine: 'paste' | 'lines') {
  const found = findField(ADAPTERS[adapterId], document, fieldId);
  if (!found) return { ok: false, reason: 'not-found' };
  found.element.focus();
  const result = await insertIntoField(found, text, { multiLine, timeoutMs: 2000 });
  return { ...result, read: readField(found) };
}

(window as unknown as { __satuPintuPlatforms: unknown }).__satuPintuPlatforms = { insert };
