import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { readSourceDir } from '@/lib/library/build-bundle';
import { generateKeyPair, type Jwk, publicPart, signBytes } from '@/lib/library/signature';
import { ADMIN_USAGE, runAdminCommand } from './admin';
import { createDeskApp } from './app';
import { lockDataDir } from './data-lock';
import { openDatabase } from './db/db';
import { migrate } from './db/migrations';
import { libraryIdOf, prepareDemo } from './demo';
import { seedSources } from './store/library';

const USAGE = `usage: npm run desk -- [--port P] [--host H] [--data DIR] [--demo] [--key PRIVATE.jwk.json] [--sources DIR]
                       [--rate-limit N]   (submissions per agency token per minute, default 600)
  Without --data and DATABASE_URL the desk runs as a demo in a temporary folder.
  DATABASE_URL=postgres://… uses PostgreSQL instead of the embedded database (PGlite in --data DIR).
  The private key comes from --key FILE or SP_DESK_PRIVATE_KEY (the JWK's JSON); it is never served or logged.
  Tanpa --data dan DATABASE_URL meja berjalan sebagai demo di folder sementara.
Accounts and agency tokens:
${ADMIN_USAGE}`;

interface Options {
  port: number;
  host: string;
  data?: string;
  demo: boolean;
  key?: string;
  sources: string;
  rateLimit: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    port: 8787,
    host: '127.0.0.1',
    demo: false,
    sources: 'library/src',
    rateLimit: 600,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === '--port') options.port = Number(value());
    else if (arg === '--host') options.host = value();
    else if (arg === '--data') options.data = value();
    else if (arg === '--key') options.key = value();
    else if (arg === '--sources') options.sources = value();
    else if (arg === '--rate-limit') options.rateLimit = Number(value());
    else if (arg === '--demo') options.demo = true;
    else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error(`--port must be 0–65535\n${USAGE}`);
  }
  if (!Number.isInteger(options.rateLimit) || options.rateLimit < 1) {
    throw new Error(`--rate-limit must be a whole number above 0\n${USAGE}`);
  }
  return options;
}

/** The private key: --key FILE, SP_DESK_PRIVATE_KEY, or (demo only) a pair kept in the data folder. */
async function loadKey(options: Options, dataDir: string): Promise<{ privateJwk: Jwk; publicPath: string }> {
  const fromEnv = process.env.SP_DESK_PRIVATE_KEY;
  let privateJwk: Jwk | null = null;
  if (options.key) privateJwk = JSON.parse(await readFile(resolve(options.key), 'utf8')) as Jwk;
  else if (fromEnv) privateJwk = JSON.parse(fromEnv) as Jwk;
  const keyDir = join(dataDir, 'keys');
  const publicPath = join(keyDir, 'public.jwk.json');
  await mkdir(keyDir, { recursive: true });
  if (!privateJwk) {
    if (!options.demo)
      throw new Error('no private key: give --key FILE or SP_DESK_PRIVATE_KEY (or run --demo)');
    const privatePath = join(keyDir, 'private.jwk.json');
    try {
      privateJwk = JSON.parse(await readFile(privatePath, 'utf8')) as Jwk;
    } catch {
      privateJwk = (await generateKeyPair()).privateJwk;
      await writeFile(privatePath, `${JSON.stringify(privateJwk, null, 2)}\n`, { mode: 0o600 });
      await chmod(privatePath, 0o600);
    }
  }
  if (typeof privateJwk.d !== 'string') throw new Error('the key is not a private EC P-256 JWK');
  await writeFile(publicPath, `${JSON.stringify(publicPart(privateJwk), null, 2)}\n`);
  return { privateJwk, publicPath };
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'user' || argv[0] === 'token') return admin(argv);
  const options = parseOptions(argv);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (!options.data && !databaseUrl) options.demo = true;
  const dataDir = resolve(options.data ?? (await mkdtemp(join(tmpdir(), 'satu-pintu-desk-'))));
  await mkdir(dataDir, { recursive: true });
  const unlock = databaseUrl ? async () => undefined : await lockDataDir(dataDir);
  const db = await openDatabase({
    ...(databaseUrl ? { databaseUrl } : { dataDir: join(dataDir, 'pglite') }),
  });
  await migrate(db);
  const sources = await readSourceDir(resolve(options.sources));
  await seedSources(db, sources);
  const libraryId = await libraryIdOf(db);
  const { privateJwk, publicPath } = await loadKey(options, dataDir);
  const sign = (bytes: Uint8Array) => signBytes(bytes, privateJwk);
  const app = createDeskApp({ db, libraryId, sign, submissionsPerMinute: options.rateLimit });

  // Requests still being answered: a stop waits for them before closing the database under them
  // (a client that hangs up does not end the work its request started).
  let inFlight = 0;
  const fetch = async (request: Request, env: unknown) => {
    inFlight++;
    try {
      return await app.fetch(request, env);
    } finally {
      inFlight--;
    }
  };
  const server = serve({ fetch, port: options.port, hostname: options.host }, async (info) => {
    const base = `http://${options.host}:${info.port}`;
    const lines = [
      `Desk: ${base}`,
      `Library: ${base}/library/${libraryId}.json`,
      `Public key: ${publicPath}`,
    ];
    if (options.demo) {
      const demo = await prepareDemo(db, libraryId, sign);
      lines.push(
        `Reviewer: ${demo.reviewer} ${demo.password}`,
        `Agency token (${demo.agencyId}): ${demo.token}`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(async () => {
      for (let waited = 0; inFlight > 0 && waited < 10_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      db.close()
        .then(unlock)
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    });
    // close() lets requests in flight finish (and drops idle keep-alive connections); a client that
    // holds a connection open longer than 10 s is cut off.
    setTimeout(
      () => (server as { closeAllConnections?: () => void }).closeAllConnections?.(),
      10_000,
    ).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** `user add …` / `token …`: on the database named by --data DIR or DATABASE_URL, then exit. */
async function admin(argv: string[]): Promise<void> {
  const at = argv.indexOf('--data');
  const data = at >= 0 ? argv[at + 1] : undefined;
  const rest = at >= 0 ? [...argv.slice(0, at), ...argv.slice(at + 2)] : argv;
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (!databaseUrl && !data) throw new Error(`give --data DIR or DATABASE_URL\n${ADMIN_USAGE}`);
  const dir = resolve(data ?? '');
  await mkdir(dir, { recursive: true });
  const unlock = databaseUrl ? async () => undefined : await lockDataDir(dir);
  try {
    const db = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: join(dir, 'pglite') });
    try {
      await migrate(db);
      process.stdout.write(`${await runAdminCommand(db, rest)}\n`);
    } finally {
      await db.close();
    }
  } finally {
    await unlock();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`desk: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
