import { detectPlatform, PLATFORMS } from '@/lib/platforms/registry';
import { startSidebarSession } from '@/lib/sidebar/page-session';
import { mountMarks } from './mount-marks';
import { sidebarHost } from './mount-sidebar';
import '@/components/ui/tokens.css';
import './sidebar.css';

// One content script for every platform; the adapter decides what a composer field is. The
// matches come from the adapters, so a fourth platform is one adapter file.
export default defineContentScript({
  matches: Object.values(PLATFORMS).flatMap((adapter) => adapter.matches),
  cssInjectionMode: 'ui',
  async main(ctx) {
    const adapter = detectPlatform(new URL(location.href));
    if (!adapter) return;
    const session = await startSidebarSession(ctx, adapter, sidebarHost);
    if (session) mountMarks(session);
  },
});
