import type { SatuPintuDb } from '@/lib/db/database';
import { loadBundle } from '@/lib/library/bundle-store';
import type { Agency, ApprovalRecord, Caption } from '@/lib/library/schema';
import { indexApprovals } from './status';

/** The parts of the library bundle in use that the approvals domain needs. */
export interface LibraryView {
  version: number;
  approvals: Map<string, ApprovalRecord[]>;
  captions: Caption[];
  agencies: Agency[];
  submitEndpoint: string | undefined;
}

export const EMPTY_LIBRARY_VIEW: LibraryView = {
  version: 0,
  approvals: new Map(),
  captions: [],
  agencies: [],
  submitEndpoint: undefined,
};

let cache: { key: string; view: LibraryView } | undefined;

/**
 * The bundle in use (the library domain's `loadBundle`: verified, re-validated, falling back to the
 * previous good one). Indexed once per stored version: `getDraftApproval` runs as the admin types.
 */
export async function loadLibraryView(db: SatuPintuDb): Promise<LibraryView> {
  const loaded = await loadBundle(db);
  if (!loaded) return EMPTY_LIBRARY_VIEW;
  const key = `${loaded.stored.slot}:${loaded.stored.version}:${loaded.stored.storedAt}`;
  if (cache?.key === key) return cache.view;
  const { bundle } = loaded;
  const view: LibraryView = {
    version: bundle.version,
    approvals: indexApprovals(bundle.approvals),
    captions: bundle.captions,
    agencies: bundle.agencies,
    submitEndpoint: bundle.endpoints.submit,
  };
  cache = { key, view };
  return view;
}
