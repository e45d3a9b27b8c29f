import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileForCheck } from '@/lib/cli/batch';
import { loadCheckLibrary } from '@/lib/cli/check-library';
import {
  bundleHash,
  type CacheKey,
  codeIdentity,
  compileCachePath,
  readCompileCache,
  saveCompiled,
  writeCompileCache,
} from '@/lib/cli/compile-cache';
import { checkText } from '@/lib/guidelines';
import { emptyMemo, memoSize } from '@/lib/guidelines/compile-memo';
import { rule } from '../guidelines/rule-fixtures';

/** check's start-up cache (lib/cli/compile-cache.ts): a hit is the library as parsed, a miss rebuilds. */

const dir = () => mkdtempSync(join(tmpdir(), 'sp-compile-cache-'));

const BUNDLE = {
  guidelines: [
    rule({ id: 'T-GACOR', kind: 'pattern', category: 'illegal-content', patterns: ['slot\\s+gacor'] }),
    rule({ id: 'T-KATA', kind: 'terms', terms: ['goblok'] }),
  ],
  agencies: [{ id: 'kominfo', name: 'Diskominfo', shortName: 'Kominfo' }],
  allowlists: { phones: ['112'], domains: [] },
};

/** A bundle file in a fresh folder, and the environment that keeps the cache beside it. */
function bundleFile(bundle: object = BUNDLE) {
  const folder = dir();
  const path = join(folder, 'lib.json');
  writeFileSync(path, JSON.stringify(bundle));
  return { folder, path, env: { SP_CACHE_DIR: join(folder, 'cache') } };
}

async function load(path: string, cacheDir: string) {
  const before = process.env.SP_CACHE_DIR;
  process.env.SP_CACHE_DIR = cacheDir;
  try {
    const stderr: string[] = [];
    const library = await loadCheckLibrary(path, undefined, {
      cwd: process.cwd(),
      stderr: (l) => stderr.push(l),
    });
    return { library, stderr };
  } finally {
    process.env.SP_CACHE_DIR = before;
  }
}

/** A bundle file whose library has been loaded, compiled for check and saved to the cache once. */
async function cachedOnce() {
  const { path, env } = bundleFile();
  const first = await load(path, env.SP_CACHE_DIR);
  compileForCheck(first.library);
  saveCompiled(first.library);
  return { path, env, cachePath: compileCachePath(env), first };
}

const ctx = { platform: 'facebook', field: 'caption', lang: 'id' } as const;

