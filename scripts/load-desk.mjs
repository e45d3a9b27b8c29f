// Load on the desk's submissions API over loopback: sustained submissions per second and p99 latency,
// on PGlite and on PostgreSQL (SP_TEST_DATABASE_URL or DATABASE_URL, else a throw-away cluster started
// with desk/test/postgres.sh). The desk runs as its own process (`desk/main.ts`, as deployed), so the
// load generator does not share its event loop. Bounded: N seconds per phase (`--seconds N`, default 10,
// at most 60), two phases per database. Run: `node scripts/load-desk.mjs`.
// Target: 1,000 submissions a minute with p99 < 100 ms.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const at = process.argv.indexOf('--seconds');
const seconds = Math.min(60, Math.max(3, Number(at >= 0 ? process.argv[at + 1] : 10) || 10));
const TARGET_PER_MINUTE = 1000;

const text = [
  'Dinas Komunikasi dan Informatika Provinsi Kalimantan Barat menggelar rapat koordinasi bersama perangkat',
  'daerah terkait di Pontianak, Kamis (26/11/2026). Rapat membahas percepatan layanan publik digital.',
  'Foto: Diskominfo Kalbar',
  '#PemprovKalbar',
].join('\n');

/** The fingerprint as lib/approvals/fingerprint.ts computes it (this text is already in canonical form: no blank line). */
const fingerprint = createHash('sha256').update(text).digest('hex');
function shortCode(hex) {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let value = Number.parseInt(hex.slice(0, 10), 16);
  let code = '';
  for (let i = 0; i < 8; i++) {
    code = alphabet[value % 32] + code;
    value = Math.floor(value / 32);
  }
  return code;
}

function startDesk(dataDir, env) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'desk/main.ts',
      '--demo',
      '--port',
      '0',
      '--data',
      dataDir,
      '--rate-limit',
      '100000000',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: '', ...env } },
  );
  let out = '';
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the desk exited (${code})`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const desk = /^Desk: (\S+)$/m.exec(out)?.[1];
      const token = /^Agency token \([^)]+\): (\S+)$/m.exec(out)?.[1];
      if (desk && token) resolve({ child, desk, token });
    });
  });
}

async function measure(label, env) {
  const dataDir = await mkdtemp(join(tmpdir(), 'sp-load-desk-'));
  const { child, desk, token } = await startDesk(dataDir, env);
  const base = {
    fingerprint,
    shortCode: shortCode(fingerprint),
    text,
    platform: 'facebook',
    field: 'caption',
    agencyId: 'diskominfo',
    adminName: 'Rina Humas',
    adminRole: 'Pranata Humas',
    createdAt: new Date().toISOString(),
  };
  const run = randomBytes(4).toString('hex');
  let counter = 0;
  let firstRefusal = '';
  const phase = (options) =>
    autocannon({
      url: desk,
      duration: seconds,
      connections: 10,
      requests: [
        {
          method: 'POST',
          path: '/api/submissions',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          onResponse: (status, body) => {
            if (status >= 300 && !firstRefusal) firstRefusal = `${status} ${body}`;
          },
          setupRequest: (request) => {
            const id = `load-${run}-${counter++}`;
            return {
              ...request,
              headers: { ...request.headers, 'idempotency-key': id },
              body: JSON.stringify({ ...base, id }),
            };
          },
        },
      ],
      ...options,
    });
  // Warm-up (not counted): the first requests compile code paths and fill the connection pool.
  await phase({ duration: 2, overallRate: 20 });
  // Phase 1: the target rate, steadily, with p99 measured there.
  const rate = Math.ceil(TARGET_PER_MINUTE / 60);
  const steady = await phase({ overallRate: rate });
  // Phase 2: as fast as the desk answers (the ceiling on this machine).
  const flat = await phase({});
  await new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  await rm(dataDir, { recursive: true, force: true });
  const line = (name, result) =>
    `${label.padEnd(10)} ${name.padEnd(22)} ${String(Math.round(result.requests.average)).padStart(6)} submissions/s` +
    ` (${Math.round(result.requests.average * 60)}/min)  p50 ${result.latency.p50} ms  p99 ${String(result.latency.p99).padStart(4)} ms` +
    `  2xx ${result['2xx']}  non-2xx ${result.non2xx}  errors ${result.errors}`;
  console.log(line(`steady ${rate}/s`, steady));
  console.log(line('as fast as it answers', flat));
  if (firstRefusal) console.log(`${label.padEnd(10)} first refusal: ${firstRefusal.slice(0, 200)}`);
  const ok =
    steady.latency.p99 < 100 &&
    steady.requests.average * 60 >= TARGET_PER_MINUTE * 0.95 &&
    steady.non2xx === 0;
  console.log(`${label.padEnd(10)} target 1,000/min with p99 < 100 ms: ${ok ? 'met' : 'NOT met'}`);
}

console.log(
  `desk load: ${seconds} s per phase, 10 connections, loopback, ${text.length}-character captions; ` +
    `${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)} (other work on the machine inflates p99)`,
);
await measure('PGlite', {});

let url = process.env.SP_TEST_DATABASE_URL || process.env.DATABASE_URL;
let started = null;
if (!url) {
  try {
    const out = execFileSync('desk/test/postgres.sh', ['start'], { encoding: 'utf8' });
    url = /SP_TEST_DATABASE_URL=(\S+)/.exec(out)?.[1];
    started = /SP_TEST_PG_DIR=(\S+)/.exec(out)?.[1] ?? null;
  } catch (error) {
    console.log(`PostgreSQL: not measured (${String(error.message).split('\n')[0]})`);
  }
}
if (url) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `sp_load_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  await measure('PostgreSQL', { DATABASE_URL: target.toString() });
  await admin.query(`DROP DATABASE ${name}`);
  await admin.end();
}
if (started) execFileSync('desk/test/postgres.sh', ['stop', started], { stdio: 'inherit' });
