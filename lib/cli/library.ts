import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { shortCode } from '@/lib/approvals/fingerprint';
import type { Language } from '@/lib/i18n/types';
import { BuildError, buildBundle, mergeApprovals, serializeBundle } from '@/lib/library/build-bundle';
import { describeSyncError } from '@/lib/library/describe-status';
import {
  ApprovalRecordSchema,
  describeSchemaError,
  type LibraryBundle,
  LibraryBundleSchema,
} from '@/lib/library/schema';
import { generateKeyPair, type Jwk, signBytes } from '@/lib/library/signature';
import { rejectToError } from '@/lib/library/sync';
import { verifyBundle } from '@/lib/library/verify-bundle';
import { type CliCommand, type CliIo, EXIT, UsageError } from './io';
import { type LibraryMessageKey, libraryMessage } from './library-messages';

/** The language of this run's messages: `--lang`, else SP_LANG, else Bahasa Indonesia. */
let lang: Language = 'id';
const m = (key: LibraryMessageKey, values?: Record<string, string | number>) =>
  libraryMessage(lang, key, values);

/** Pulls `--lang id|en` out of the arguments (every library command takes it). */
function takeLang(args: string[]): string[] {
  const fromEnv = process.env.SP_LANG;
  lang = fromEnv === 'en' || fromEnv === 'id' ? fromEnv : 'id';
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const inline = /^--lang=(.*)$/.exec(arg)?.[1];
    if (arg !== '--lang' && inline === undefined) {
      rest.push(arg);
      continue;
    }
    const value = inline ?? args[++i];
    if (value !== 'id' && value !== 'en') throw new UsageError(libraryMessage(lang, 'badLang'));
    lang = value;
  }
  return rest;
}

/** `--name value` options and positional arguments; unknown options are a usage error. */
export function parseArgs(
  args: string[],
  known: string[],
): { options: Record<string, string>; positional: string[] } {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (!known.includes(name)) throw new UsageError(m('unknownOption', { name }));
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(m('needsValue', { name }));
      options[name] = value;
    } else positional.push(arg);
  }
  return { options, positional };
}

function onePositional(positional: string[], what: 'sourceDir' | 'bundleFile'): string {
  if (positional.length !== 1) throw new UsageError(m('expectedOne', { what: m(what) }));
  return positional[0] as string;
}

function required(options: Record<string, string>, name: string): string {
  const value = options[name];
  if (!value) throw new UsageError(m('required', { name }));
  return value;
}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(m('cannotRead', { what, path, reason: (error as Error).message }));
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(m('notJson', { what, path, reason: (error as Error).message }));
  }
}

async function readBundleFile(path: string): Promise<LibraryBundle> {
  const parsed = LibraryBundleSchema.safeParse(await readJson(path, 'bundle'));
  if (!parsed.success) {
    const { path: where, message } = describeSchemaError(parsed.error);
    throw new UsageError(`${path}: ${where}: ${message}`);
  }
  return parsed.data;
}

const CROCKFORD_DECODE: Record<string, string> = { O: '0', I: '1', L: '1' };

/**
 * A 64-digit fingerprint as given, or the one fingerprint among `known` whose 8-character code
 * (what admins quote on WhatsApp) is `value`. Read-aloud slips O/0 and I/L/1 are forgiven.
 */
export function resolveFingerprint(value: string, known: readonly string[]): string {
  const text = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return text.toLowerCase();
  const code = text.toUpperCase().replace(/[OIL]/g, (c) => CROCKFORD_DECODE[c] ?? c);
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(code)) throw new UsageError(m('badFingerprint'));
  const matches = [...new Set(known.filter((fingerprint) => shortCode(fingerprint) === code))];
  if (matches.length === 1) return matches[0] as string;
  if (matches.length === 0) throw new UsageError(m('codeUnknown', { code }));
  throw new UsageError(m('codeAmbiguous', { code, list: matches.map((f) => f.slice(0, 16)).join(', ') }));
}