describe('the start-up cache of check', () => {
  it('lives in SP_CACHE_DIR beside the regex verdicts', () => {
    expect(compileCachePath({ SP_CACHE_DIR: '/c' })).toBe(join('/c', 'compiled-library.json'));
  });

  it('misses on first use, keeps the library and its analyses once compiled, and hits after', async () => {
    const { path, env } = bundleFile();
    const first = await load(path, env.SP_CACHE_DIR);
    expect(first.library.cache?.saved).toBe(-1);
    const compiled = compileForCheck(first.library);
    expect(memoSize(first.library.memo!)).toBeGreaterThan(0);
    expect(saveCompiled(first.library)).toBeNull();

    const second = await load(path, env.SP_CACHE_DIR);
    expect(second.library.cache?.saved).toBe(memoSize(first.library.memo!));
    expect(second.library.rules).toEqual(first.library.rules);
    expect(second.library.agencies).toEqual(first.library.agencies);
    expect(second.library.allowlists).toEqual(first.library.allowlists);
    expect([...second.library.memo!.rewrites]).toEqual([...first.library.memo!.rewrites]);
    expect(second.stderr).toEqual(first.stderr);
    // The cached analyses compile to the same findings.
    const text = 'Slot gacor hari ini, dasar goblok.';
    const again = compileForCheck(second.library);
    expect(checkText(again, text, ctx)).toEqual(checkText(compiled, text, ctx));
    expect(checkText(again, text, ctx).findings.map((f) => f.ruleId)).toEqual(['T-GACOR', 'T-KATA']);
    // Nothing new to keep: the entry is not rewritten.
    expect(memoSize(second.library.memo!)).toBe(second.library.cache!.saved);
  });

  it('misses when the bundle changes by one byte, and when the code that made the entry changes', async () => {
    const { path, env, first } = await cachedOnce();
    const key = first.library.cache!;
    expect(readCompileCache(key)).toBeDefined();
    expect(readCompileCache({ ...key, bundle: bundleHash(new TextEncoder().encode('{}')) })).toBeUndefined();
    expect(readCompileCache({ ...key, code: `${key.code}x` })).toBeUndefined();

    writeFileSync(path, JSON.stringify({ ...BUNDLE, guidelines: BUNDLE.guidelines.slice(1) }));
    const changed = await load(path, env.SP_CACHE_DIR);
    expect(changed.library.cache?.saved).toBe(-1);
    expect(changed.library.rules.map((r) => r.id)).toEqual(['T-KATA']);
  });

  it('ignores a damaged entry and writes it anew', async () => {
    const { path, env, cachePath, first } = await cachedOnce();
    for (const damage of [
      '{"format":1,',
      'null',
      JSON.stringify({ format: 1, bundle: first.library.cache!.bundle }),
    ]) {
      writeFileSync(cachePath, damage);
      const again = await load(path, env.SP_CACHE_DIR);
      expect(again.library.cache?.saved).toBe(-1);
      expect(again.library.rules.map((r) => r.id)).toEqual(['T-GACOR', 'T-KATA']);
      compileForCheck(again.library);
      expect(saveCompiled(again.library)).toBeNull();
      expect(JSON.parse(readFileSync(cachePath, 'utf8')).bundle).toBe(first.library.cache!.bundle);
    }
  });

  it('still refuses a bundle that fails its schema, cached or not', async () => {
    const { path, env } = bundleFile({ guidelines: [{ id: 'X', kind: 'nonsense' }] });
    await expect(load(path, env.SP_CACHE_DIR)).rejects.toThrow(/guidelines\[0\]/);
    await expect(load(path, env.SP_CACHE_DIR)).rejects.toThrow(/guidelines\[0\]/);
  });

  it('reports, without failing the run, a cache folder it cannot write', () => {
    // A "folder" that is a file: nothing can be made inside it.
    const file = join(dir(), 'not-a-folder');
    writeFileSync(file, '');
    const key: CacheKey = { path: join(file, 'compiled-library.json'), bundle: 'b', code: 'c' };
    const warning = writeCompileCache(
      key,
      { rules: [], agencies: [], allowlists: { phones: [], domains: [] } },
      emptyMemo(),
    );
    expect(warning).toMatch(/could not keep the compiled library/);
  });

  it('identifies the code by its source files when run from TypeScript', () => {
    expect(codeIdentity()).toMatch(/^[0-9a-f]{32}$/);
    expect(codeIdentity()).toBe(codeIdentity());
  });
});

describe('the prefilter automata in the start-up cache', () => {
  it('are kept, read back as the same arrays, and used: the same findings without building again', async () => {
    const { path, env } = bundleFile();
    const first = await load(path, env.SP_CACHE_DIR);
    const compiled = compileForCheck(first.library);
    const built = [...first.library.memo!.automata!];
    expect(built.length).toBeGreaterThan(0);
    saveCompiled(first.library);
    const second = await load(path, env.SP_CACHE_DIR);
    const read = [...second.library.memo!.automata!];
    expect(read.map(([key]) => key)).toEqual(built.map(([key]) => key));
    for (const [i, [, data]] of read.entries()) {
      const original = built[i]![1];
      expect(data.width).toBe(original.width);
      expect(data.classOf).toEqual(original.classOf);
      expect([...data.table]).toEqual([...original.table]);
      expect([...data.slots]).toEqual([...original.slots]);
      expect([...data.ascii]).toEqual([...original.ascii]);
    }
    const again = compileForCheck(second.library);
    // Compiling took the automata from the memo: nothing was added to it.
    expect(memoSize(second.library.memo!)).toBe(second.library.cache!.saved);
    for (const text of ['Slot gacor hari ini, dasar goblok.', 'SLOT   GACOR', 'tidak ada apa-apa'])
      expect(checkText(again, text, ctx)).toEqual(checkText(compiled, text, ctx));
  });

  it('a damaged automaton is dropped and built again; the rest of the entry still serves', async () => {
    const { path, env, cachePath } = await cachedOnce();
    const entry = JSON.parse(readFileSync(cachePath, 'utf8'));
    entry.automata[0][1].fail = entry.automata[0][1].fail.slice(0, 6);
    writeFileSync(cachePath, JSON.stringify(entry));
    const again = await load(path, env.SP_CACHE_DIR);
    expect(again.library.memo!.automata!.size).toBe(0);
    expect(again.library.memo!.literals.size).toBeGreaterThan(0);
    const compiled = compileForCheck(again.library);
    expect(again.library.memo!.automata!.size).toBeGreaterThan(0);
    expect(checkText(compiled, 'Slot gacor hari ini', ctx).findings.map((f) => f.ruleId)).toEqual([
      'T-GACOR',
    ]);
  });
});
