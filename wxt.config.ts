import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The platforms Satu Pintu works on. The library origin is added at run time as an
// optional host permission (options page), never here.
export const PLATFORM_HOSTS = ['*://*.facebook.com/*', '*://*.instagram.com/*', '*://studio.youtube.com/*'];

/** Where a bureau may publish its library: requested at run time for the configured origin only. */
export const LIBRARY_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

export default defineConfig({
  // Separate output folders let several builds run side by side (e.g. WXT_OUT_DIR=.output-dev).
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'id',
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'clipboardWrite'],
    host_permissions: PLATFORM_HOSTS,
    optional_host_permissions: LIBRARY_ORIGINS,
    // MV2 (WXT's default Firefox target) has no optional_host_permissions: the origins go here.
    ...(manifestVersion === 2 ? { optional_permissions: LIBRARY_ORIGINS } : {}),
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandToggleSidebar__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'satu-pintu@kalbarprov.go.id',
              strict_min_version: '115.0',
              // Drafts stay in the browser; a submission goes only to the bureau's own endpoint.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
