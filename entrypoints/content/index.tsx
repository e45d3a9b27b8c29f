import { render } from 'preact';
import { Sidebar } from '@/components/sidebar/sidebar';
import { findFieldForElement } from '@/lib/platforms/fields';
import { detectPlatform } from '@/lib/platforms/registry';
import './sidebar.css';

// One content script for every platform; the adapter decides what a composer field is.
export default defineContentScript({
  matches: ['*://*.facebook.com/*', '*://*.instagram.com/*', '*://studio.youtube.com/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    const adapter = detectPlatform(new URL(location.href));
    if (!adapter) return;
    let mounted = false;
    const mount = async () => {
      mounted = true;
      const ui = await createShadowRootUi(ctx, {
        name: 'satu-pintu-sidebar',
        mode: 'open',
        position: 'inline',
        anchor: 'body',
        isolateEvents: true,
        onMount: (container) => render(<Sidebar platform={adapter.id} />, container),
        onRemove: (container) => container && render(null, container),
      });
      ui.mount();
    };
    // The sidebar opens the first time a composer field gets focus on the page.
    ctx.addEventListener(
      document,
      'focusin',
      (event) => {
        if (!mounted && event.target instanceof Element && findFieldForElement(adapter, event.target))
          void mount();
      },
      { capture: true },
    );
  },
});
