import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BuildError, buildBundle, serializeBundle } from '@/lib/library/build-bundle';
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

const USAGE = `usage: satu-pintu library <command>
  keygen --out DIR                       write DIR/private.jwk.json and DIR/public.jwk.json
  build SRC_DIR --out FILE               validate the sources and write the bundle (version bumped when it changed)
  sign --key PRIVATE FILE                write FILE.sig (ECDSA P-256, SHA-256, base64)
  verify --key PUBLIC FILE               exit 0 valid, 1 invalid (with the reason), 2 usage
  approve --fingerprint F --status approved|changes-requested|rejected
          [--note TEXT] [--reviewer NAME] [--expires DATE] FILE
                                         add or replace an approval record, bump the version (sign again!)
  lint [--lang id|en] FILE               check every caption against the bundle's own guidelines
`;

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
      if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options[name] = value;
    } else positional.push(arg);
  }
  return { options, positional };
}

function onePositional(positional: string[], what: string): string {
  if (positional.length !== 1) throw new UsageError(`expected one ${what}`);
  return positional[0] as string;
}

function required(options: Record<string, string>, name: string): string {
  const value = options[name];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${what} ${path} is not JSON: ${(error as Error).message}`);
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
      throw error.code === 'EEXIST'
        ? new UsageError(`${privatePath} exists: refusing to overwrite a key`)
        : error;
    });
    await chmod(privatePath, 0o600);
    await writeFile(join(dir, 'public.jwk.json'), `${JSON.stringify(publicJwk, null, 2)}\n`);
    io.stdout(`wrote ${privatePath} (keep it secret) and ${join(dir, 'public.jwk.json')}\n`);
    return EXIT.ok;
  },

  async build(args, io) {
    const { options, positional } = parseArgs(args, ['out', 'now']);
    const src = resolve(io.cwd, onePositional(positional, 'source directory'));
    const out = resolve(io.cwd, required(options, 'out'));
    const now = options.now ? new Date(options.now) : new Date();
    if (Number.isNaN(now.getTime())) throw new UsageError('--now must be a date');
    let previous: LibraryBundle | null = null;
    try {
      previous = LibraryBundleSchema.parse(JSON.parse(await readFile(out, 'utf8')));
    } catch {
      previous = null; // no usable previous file: start at the sources' version
    }
    try {
      const result = await buildBundle(src, { previous, now });
      if (result.changed) await writeFile(out, result.json);
      io.stdout(
        result.changed
          ? `wrote ${out}: ${result.bundle.id} version ${result.bundle.version}, ${result.bundle.captions.length} captions, ${result.bundle.guidelines.length} rules (sign it before publishing)\n`
          : `${out} is up to date (version ${result.bundle.version})\n`,
      );
      return EXIT.ok;
    } catch (error) {
      if (error instanceof BuildError) {
        io.stderr(`build failed: ${error.message}\n`);
        return EXIT.findings;
      }
      throw error;
    }
  },

  async sign(args, io) {
    const { options, positional } = parseArgs(args, ['key']);
    const file = resolve(io.cwd, onePositional(positional, 'bundle file'));
    const key = (await readJson(resolve(io.cwd, required(options, 'key')), 'key')) as Jwk;
    if (typeof key.d !== 'string') throw new UsageError('--key must be the private key (private.jwk.json)');
    const bytes = new Uint8Array(await readFile(file));
    // Refuse to sign what clients would refuse anyway.
    const check = await verifyBundle(bytes, { trusted: true });
    if (!check.ok) {
      io.stderr(`not signed: ${describeSyncError(rejectToError(check.reason, Date.now()), 'en')}\n`);
      return EXIT.findings;
    }
    await writeFile(`${file}.sig`, `${await signBytes(bytes, key)}\n`);
    io.stdout(`wrote ${file}.sig (${check.bundle.id} version ${check.bundle.version})\n`);
    return EXIT.ok;
  },

  async verify(args, io) {
    const { options, positional } = parseArgs(args, ['key', 'sig']);
    const file = resolve(io.cwd, onePositional(positional, 'bundle file'));
    const key = (await readJson(resolve(io.cwd, required(options, 'key')), 'key')) as Jwk;
    const sigPath = resolve(io.cwd, options.sig ?? `${file}.sig`);
    let bytes: Uint8Array;
    let signature: string;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
    }
    try {
      signature = (await readFile(sigPath, 'utf8')).trim();
    } catch {
      io.stderr(`invalid: no signature file ${sigPath}\n`);
      return EXIT.findings;
    }
    const result = await verifyBundle(bytes, { signature, publicKey: key, rejectExpired: true });
    if (!result.ok) {
      io.stderr(`invalid: ${describeSyncError(rejectToError(result.reason, Date.now()), 'en')}\n`);
      return EXIT.findings;
    }
    io.stdout(
      `valid: ${result.bundle.id} version ${result.bundle.version}, expires ${result.bundle.expiresAt}\n`,
    );
    return EXIT.ok;
  },

  async approve(args, io) {
    const { options, positional } = parseArgs(args, ['fingerprint', 'status', 'note', 'reviewer', 'expires']);
    const file = resolve(io.cwd, onePositional(positional, 'bundle file'));
    const record = ApprovalRecordSchema.safeParse({
      fingerprint: required(options, 'fingerprint').toLowerCase(),
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
    const bundle = await readBundleFile(file);
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
      `${file}: ${record.data.status} ${record.data.fingerprint.slice(0, 8)}; version ${bundle.version} → ${next.version}. Sign it again: library sign --key PRIVATE ${positional[0]}\n`,
    );
    return EXIT.ok;
  },

  async lint(args, io) {
    const { options, positional } = parseArgs(args, ['lang']);
    const file = resolve(io.cwd, onePositional(positional, 'bundle file'));
    const lang = options.lang ?? 'en';
    if (lang !== 'id' && lang !== 'en') throw new UsageError('--lang must be id or en');
    const bundle = await readBundleFile(file);
    // Loaded only here: the guideline engine is not needed by the other commands.
    const { lintBundle, formatLintReport } = await import('@/lib/library/lint-bundle');
    const report = lintBundle(bundle, { lang });
    io.stdout(formatLintReport(report));
    return report.errors > 0 ? EXIT.findings : EXIT.ok;
  },
};

/** `library` command: the central team's tools (library issue). */
export const run: CliCommand = async (args, io) => {
  const [name, ...rest] = args;
  const command = name ? commands[name] : undefined;
  if (!command) {
    io.stderr(name && name !== '--help' ? `unknown library command: ${name}\n${USAGE}` : USAGE);
    return EXIT.usage;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`library ${name}: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
};
