import type { ModelRequest } from '@/lib/guidelines/model-requests';
import type { LiteralsTable } from '@/lib/guidelines/prefilter';
import type { Finding } from '@/lib/guidelines/types';
import type { CaptionSearch } from '@/lib/library/messages';
import type { Caption, LibraryBundle } from '@/lib/library/schema';
import type { Jwk } from '@/lib/library/signature';
import type { LibraryStatus } from '@/lib/library/status-schema';

/** Messages of the library domain (answered by the background). Declare each once: `name(data: In): Out`. */
export interface LibraryProtocol {
  /** The library in use (the embedded default until a remote one is accepted) and its sync status. */
  getLibrary(): { bundle: LibraryBundle; status: LibraryStatus };
  /**
   * The library's models on a draft (lib/guidelines/model-requests.ts): the sidebar adds their
   * findings to the rules', so the page carries neither the models' code nor their weights.
   */
  checkModels(request: ModelRequest): Finding[];
  /**
   * The literals each pattern of the library in use needs (lib/guidelines/prefilter.ts): the
   * sidebar skips the regexes whose literals a draft lacks without carrying the pattern reader.
   */
  patternLiterals(): LiteralsTable;
  /** Syncs now, ignoring the backoff; resolves with the resulting status. */
  syncNow(): LibraryStatus;
  /** Indexed caption search; only captions inside their validity window unless includeOutOfDate. */
  searchCaptions(query: CaptionSearch): Caption[];
  /**
   * Options page only: the admin confirms the switch to the library id that the last sync refused
   * because this public key was pinned to another one (status error `library-id`, with `libraryId`
   * and `currentLibraryId`). Pins it and syncs at once; resolves with the resulting status. Rejects
   * when no such refusal is pending or the sender is not an extension page.
   */
  confirmLibrarySwitch(data: { libraryId: string }): LibraryStatus;
  /** Fetches and verifies a source without storing it; `message` is in the UI language. */
  testLibrarySource(source: { url: string; publicKey: Jwk }): {
    ok: boolean;
    message: string;
    version?: number;
  };
}