/** Fingerprints in a submissions file: JSON lines or a JSON array of objects with `fingerprint`. */
async function fingerprintsIn(path: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(m('cannotRead', { what: '--submissions', path, reason: (error as Error).message }));
  }
  let items: unknown[];
  try {
    const trimmed = text.trim();
    items = trimmed.startsWith('[')
      ? (JSON.parse(trimmed) as unknown[])
      : trimmed
          .split('\n')
          .filter((line) => line.trim())
          .map((line) => JSON.parse(line) as unknown);
  } catch (error) {
    throw new UsageError(m('notJson', { what: '--submissions', path, reason: (error as Error).message }));
  }
  return items
    .map((item) =>
      item && typeof item === 'object' ? (item as { fingerprint?: unknown }).fingerprint : null,
    )
    .filter((f): f is string => typeof f === 'string' && /^[0-9a-f]{64}$/.test(f));
}

const commands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  async keygen(args, io) {
    const { options } = parseArgs(args, ['out']);
    const dir = resolve(io.cwd, required(options, 'out'));
    await mkdir(dir, { recursive: true });
    const { privateJwk, publicJwk } = await generateKeyPair();
    const privatePath = join(dir, 'private.jwk.json');
    // wx: never overwrite a key that may already sign a published library.
    await writeFile(privatePath, `${JSON.stringify(privateJwk, null, 2)}\n`, {
      flag: 'wx',
      mode: 0o600,
    }).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EEXIST' ? new UsageError(m('keyExists', { path: privatePath })) : error;
    });
    await chmod(privatePath, 0o600);
    await writeFile(join(dir, 'public.jwk.json'), `${JSON.stringify(publicJwk, null, 2)}\n`);
    io.stdout(`${m('keygenDone', { private: privatePath, public: join(dir, 'public.jwk.json') })}\n`);
    return EXIT.ok;
  },

  async build(args, io) {
    const { options, positional } = parseArgs(args, ['out', 'now', 'previous']);
    const src = resolve(io.cwd, onePositional(positional, 'sourceDir'));
    const out = resolve(io.cwd, required(options, 'out'));
    const now = options.now ? new Date(options.now) : new Date();
    if (Number.isNaN(now.getTime())) throw new UsageError(m('badNow'));
    let fromOut: LibraryBundle | null = null;
    try {
      fromOut = LibraryBundleSchema.parse(JSON.parse(await readFile(out, 'utf8')));
    } catch {
      fromOut = null; // no usable output file yet
    }
    let fromPublished: LibraryBundle | null = null;
    if (options.previous) {
      const path = resolve(io.cwd, options.previous);
      const parsed = LibraryBundleSchema.safeParse(await readJson(path, 'bundle'));
      if (!parsed.success) {
        const { path: where, message } = describeSchemaError(parsed.error);
        throw new UsageError(m('badPrevious', { path, reason: `${where}: ${message}` }));
      }
      fromPublished = parsed.data;
    }
    // The newer of the two continues the versions; decisions recorded in either are kept.
    const newer = [fromOut, fromPublished]
      .filter((bundle): bundle is LibraryBundle => bundle !== null)
      .sort((x, y) => y.version - x.version)[0];
    const previous: LibraryBundle | null = newer
      ? { ...newer, approvals: mergeApprovals(fromOut?.approvals ?? [], fromPublished?.approvals ?? []) }
      : null;
    try {
      const result = await buildBundle(src, { previous, now });
      if (result.changed) await writeFile(out, result.json);
      if (!previous) io.stderr(`${m('firstVersion', { version: result.bundle.version })}\n`);
      io.stdout(
        `${
          result.changed
            ? m('built', {
                out,
                id: result.bundle.id,
                version: result.bundle.version,
                captions: result.bundle.captions.length,
                rules: result.bundle.guidelines.length,
                file: options.out ?? out,
              })
            : m('upToDate', { out, version: result.bundle.version })
        }\n`,
      );
      return EXIT.ok;
    } catch (error) {
      if (error instanceof BuildError) {
        io.stderr(`${m('buildFailed', { reason: error.message })}\n`);
        return EXIT.findings;
      }
      throw error;
    }
  },

  async sign(args, io) {
    const { options, positional } = parseArgs(args, ['key']);
    const file = resolve(io.cwd, onePositional(positional, 'bundleFile'));
    const key = (await readJson(resolve(io.cwd, required(options, 'key')), 'key')) as Jwk;
    if (typeof key.d !== 'string') throw new UsageError(m('privateKeyNeeded'));
    const bytes = new Uint8Array(await readFile(file));
    // Refuse to sign what clients would refuse anyway.
    const check = await verifyBundle(bytes, { trusted: true });
    if (!check.ok) {
      io.stderr(
        `${m('notSigned', { reason: describeSyncError(rejectToError(check.reason, Date.now()), lang) })}\n`,
      );
      return EXIT.findings;
    }
    await writeFile(`${file}.sig`, `${await signBytes(bytes, key)}\n`);
    io.stdout(`${m('signed', { file, id: check.bundle.id, version: check.bundle.version })}\n`);
    return EXIT.ok;
  },

  async verify(args, io) {
    const { options, positional } = parseArgs(args, ['key', 'sig']);
    const file = resolve(io.cwd, onePositional(positional, 'bundleFile'));
    const key = (await readJson(resolve(io.cwd, required(options, 'key')), 'key')) as Jwk;
    const sigPath = resolve(io.cwd, options.sig ?? `${file}.sig`);
    let bytes: Uint8Array;
    let signature: string;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (error) {
      throw new UsageError(
        m('cannotRead', { what: m('bundleFile'), path: file, reason: (error as Error).message }),
      );
    }
    try {
      signature = (await readFile(sigPath, 'utf8')).trim();
    } catch {
      io.stderr(`${m('noSignature', { path: sigPath })}\n`);
      return EXIT.findings;
    }
    const result = await verifyBundle(bytes, { signature, publicKey: key, rejectExpired: true });
    if (!result.ok) {
      io.stderr(
        `${m('invalid', { reason: describeSyncError(rejectToError(result.reason, Date.now()), lang) })}\n`,
      );
      return EXIT.findings;
    }
    io.stdout(
      `${m('valid', { id: result.bundle.id, version: result.bundle.version, expires: result.bundle.expiresAt })}\n`,
    );
    return EXIT.ok;
  },

  async approve(args, io) {
    const { options, positional } = parseArgs(args, [
      'fingerprint',
      'status',
      'note',
      'reviewer',
      'expires',
      'submissions',
    ]);
    const file = resolve(io.cwd, onePositional(positional, 'bundleFile'));
    const bundle = await readBundleFile(file);
    const known = [...bundle.approvals.map((record) => record.fingerprint)];
    if (options.submissions) known.push(...(await fingerprintsIn(resolve(io.cwd, options.submissions))));
    const fingerprint = resolveFingerprint(required(options, 'fingerprint'), known);
    const record = ApprovalRecordSchema.safeParse({
      fingerprint,
      status: required(options, 'status'),
      reviewer: options.reviewer ?? 'Biro Administrasi Pimpinan',
      note: options.note,
      decidedAt: new Date().toISOString(),
      expiresAt: options.expires,
    });
    if (!record.success) {
      const { path, message } = describeSchemaError(record.error);
      throw new UsageError(`--${path}: ${message}`);
    }
    const approvals = bundle.approvals.filter((known) => known.fingerprint !== record.data.fingerprint);
    approvals.push(record.data);
    const next: LibraryBundle = {
      ...bundle,
      version: bundle.version + 1,
      issuedAt: new Date().toISOString(),
      approvals: approvals.sort((a, b) => a.fingerprint.localeCompare(b.fingerprint)),
    };
    await writeFile(file, serializeBundle(next));
    io.stdout(
      `${m('approved', {
        file: positional[0] ?? file,
        status: record.data.status,
        code: shortCode(record.data.fingerprint),
        from: bundle.version,
        to: next.version,
      })}\n`,
    );
    return EXIT.ok;
  },

  async lint(args, io) {
    const { positional } = parseArgs(args, []);
    const file = resolve(io.cwd, onePositional(positional, 'bundleFile'));
    const bundle = await readBundleFile(file);
    // Loaded only here: the guideline engine is not needed by the other commands.
    const { lintBundle, formatLintReport } = await import('@/lib/library/lint-bundle');
    const report = lintBundle(bundle, { lang });
    io.stdout(formatLintReport(report));
    return report.errors > 0 ? EXIT.findings : EXIT.ok;
  },
};

/** `library` command: the central team's tools (docs/library-format.md). */
export const run: CliCommand = async (args, io) => {
  let rest: string[];
  try {
    rest = takeLang(args);
  } catch (error) {
    io.stderr(`library: ${(error as Error).message}\n`);
    return EXIT.usage;
  }
  const [name, ...commandArgs] = rest;
  const command = name ? commands[name] : undefined;
  if (!command) {
    io.stderr(name && name !== '--help' ? `${m('unknownCommand', { name })}\n${m('usage')}` : m('usage'));
    return EXIT.usage;
  }
  try {
    return await command(commandArgs, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`library ${name}: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
};
