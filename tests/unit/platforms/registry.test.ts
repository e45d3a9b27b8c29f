import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidSelector } from '@/lib/platforms/query';
import { ADAPTERS, PLATFORMS } from '@/lib/platforms/registry';
import { ADAPTER_IDS, FIELD_IDS, PLATFORM_IDS } from '@/lib/platforms/types';

// Conventions every adapter must keep (docs/platforms.md): adding a platform = adapter + fixture + test.
const adapters = Object.values(ADAPTERS);
const ROOT = process.cwd();

/** The look-alike pages live in tests/fixtures/pages/<id>.html (also accept <id>.html, <id>/). */
function fixturePageOf(id: string): string | undefined {
  return [
    join(ROOT, 'tests/fixtures/pages', `${id}.html`),
    join(ROOT, 'tests/fixtures', `${id}.html`),
    join(ROOT, 'tests/fixtures', id),
  ].find((path) => existsSync(path));
}

describe('platform registry', () => {
  it('has one adapter per platform id, keyed by its own id, with unique ids', () => {
    expect(Object.keys(PLATFORMS).sort()).toEqual([...PLATFORM_IDS].sort());
    for (const [key, adapter] of Object.entries(PLATFORMS)) {
      expect(adapter.id).toBe(key);
      expect(adapter.platform).toBe(key);
    }
    expect(new Set(adapters.map((a) => a.id)).size).toBe(adapters.length);
  });

  it('lists every adapter by its id, each checked as a known platform', () => {
    expect(Object.keys(ADAPTERS).sort()).toEqual([...ADAPTER_IDS].sort());
    for (const [key, adapter] of Object.entries(ADAPTERS)) {
      expect(adapter.id).toBe(key);
      expect(PLATFORM_IDS).toContain(adapter.platform);
    }
  });

  it('every adapter keeps chat and comment boxes out', () => {
    for (const adapter of adapters.filter((a) => a.platform !== 'youtube')) {
      expect(adapter.exclude?.labels.test('Tulis pesan'), adapter.id).toBe(true);
      expect(adapter.exclude?.labels.test('Write a comment…'), adapter.id).toBe(true);
      expect(adapter.exclude?.placeholders, adapter.id).toContain('aa');
    }
  });

  it.each(adapters)('$id has a label and well-formed, non-empty match patterns', (adapter) => {
    expect(adapter.label.trim()).not.toBe('');
    expect(adapter.matches.length).toBeGreaterThan(0);
    for (const pattern of adapter.matches)
      expect(pattern).toMatch(/^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)\/.*$/);
  });

  it.each(adapters)('$id has at least one valid strategy per field and unique field ids', (adapter) => {
    expect(adapter.fields.length).toBeGreaterThan(0);
    expect(new Set(adapter.fields.map((f) => f.id)).size).toBe(adapter.fields.length);
    for (const field of adapter.fields) {
      expect(FIELD_IDS).toContain(field.id);
      expect(field.strategies.length).toBeGreaterThan(0);
      expect(new Set(field.strategies.map((s) => s.name)).size).toBe(field.strategies.length);
      for (const strategy of field.strategies)
        expect(isValidSelector(strategy.selector), strategy.selector).toBe(true);
      if (field.kind === 'tag-input') expect(field.chips).toBeDefined();
      for (const reveal of field.reveal ?? []) expect(isValidSelector(reveal.selector)).toBe(true);
    }
  });

  it.each(adapters)('$id names at least one valid composer container', (adapter) => {
    expect(adapter.containers.length).toBeGreaterThan(0);
    for (const container of adapter.containers) expect(isValidSelector(container.selector)).toBe(true);
  });

  it.each(adapters)('$id has a look-alike fixture page and a saved DOM snapshot', (adapter) => {
    expect(fixturePageOf(adapter.id), `tests/fixtures/pages/${adapter.id}.html`).toBeDefined();
    const snapshots = readdirSync(join(ROOT, 'tests/unit/platforms/snapshots'));
    expect(snapshots.some((name) => name.startsWith(`${adapter.id}-`) && name.endsWith('.html'))).toBe(true);
  });

  it.each(adapters)('$id detects the URL of its own fixture page origin', (adapter) => {
    const origin = adapter.matches[0]!.replace('*://*.', 'https://www.')
      .replace('https://*.', 'https://www.')
      .replace('*://', 'https://')
      .replace(/\*$/, '');
    expect(adapter.detect(new URL(origin))).toBe(true);
  });
});
