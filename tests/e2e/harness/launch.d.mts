import type { BrowserContext, Worker } from 'playwright-core';

export declare const ROOT: string;
export declare function extensionDir(explicit?: string): string;
export declare function findChromium(): string;

export interface LaunchOptions {
  /** Reuse a profile directory (e.g. to test what survives a restart). Default: a fresh temp dir. */
  userDataDir?: string;
  /** The unpacked extension. Default: SP_EXTENSION_DIR, else .output/chrome-mv3. */
  extensionDir?: string;
  /** Default true (`--headless=new`). The demo passes false when a display is available. */
  headless?: boolean;
  /** Extra Chromium switches. */
  args?: string[];
  /** Window size of new pages. Default 1280×800. */
  viewport?: { width: number; height: number } | null;
  /** Leave open the options tab that a fresh install opens (default: it is closed). */
  keepOnboardingTab?: boolean;
  /** Default true: route the look-alike pages on the real origins and abort every other request. */
  routeFixtures?: boolean;
}

export interface LaunchedExtension {
  context: BrowserContext;
  /** The 32-letter id, from the service worker's chrome-extension:// URL. */
  extensionId: string;
  /** The extension's background service worker (evaluate() runs in it). */
  serviceWorker: Worker;
  userDataDir: string;
  extensionDir: string;
  /** Closes Chromium; deletes the profile if launchExtension created it, unless keepProfile. */
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

export declare function launchExtension(opts?: LaunchOptions): Promise<LaunchedExtension>;
