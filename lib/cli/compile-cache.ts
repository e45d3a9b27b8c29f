import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CompileMemo, memoSize } from '@/lib/guidelines/compile-memo';
import type { AutomatonData } from '@/lib/guidelines/prefilter';
import type { CheckLibrary } from './check-library';
import { findRepoRoot } from './rule-sources';
import { cacheDir, readCacheJson, writeCacheJson } from './verdict-cache';

/**
 * `check`'s start-up cache (docs/contracts.md § Command line): a library bundle as parsed and
 * validated (the bundle schema, the models' schemas and checksums) and what compiling it derives
 * (compile-memo.ts), kept in the user's cache folder beside the regex verdicts (verdict-cache.ts).
 * Parsing and analysing the shipped library took ~0.35 s of every run, and again in every batch
 * worker. An entry holds for the exact bytes of one bundle (their SHA-256) and one build of the
 * code that made it: another bundle or another build misses and the entry is made anew; a file that
 * cannot be read or parsed counts as missing. The signature (`--key`) is checked on every run.
 */

const FORMAT = 3;
const FILE = 'compiled-library.json';

/** Which entry fits: the bundle's bytes and the code reading them. */
export interface CacheKey {
  path: string;
  bundle: string;
  code: string;
}

/** What the cache gives back: the library as parsed (without its origin) and the memo. */
export interface CachedLibrary {
  library: Omit<CheckLibrary, 'origin' | 'memo' | 'cache'>;
  memo: CompileMemo;
}

interface CacheFile {
  format: number;
  bundle: string;
  code: string;
  library: CachedLibrary['library'];
  rewrites: Array<[string, string]>;
  /** Each pattern's sets of required literals (format 1 had one set). */
  literals: Array<[string, string[][] | null]>;
  /** The prefilter's automata (memo.automata), their arrays in base64. */
  automata?: Array<[string, PackedAutomaton]>;
}

const INT32_FIELDS = [
  'row',
  'table',
  'edgeStart',
  'edgeClass',
  'edgeTo',
  'fail',
  'out',
  'first',
  'stop',
  'slots',
] as const;
type PackedAutomaton = { width: number; classOf: Array<[number, number]>; ascii: string } & Record<
  (typeof INT32_FIELDS)[number],
  string
>;

const base64 = (array: Int32Array | Uint16Array) =>
  Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');

/** The bytes of a base64 string in a buffer of their own (a typed array needs aligned offsets). */
function bytesOf(text: unknown, unit: number): ArrayBuffer {
  if (typeof text !== 'string') throw new Error('not base64');
  const bytes = Uint8Array.from(Buffer.from(text, 'base64'));
  if (bytes.length % unit !== 0) throw new Error('truncated');
  return bytes.buffer;
}

function pack(data: AutomatonData): PackedAutomaton {
  const packed = { width: data.width, classOf: data.classOf, ascii: base64(data.ascii) } as PackedAutomaton;
  for (const field of INT32_FIELDS) packed[field] = base64(data[field]);
  return packed;
}

/** Throws when the entry is not an automaton's arrays of consistent sizes (a damaged cache file). */
function unpack(packed: PackedAutomaton): AutomatonData {
  const arrays = Object.fromEntries(
    INT32_FIELDS.map((field) => [field, new Int32Array(bytesOf(packed[field], 4))]),
  ) as Record<(typeof INT32_FIELDS)[number], Int32Array>;
  const ascii = new Uint16Array(bytesOf(packed.ascii, 2));
  const states = arrays.fail.length;
  if (
    !Number.isInteger(packed.width) ||
    !Array.isArray(packed.classOf) ||
    ascii.length !== 128 ||
    arrays.row.length !== states ||
    arrays.out.length !== states ||
    arrays.first.length !== states ||
    arrays.stop.length !== states ||
    arrays.edgeStart.length !== states + 1 ||
    arrays.table.length % packed.width !== 0
  )
    throw new Error('inconsistent automaton');
  return { width: packed.width, classOf: packed.classOf, ascii, ...arrays };
}

/** The cached automata, or none when any of them is damaged (they are only rebuilt: lost time). */
function unpackAll(entries: CacheFile['automata']): Map<string, AutomatonData> {
  try {
    return new Map((entries ?? []).map(([key, packed]) => [key, unpack(packed)] as const));
  } catch {
    return new Map();
  }
}

export function compileCachePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheDir(env), FILE);
}

export function bundleHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function statList(files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    const stat = statSync(file);
    hash.update(`${file}\u0000${stat.size}\u0000${stat.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 32);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The identity of the code now running: the built CLI's files (their names carry a hash of their
 * content; size and time stamp cover the rest), or from the TypeScript sources, the engine's and
 * the CLI's .ts files (the data files beside them, such as the regex-audit ledger, change neither
 * the parsed library nor the analyses). A rebuild or an edit makes every entry miss.
 */
export function codeIdentity(moduleUrl: string = import.meta.url): string {
  const here = dirname(fileURLToPath(moduleUrl));
  if (moduleUrl.endsWith('.mjs')) {
    return statList(
      readdirSync(here)
        .filter((name) => name.endsWith('.mjs'))
        .map((name) => join(here, name)),
    );
  }
  const root = findRepoRoot(here);
  return statList([
    ...sourceFiles(join(root, 'lib', 'guidelines')),
    ...sourceFiles(join(root, 'lib', 'cli')),
  ]);
}

/** The entry for `key`, or undefined when there is none that fits (or it cannot be read). */
export function readCompileCache(key: CacheKey): CachedLibrary | undefined {
  // A damaged entry is only lost time: the library is parsed again and the entry rewritten.
  const data = readCacheJson(key.path) as CacheFile | undefined;
  if (data?.format !== FORMAT || data.bundle !== key.bundle || data.code !== key.code) return undefined;
  if (!Array.isArray(data.library?.rules) || !Array.isArray(data.rewrites) || !Array.isArray(data.literals))
    return undefined;
  try {
    return {
      library: data.library,
      memo: {
        rewrites: new Map(data.rewrites),
        literals: new Map(data.literals),
        automata: unpackAll(data.automata),
      },
    };
  } catch {
    // Arrays that are not [key, value] pairs: damaged too.
    return undefined;
  }
}

/**
 * Writes the entry for `key` (replacing any other: one library is cached at a time); returns a
 * warning line when it cannot be written (the run itself is unaffected), else null.
 */
export function writeCompileCache(
  key: CacheKey,
  library: CachedLibrary['library'],
  memo: CompileMemo,
): string | null {
  const data: CacheFile = {
    format: FORMAT,
    bundle: key.bundle,
    code: key.code,
    library: {
      rules: library.rules,
      agencies: library.agencies,
      allowlists: library.allowlists,
      models: library.models,
      expiresAt: library.expiresAt,
    },
    rewrites: [...memo.rewrites],
    literals: [...memo.literals].map(([k, v]) => [k, v ? v.map((set) => [...set]) : null]),
    automata: [...(memo.automata ?? [])].map(([key, data]) => [key, pack(data)]),
  };
  return writeCacheJson(key.path, data, 'the compiled library');
}

/**
 * Saves a library's entry once compiling it has added to its memo (or when it had no entry);
 * returns a warning line or null, as writeCompileCache.
 */
export function saveCompiled(
  library: CheckLibrary,
  memo: CompileMemo | undefined = library.memo,
): string | null {
  const { cache } = library;
  if (!cache || !memo || memoSize(memo) <= cache.saved) return null;
  const warning = writeCompileCache(cache, library, memo);
  cache.saved = memoSize(memo);
  return warning;
}
