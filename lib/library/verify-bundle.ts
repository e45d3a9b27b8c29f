import { compileRules, RuleSetError } from '@/lib/guidelines';
import { auditRulePatterns } from '@/lib/guidelines/regex-audit';
import { probeLexicons } from './lexicon-probe';
import { describeSchemaError, type LibraryBundle, LibraryBundleSchema } from './schema';
import { type Jwk, verifyBytes } from './signature';
import { bundleSha256, type TrustRecord, versionProblem } from './trust-store';

/** Bundles larger than this are refused before anything else is done with them. */
export const MAX_BUNDLE_BYTES = 20 * 1024 * 1024;

/** Why a bundle was refused; `detail` carries what a person needs to fix it. */
export type RejectReason =
  | { code: 'too-large'; bytes: number }
  | { code: 'missing-key' }
  | { code: 'signature'; detail: 'bad-key' | 'bad-signature-encoding' | 'mismatch' | 'missing' }
  | { code: 'json'; detail: string }
  | { code: 'schema'; path: string; detail: string }
  | { code: 'library-id'; libraryId: string; currentLibraryId: string }
  | { code: 'rollback'; version: number; currentVersion: number }
  | { code: 'expired'; expiresAt: string };

export type VerifyResult =
  | { ok: true; bundle: LibraryBundle; raw: string }
  | { ok: false; reason: RejectReason };

export interface VerifyOptions {
  /** The detached base64 signature; required unless `trusted`. */
  signature?: string | null;
  publicKey?: Jwk | null;
  /** The embedded default ships inside the extension: its integrity is the extension's own. */
  trusted?: boolean;
  /** The version in use from the same source; the new one must be strictly greater. */
  currentVersion?: number | null;
  /**
   * What this public key accepted before (lib/library/trust-store.ts): the bundle must carry the
   * pinned library id and a version above the mark (or be the very bundle the mark was made from).
   */
  trust?: TrustRecord | null;
  /** Refuse bundles already expired at `now` (the embedded default is loaded even then). */
  rejectExpired?: boolean;
  now?: Date;
}

/**
 * The one gate a bundle passes, in this order (docs/library-format.md): size → signature over the
 * exact bytes → JSON → schema (naming the bad field's path) and compilable rules → the library id
 * pinned for the key → version above what was accepted (no rollback) → not expired.
 */
export async function verifyBundle(bytes: Uint8Array, options: VerifyOptions): Promise<VerifyResult> {
  if (bytes.byteLength > MAX_BUNDLE_BYTES)
    return { ok: false, reason: { code: 'too-large', bytes: bytes.byteLength } };

  if (!options.trusted) {
    if (!options.publicKey) return { ok: false, reason: { code: 'missing-key' } };
    if (!options.signature) return { ok: false, reason: { code: 'signature', detail: 'missing' } };
    const check = await verifyBytes(bytes, options.signature, options.publicKey);
    if (!check.ok) return { ok: false, reason: { code: 'signature', detail: check.reason } };
  }

  let raw: string;
  let json: unknown;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    json = JSON.parse(raw);
  } catch (error) {
    return {
      ok: false,
      reason: { code: 'json', detail: error instanceof Error ? error.message : String(error) },
    };
  }

  const parsed = LibraryBundleSchema.safeParse(json);
  if (!parsed.success) {
    const { path, message } = describeSchemaError(parsed.error);
    return { ok: false, reason: { code: 'schema', path, detail: message } };
  }
  const bundle = parsed.data;

  // A rule set the engine cannot compile (an unsafe pattern) would break every admin's checks:
  // refuse it like a schema error, naming the rule, and keep the last good library.
  const rules = rulesProblem(bundle);
  if (rules) return { ok: false, reason: { code: 'schema', ...rules } };

  const trust = options.trust;
  if (trust && bundle.id !== trust.libraryId) {
    return {
      ok: false,
      reason: { code: 'library-id', libraryId: bundle.id, currentLibraryId: trust.libraryId },
    };
  }
  if (trust) {
    const problem = versionProblem(trust, bundle.id, bundle.version, await bundleSha256(raw));
    if (problem) return { ok: false, reason: { code: 'rollback', ...problem } };
  }

  const current = options.currentVersion;
  if (current != null && bundle.version <= current) {
    return { ok: false, reason: { code: 'rollback', version: bundle.version, currentVersion: current } };
  }

  if (options.rejectExpired && isExpired(bundle, options.now ?? new Date())) {
    return { ok: false, reason: { code: 'expired', expiresAt: bundle.expiresAt } };
  }
  return { ok: true, bundle, raw };
}

export function rulesProblem(bundle: LibraryBundle): { path: string; detail: string } | null {
  try {
    compileRules(bundle.guidelines);
    // The ReDoS checker of the regex budget (docs/guidelines.md § Regex budget): build, sign, verify
    // and the background's load all pass here; the content script never does.
    const unsafe = auditRulePatterns(bundle.guidelines);
    if (unsafe.length > 0) throw new RuleSetError(unsafe);
    const dead = probeLexicons(bundle.guidelines);
    if (dead.length > 0) throw new RuleSetError(dead);
    return null;
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error;
    const problem = error.problems[0];
    const index = bundle.guidelines.findIndex((rule) => rule.id === problem?.ruleId);
    return {
      path: index >= 0 ? `guidelines[${index}]` : 'guidelines',
      detail: `${problem?.ruleId ?? '?'}: ${problem?.message ?? 'invalid'}`,
    };
  }
}

export function isExpired(bundle: Pick<LibraryBundle, 'expiresAt'>, now: Date): boolean {
  return Date.parse(bundle.expiresAt) <= now.getTime();
}
