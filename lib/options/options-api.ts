import type { Agency } from '@/lib/library/schema';
import type { LibraryStatus } from '@/lib/library/status-schema';
import { sendMessage } from '@/lib/messaging/protocol';
import type { PlatformId } from '@/lib/platforms/types';
import {
  hasOriginAccess,
  hasPlatformAccess,
  type PermissionOutcome,
  requestOriginsAccess,
  requestPlatformAccess,
} from '@/lib/settings/permissions';
import { verifyPublicKey } from '@/lib/settings/public-key';
import type { PublicKeyJwk, Settings } from '@/lib/settings/schema';
import { getSettings, saveSettings, watchSettings } from '@/lib/settings/store';

/**
 * Everything the options page needs from the browser and the background, as one object: the
 * Preact components stay free of `browser.*`, and unit tests hand them a fake.
 */
export interface OptionsApi {
  getSettings(): Promise<Settings>;
  saveSettings(next: Settings): Promise<Settings>;
  watchSettings(callback: (settings: Settings) => void): () => void;
  /** The library in use: its agency directory and status (throws when the background cannot answer). */
  getLibrary(): Promise<{ agencies: Agency[]; status: LibraryStatus }>;
  verifyPublicKey: typeof verifyPublicKey;
  /** The origins of all the URLs in one prompt. Must be called synchronously from a click (see permissions.ts). */
  requestOriginAccess(url: string, ...more: string[]): Promise<PermissionOutcome>;
  hasOriginAccess(url: string): Promise<boolean>;
  hasPlatformAccess(platform: PlatformId): Promise<boolean>;
  /** Must be called synchronously from a click. */
  requestPlatformAccess(platform: PlatformId): Promise<PermissionOutcome>;
  testLibrarySource(source: { url: string; publicKey: PublicKeyJwk }): Promise<{
    ok: boolean;
    message: string;
    version?: number;
  }>;
  syncNow(): Promise<LibraryStatus>;
  /** Accept the library id the last sync refused (another id for the same key), then sync. */
  confirmLibrarySwitch(libraryId: string): Promise<LibraryStatus>;
  exportAudit(format: 'csv' | 'json'): Promise<string>;
  /** Offer `text` as a file download. */
  download(fileName: string, text: string, mimeType: string): void;
}

/** Save a string as a file through a Blob URL and a temporary `a[download]`. */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start reading the Blob only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function createOptionsApi(): OptionsApi {
  return {
    getSettings,
    saveSettings,
    watchSettings,
    getLibrary: async () => {
      const { bundle, status } = await sendMessage('getLibrary', undefined);
      return { agencies: bundle.agencies, status };
    },
    verifyPublicKey,
    requestOriginAccess: (url, ...more) => requestOriginsAccess([url, ...more]),
    hasOriginAccess,
    hasPlatformAccess,
    requestPlatformAccess,
    testLibrarySource: (source) => sendMessage('testLibrarySource', source),
    syncNow: () => sendMessage('syncNow', undefined),
    confirmLibrarySwitch: (libraryId) => sendMessage('confirmLibrarySwitch', { libraryId }),
    exportAudit: (format) => sendMessage('exportAudit', { format }),
    download: downloadText,
  };
}
