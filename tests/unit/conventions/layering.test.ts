import { describe, expect, it } from 'vitest';
import { chainTo, reachable, readModule } from './import-graph';
import { sourceFiles } from './source-files';

// The layering in docs/design.md, checked over the value-import graph rather than trusted.

const NODE_BUILTINS =
  /^(node:|fs$|path$|os$|url$|crypto$|worker_threads$|child_process$|stream$|util$|readline$|zlib$|http$|https$)/;
const BROWSER_PACKAGES = new Set([
  'wxt',
  'webextension-polyfill',
  '@webext-core/messaging',
  '@wxt-dev/storage',
  'dexie',
]);
const CODE = /\.(tsx?|mts)$/;

const describeChain = (entry: string, isTarget: (id: string) => boolean) =>
  (chainTo(entry, isTarget) ?? []).join(' → ');

describe('the import-graph reader (the check itself works)', () => {
  it('sees value imports, leaves type-only ones out and records globals', () => {
    const info = readModule('tests/unit/conventions/import-graph.ts');
    expect(info.imports).toContain('node:fs');
    expect(info.imports).toContain('typescript');
    expect(info.imports).toContain('tests/unit/conventions/source-files.ts');
  });

  it('finds the browser global in a module that uses it', () => {
    expect(readModule('lib/settings/permissions.ts').globals.has('browser')).toBe(true);
  });
});

describe('lib/guidelines is a pure engine', () => {
  const modules = sourceFiles(['lib/guidelines'], CODE).map((file) => file.path);

  it.each(modules)('%s reaches no DOM, browser or Node API', (entry) => {
    const { modules: graph, packages } = reachable(entry);
    const forbiddenPackages = [...packages].filter(
      (name) => NODE_BUILTINS.test(name) || BROWSER_PACKAGES.has(name),
    );
    expect(
      forbiddenPackages,
      describeChain(entry, (id) => forbiddenPackages.includes(id)),
    ).toEqual([]);
    const usingGlobals = graph
      .filter((module) => module.globals.size > 0)
      .map((m) => `${m.id}: ${[...m.globals]}`);
    expect(usingGlobals).toEqual([]);
    const database = graph.filter((module) => module.id.startsWith('lib/db/')).map((m) => m.id);
    expect(database).toEqual([]);
  });
});

describe('components are props in, callbacks out', () => {
  const components = sourceFiles(['components'], CODE).map((file) => file.path);

  it.each(components)('%s reaches no browser API and no database', (entry) => {
    const { modules: graph, packages } = reachable(entry);
    const forbidden = [...packages].filter((name) => BROWSER_PACKAGES.has(name));
    expect(
      forbidden,
      describeChain(entry, (id) => forbidden.includes(id)),
    ).toEqual([]);
    const usingBrowser = graph
      .filter((m) => m.globals.has('browser') || m.globals.has('chrome'))
      .map((m) => m.id);
    expect(
      usingBrowser,
      describeChain(entry, (id) => usingBrowser.includes(id)),
    ).toEqual([]);
    expect(graph.filter((m) => m.id.startsWith('lib/db/')).map((m) => m.id)).toEqual([]);
  });
});

describe('the content script stays small', () => {
  const entries = sourceFiles(['entrypoints'], /\.content\.tsx?$|^index\.tsx?$/)
    .map((file) => file.path)
    .filter((path) => path.includes('content'));

  it('has a content-script entry to check', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  it.each(entries)('%s pulls in no zod, Dexie or database module', (entry) => {
    const { modules: graph, packages } = reachable(entry);
    for (const heavy of ['zod', 'dexie'])
      expect(
        packages.has(heavy),
        describeChain(entry, (id) => id === heavy),
      ).toBe(false);
    expect(graph.filter((m) => m.id.startsWith('lib/db/')).map((m) => m.id)).toEqual([]);
  });

  it.each(entries)('%s carries no string table of the popup or the options page', (entry) => {
    const { modules: graph } = reachable(entry);
    const tables = graph.map((m) => m.id).filter((id) => /lib\/i18n\/messages\/(popup|options)\b/.test(id));
    expect(
      tables,
      describeChain(entry, (id) => tables.includes(id)),
    ).toEqual([]);
  });
});
