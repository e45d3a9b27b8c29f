import { render } from 'preact';
import { logFailure } from '@/lib/log';
import { sendMessage } from '@/lib/messaging/protocol';
import { findComposerContainer } from '@/lib/platforms/find';
import type { SidebarHost, SidebarSession } from '@/lib/sidebar/page-session';
import { composerBox, placeFrame, placement } from '@/lib/sidebar/placement';
import { SidebarApp } from './sidebar-app';

const SIDEBAR_WIDTH = 340;

/**
 * The sidebar's place on the page: a WXT shadow-root UI (`<satu-pintu-sidebar>`, open shadow root
 * for the test hooks; docs/contracts.md), mounted the first time the admin is in the composer,
 * and kept beside the composer dialog.
 */
export function sidebarHost(session: SidebarSession): SidebarHost {
  const { ctx, adapter, model, fields } = session;
  let ui: Awaited<ReturnType<typeof createShadowRootUi>> | null = null;
  let shadowRoot: ShadowRoot | null = null;
  /** The fixed-positioned element inside the shadow root that holds the sidebar. */
  let frame: HTMLElement | null = null;
  let mounting: Promise<void> | null = null;
  const reportContext = {
    location: window.location,
    extensionVersion: browser.runtime.getManifest().version,
    userAgent: navigator.userAgent,
  };

  const place = () => {
    if (!frame) return;
    const viewport = {
      width: document.documentElement.clientWidth || window.innerWidth,
      height: window.innerHeight,
    };
    const first = [...fields.found.values()][0]?.element;
    const container = findComposerContainer(adapter, first ?? document)?.element ?? null;
    const box = first
      ? composerBox(first, container, viewport)
      : (container?.getBoundingClientRect() ?? null);
    placeFrame(frame, placement(box, SIDEBAR_WIDTH, viewport));
  };

  const mount = (): Promise<void> => {
    mounting ??= (async () => {
      ui = await createShadowRootUi(ctx, {
        name: 'satu-pintu-sidebar',
        mode: 'open',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        isolateEvents: true,
        onMount: (container, shadow) => {
          shadowRoot = shadow;
          session.setCopyRoot(shadow);
          frame = document.createElement('div');
          frame.className = 'sp-frame';
          container.append(frame);
          render(
            <SidebarApp
              platform={adapter.platform}
              model={model}
              reportContext={reportContext}
              openOptions={() => void sendMessage('openOptions').catch(logFailure('open options'))}
            />,
            frame,
          );
          return frame;
        },
        onRemove: (mounted) => {
          if (mounted) render(null, mounted);
        },
      });
      ui.mount();
    })();
    return mounting;
  };

  return {
    mount,
    isMounted: () => ui !== null,
    place,
    focusToggle: () => shadowRoot?.querySelector<HTMLElement>('[data-sp="toggle"]')?.focus(),
    revealFinding: (id) => {
      // After the render that expands the sidebar.
      ctx.requestAnimationFrame(() => {
        const finding = [...(shadowRoot?.querySelectorAll<HTMLElement>('[data-sp="finding"]') ?? [])].find(
          (element) => element.dataset.key === id,
        );
        finding?.scrollIntoView({ block: 'nearest' });
        finding?.querySelector<HTMLElement>('[data-sp="finding-select"]')?.focus({ preventScroll: true });
      });
    },
  };
}
