import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

/**
 * The desk's one database interface over PGlite (embedded, default) and PostgreSQL (`DATABASE_URL`).
 * Both speak the same SQL with `$1` parameters, so every query and migration is written once.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: everything or nothing is stored. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PGlite in `dataDir` (a folder that survives restarts) or in memory when it is undefined. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pg: PGlite = new PGlite(dataDir);
  await pg.waitReady;
  const query = async <T>(runner: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]) =>
    (await runner.query<T>(sql, params ? [...params] : undefined)).rows;
  // PGlite runs one statement at a time; a transaction holds it, so nothing interleaves inside.
  return {
    kind: 'pglite',
    query: (sql, params) => query(pg, sql, params),
    transaction: (work) => pg.transaction((tx) => work({ query: (sql, params) => query(tx, sql, params) })),
    close: () => pg.close(),
  };
}

/** PostgreSQL through a connection pool (several desk instances may share one database). */
export async function openPostgres(connectionString: string, max = 10): Promise<Db> {
  const { default: pg } = await import('pg');
  const pool: Pool = new pg.Pool({ connectionString, max });
  const query = async <T>(runner: Pool | PoolClient, sql: string, params?: readonly unknown[]) =>
    (await runner.query(sql, params ? [...params] : undefined)).rows as T[];
  // One connection check up front so a wrong address fails at start, not at the first request.
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    query: (sql, params) => query(pool, sql, params),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: (sql, params) => query(client, sql, params) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
