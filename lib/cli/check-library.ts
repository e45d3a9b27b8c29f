import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { type AgencyLike, type Rule, RuleSchema } from '@/lib/guidelines';
import { type CompileMemo, emptyMemo, memoSize } from '@/lib/guidelines/compile-memo';
import { DraftsModelFileSchema } from '@/lib/guidelines/model/drafts-schema';
import type { DraftsModelFile } from '@/lib/guidelines/model/drafts-types';
import { AbuseModelFileSchema } from '@/lib/guidelines/model/schema';
import type { AbuseModelFile } from '@/lib/guidelines/model/types';
import { auditRulePatterns, unauditedPatterns } from '@/lib/guidelines/regex-verdicts';
import type { Jwk } from '@/lib/library/signature';
import { bundleHash, type CacheKey, codeIdentity, compileCachePath, readCompileCache } from './compile-cache';
import { type CliIo, UsageError } from './io';
import { findRepoRoot, loadRuleSources } from './rule-sources';
import { loadVerdictCache, saveVerdictCache } from './verdict-cache';

/**
 * The library `check` uses (docs/contracts.md § Command line): `--library FILE` (its signature checked
 * with `--key`, warnings on stderr when it is unsigned or expired), else the embedded
 * public/library/kalbar.json, else the YAML sources. Every regex passes the ReDoS checker first.
 */

/** Where the embedded default library lives (built by `library build`), relative to the repo root. */
export const DEFAULT_LIBRARY = join('public', 'library', 'kalbar.json');

const AgencySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  shortName: z.string().default(''),
  requiredHashtags: z.array(z.string()).default([]),
  officialPhones: z.array(z.string()).default([]),
});

/** Only the parts of the library bundle `check` needs; the full schema is lib/library's. */
const CheckLibrarySchema = z.object({
  guidelines: z.array(z.unknown()),
  agencies: z.array(AgencySchema).default([]),
  allowlists: z
    .object({ phones: z.array(z.string()).default([]), domains: z.array(z.string()).default([]) })
    .default({ phones: [], domains: [] }),
  expiresAt: z.string().optional(),
  /** Checked in full (schema and checksum): a damaged model refuses the library. */
  models: z
    .object({ abuse: AbuseModelFileSchema.optional(), drafts: DraftsModelFileSchema.optional() })
    .optional(),
});

export interface CheckLibrary {
  rules: Rule[];
  agencies: AgencyLike[];
  allowlists: { phones: string[]; domains: string[] };
  /** Where the rules came from, for messages. */
  origin: string;
  models?: { abuse?: AbuseModelFile; drafts?: DraftsModelFile };
  expiresAt?: string;
  /** Analyses of its patterns from earlier runs, added to as it compiles (compile-memo.ts). */
  memo?: CompileMemo;
  /** Where its start-up cache entry goes and how much of the memo it holds (compile-cache.ts). */
  cache?: CacheKey & { saved: number };
}

/** A bundle expires at the end of its `expiresAt` (lib/library/verify-bundle.ts's isExpired). */
function expired(expiresAt: string, now: Date): boolean {
  return Date.parse(expiresAt) <= now.getTime();
}

/** Finds the bundle's fields at the top level or inside a signed envelope ({bundle|payload|library: {...}}). */
function unwrap(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || 'guidelines' in data) return data;
  for (const key of ['bundle', 'payload', 'library']) {
    const inner = (data as Record<string, unknown>)[key];
    if (typeof inner === 'object' && inner !== null && 'guidelines' in inner) return inner;
  }
  return data;
}

/** Parses a library bundle's guidelines/agencies/allowlists; throws with a one-line reason. */
export function parseCheckLibrary(text: string, origin: string, warn?: (line: string) => void): CheckLibrary {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`${origin}: not valid JSON`);
  }
  const parsed = CheckLibrarySchema.safeParse(unwrap(data));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${origin}: ${issue.path.join('.') || '(bundle)'}: ${issue.message}`);
  }
  const rules: Rule[] = [];
  parsed.data.guidelines.forEach((item, index) => {
    const rule = RuleSchema.safeParse(item);
    if (!rule.success) {
      const issue = rule.error.issues[0]!;
      throw new UsageError(`${origin}: guidelines[${index}].${issue.path.join('.')}: ${issue.message}`);
    }
    rules.push(rule.data);
  });
  const { expiresAt } = parsed.data;
  warnExpired(origin, expiresAt, warn);
  return {
    rules,
    agencies: parsed.data.agencies,
    allowlists: parsed.data.allowlists,
    origin,
    models: parsed.data.models,
    expiresAt,
  };
}

function warnExpired(origin: string, expiresAt: string | undefined, warn?: (line: string) => void) {
  if (warn && expiresAt && expired(expiresAt, new Date())) {
    warn(`${origin} expired on ${expiresAt}; its rules are used as they are`);
  }
}

/**
 * parseCheckLibrary through the start-up cache (compile-cache.ts): a bundle whose exact bytes this
 * build of the CLI parsed before is taken from the cache with the analyses compiling it derived.
 */
function parseBundle(bytes: Uint8Array, origin: string, warn: (line: string) => void): CheckLibrary {
  const key = { path: compileCachePath(), bundle: bundleHash(bytes), code: codeIdentity() };
  const cached = readCompileCache(key);
  if (cached) {
    warnExpired(origin, cached.library.expiresAt, warn);
    return { ...cached.library, origin, memo: cached.memo, cache: { ...key, saved: memoSize(cached.memo) } };
  }
  const library = parseCheckLibrary(new TextDecoder().decode(bytes), origin, warn);
  return { ...library, memo: emptyMemo(), cache: { ...key, saved: -1 } };
}

function readBytes(path: string, what: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    throw new UsageError(`cannot read ${what}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

