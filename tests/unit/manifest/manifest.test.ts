import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '@/lib/platforms/registry';
import config, { LIBRARY_ORIGINS, PLATFORM_HOSTS } from '@/wxt.config';

type Manifest = Record<string, unknown> & {
  host_permissions?: string[];
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { required?: string[] } } };
};

function manifestFor(browser: 'chrome' | 'firefox', manifestVersion: 2 | 3): Manifest {
  const build = config.manifest as (env: { browser: string; manifestVersion: number }) => Manifest;
  return build({ browser, manifestVersion });
}

describe('the manifest', () => {
  it('asks for the platforms over https only, and the adapters match the same pages', () => {
    for (const host of PLATFORM_HOSTS) expect(host).toMatch(/^https:\/\//);
    expect(manifestFor('chrome', 3).host_permissions).toEqual(PLATFORM_HOSTS);
    // The content script and the options page's permission check use the adapters' patterns: an
    // http pattern there would reach pages the manifest does not cover.
    for (const adapter of Object.values(PLATFORMS)) {
      for (const pattern of adapter.matches) expect(pattern, adapter.id).toMatch(/^https:\/\//);
    }
  });

  it('allows http for library and desk origins only on the loopback interface', () => {
    for (const origin of LIBRARY_ORIGINS) {
      if (origin.startsWith('http://')) expect(origin).toMatch(/^http:\/\/(localhost|127\.0\.0\.1)\//);
      else expect(origin).toMatch(/^https:\/\//);
    }
  });

  it('tells Firefox truthfully that a submission sends the draft (website content) and the admin’s name', () => {
    const declared = manifestFor('firefox', 2).browser_specific_settings?.gecko?.data_collection_permissions;
    expect(declared?.required).toEqual(
      expect.arrayContaining(['websiteContent', 'personallyIdentifyingInfo']),
    );
    expect(declared?.required).not.toContain('none');
    expect(manifestFor('chrome', 3).browser_specific_settings).toBeUndefined();
  });
});
