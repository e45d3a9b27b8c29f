import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The platforms Satu Pintu works on. The library origin is added at run time as an
// optional host permission (options page), never here.
export const PLATFORM_HOSTS = ['*://*.facebook.com/*', '*://*.instagram.com/*', '*://studio.youtube.com/*'];

export default defineConfig({
  // Separate output folders let several builds run side by side (e.g. WXT_OUT_DIR=.output-dev).
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'id',
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'clipboardWrite'],
    host_permissions: PLATFORM_HOSTS,
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandToggleSidebar__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'satu-pintu@kalbarprov.go.id', strict_min_version: '115.0' },
          },
        }
      : {}),
  }),
});
