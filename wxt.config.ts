import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The platforms Satu Pintu works on, over https only: the platforms serve nothing else, and a page
// served over plain http could be anyone's. They match the adapters' `matches` (lib/platforms/), which
// the content script and the options page's permission check use. The library and desk origins are
// added at run time as optional host permissions (options page), never here.
export const PLATFORM_HOSTS = [
  'https://*.facebook.com/*',
  'https://*.instagram.com/*',
  'https://studio.youtube.com/*',
];

/**
 * Where a bureau may publish its library or run its desk: requested at run time for the configured
 * origin only; plain http only on the loopback interface, for testing (docs/library-format.md).
 */
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
              // Drafts stay in the browser, but a submission for approval sends the draft's text with the
              // admin's name and agency to the bureau's desk or endpoint (docs/library-format.md):
              // that is website content and personal data, collected by the bureau, and required for
              // the approval feature the extension exists for.
              data_collection_permissions: { required: ['websiteContent', 'personallyIdentifyingInfo'] },
            },
          },
        }
      : {}),
  }),
});
