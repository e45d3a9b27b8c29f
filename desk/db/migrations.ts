import type { Db } from './db';

/**
 * The desk's schema, one step per version, only ever appended (a released step is never edited).
 * The same SQL runs on PGlite and PostgreSQL. Times are `timestamptz`; both drivers return Dates.
 */
export const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
CREATE TABLE agencies_tokens (
  token_hash text PRIMARY KEY,
  agency_id text NOT NULL,
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE TABLE users (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('reviewer', 'editor', 'admin')),
  password_hash text NOT NULL,
  failed_logins int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE TABLE submissions (
  id text PRIMARY KEY,
  agency_id text NOT NULL,
  idempotency_key text,
  fingerprint text NOT NULL,
  short_code text NOT NULL,
  body text NOT NULL,
  text text NOT NULL,
  platform text NOT NULL,
  field text NOT NULL,
  admin_name text NOT NULL,
  admin_role text NOT NULL,
  created_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'approved', 'changes-requested', 'rejected'))
);
CREATE UNIQUE INDEX submissions_idempotency ON submissions (agency_id, idempotency_key);
CREATE INDEX submissions_queue ON submissions (status, received_at);
CREATE INDEX submissions_short_code ON submissions (short_code);
CREATE TABLE decisions (
  id serial PRIMARY KEY,
  submission_id text NOT NULL REFERENCES submissions(id),
  fingerprint text NOT NULL,
  status text NOT NULL CHECK (status IN ('approved', 'changes-requested', 'rejected')),
  note text NOT NULL DEFAULT '',
  reviewer text NOT NULL,
  user_id int NOT NULL REFERENCES users(id),
  decided_at timestamptz NOT NULL
);
CREATE TABLE audit (
  id serial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  subject text NOT NULL DEFAULT '',
  detail text NOT NULL DEFAULT ''
);
CREATE TABLE library_sources (
  path text PRIMARY KEY,
  content text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL DEFAULT ''
);
CREATE TABLE library_versions (
  library_id text NOT NULL,
  version int NOT NULL,
  json text NOT NULL,
  sig text NOT NULL,
  etag text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by text NOT NULL DEFAULT '',
  PRIMARY KEY (library_id, version)
);
CREATE TABLE rate_limits (
  bucket text NOT NULL,
  window_start bigint NOT NULL,
  hits int NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
CREATE TABLE settings (
  key text PRIMARY KEY,
  value text NOT NULL
);
`,
  },
  {
    // The big team (docs/big-team.md): requests recorded done by agencies, admins' commitments.
    version: 2,
    sql: `
CREATE TABLE request_done (
  agency_id text NOT NULL,
  request_id text NOT NULL,
  platform text NOT NULL,
  fingerprint text NOT NULL,
  via text NOT NULL CHECK (via IN ('post-button', 'marked')),
  link text,
  done_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency_id, request_id, platform)
);
CREATE INDEX request_done_request ON request_done (request_id, done_at);
CREATE TABLE commitments (
  agency_id text NOT NULL,
  admin_name text NOT NULL,
  version text NOT NULL,
  committed_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency_id, admin_name, version)
);
`,
  },
];

/**
 * Applies the steps the database has not seen, each in its own transaction. An advisory lock keeps
 * two desk instances starting at once on one PostgreSQL from applying a step twice.
 */
export async function migrate(db: Db): Promise<number> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY)');
  let applied = 0;
  for (const step of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7316001)');
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [step.version]);
      if (seen.length) return false;
      for (const statement of step.sql.split(/;\s*\n/).map((part) => part.trim())) {
        if (statement) await tx.query(statement);
      }
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [step.version]);
      return true;
    });
    if (done) applied++;
  }
  return applied;
}

/** The newest schema step the code knows. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