/** Checks FILE's detached signature (FILE.sig) with the public key in `keyFile`; throws when it fails. */
async function verifySigned(path: string, file: string, keyFile: string, cwd: string): Promise<void> {
  const bytes = readBytes(path, file);
  let key: Jwk;
  try {
    key = JSON.parse(new TextDecoder().decode(readBytes(resolve(cwd, keyFile), keyFile))) as Jwk;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${keyFile}: not a JSON public key`);
  }
  if (!existsSync(`${path}.sig`))
    throw new UsageError(`${file} is not signed (no ${file}.sig) but --key was given`);
  const signature = readFileSync(`${path}.sig`, 'utf8').trim();
  // Loaded only with --key: the bundle verifier brings the full bundle schema and recheck.
  const { verifyBundle } = await import('@/lib/library/verify-bundle');
  const result = await verifyBundle(bytes, { signature, publicKey: key });
  if (!result.ok) {
    // Loaded only here: the library's sync and status modules bring the database and UI strings,
    // which a batch without --key should not pay for at start-up.
    const [{ describeSyncError }, { rejectToError }] = await Promise.all([
      import('@/lib/library/describe-status'),
      import('@/lib/library/sync'),
    ]);
    throw new UsageError(`${file}: ${describeSyncError(rejectToError(result.reason, Date.now()), 'en')}`);
  }
}

/** --library FILE (relative to cwd) [--key JWK], else public/library/kalbar.json, else the YAML sources. */
export async function loadCheckLibrary(
  file: string | undefined,
  keyFile: string | undefined,
  io: Pick<CliIo, 'cwd' | 'stderr'>,
): Promise<CheckLibrary> {
  // Warnings are printed once the library is usable: a refused library gets exactly one stderr line.
  const warnings: string[] = [];
  const warn = (line: string) => warnings.push(`check: warning: ${line}\n`);
  let library: CheckLibrary;
  if (file !== undefined) {
    const path = isAbsolute(file) ? file : resolve(io.cwd, file);
    if (keyFile !== undefined) await verifySigned(path, file, keyFile, io.cwd);
    else if (existsSync(`${path}.sig`)) warn(`${file}: signature not verified (give --key FILE)`);
    else warn(`${file} is unsigned; its rules are used as they are`);
    library = parseBundle(readBytes(path, `library ${file}`), file, warn);
  } else if (keyFile !== undefined) {
    throw new UsageError('--key needs --library FILE');
  } else {
    const root = findRepoRoot();
    const embedded = join(root, DEFAULT_LIBRARY);
    // The bundle is built by `library build`; until it exists the YAML sources are the library.
    library = existsSync(embedded)
      ? parseBundle(readFileSync(embedded), DEFAULT_LIBRARY, warn)
      : {
          rules: loadRuleSources(),
          agencies: [],
          allowlists: { phones: [], domains: [] },
          origin: 'library/src/guidelines',
        };
  }
  loadVerdictCache();
  // recheck (~90 ms to load) only when a pattern has no verdict in the ledger or the cache.
  const auditor =
    unauditedPatterns(library.rules) > 0
      ? (await import('@/lib/guidelines/regex-audit')).recheckAuditor()
      : undefined;
  const unsafe = auditRulePatterns(library.rules, { auditor });
  const unsaved = saveVerdictCache();
  if (unsaved) warn(unsaved);
  if (unsafe.length > 0)
    throw new UsageError(`${library.origin}: ${unsafe[0]!.ruleId}: ${unsafe[0]!.message}`);
  for (const line of warnings) io.stderr(line);
  return library;
}
