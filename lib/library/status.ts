import { storage } from '#imports';
import { INITIAL_LIBRARY_STATUS, type LibraryStatus, parseLibraryStatus } from './status-schema';

/**
 * Written by the background after every sync step; popup, options and sidebars watch it
 * (`libraryStatusItem.watch`) instead of polling. Readers parse it with `parseLibraryStatus`
 * (./status-schema.ts, which holds the status's schema and type apart from the extension storage).
 */
export const libraryStatusItem = storage.defineItem<LibraryStatus>('local:libraryStatus', {
  fallback: INITIAL_LIBRARY_STATUS,
});

export async function readLibraryStatus(): Promise<LibraryStatus> {
  return parseLibraryStatus(await libraryStatusItem.getValue());
}
