import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { env } from '@/config/env';
import { releaseWhenLost } from './pool-guard';
import { connectionOptions } from './primary';
import * as schema from './schema';

export type Database = NodePgDatabase<typeof schema> & { $client: pg.Pool };
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Either the pool-backed database or an open transaction: queries accept both. */
export type Executor = Database | Transaction;

// Dates stay ISO strings (valid-time columns are calendar dates, not instants).
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// bigint ids fit in a JS number for the register's lifetime (2^53 ≫ rows).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

interface Cached {
  url: string;
  pool: pg.Pool;
  db: Database;
}

// Next's dev server reloads modules; keep one pool per process across reloads.
const cache = globalThis as unknown as { __omsDb?: Cached };

/** A pool with the register's timeouts; `settings` name it (and set its session options). */
function newPool(
  url: string,
  max: number,
  settings: Pick<pg.PoolConfig, 'application_name' | 'options'>,
  label: string,
): pg.Pool {
  const pool = new pg.Pool({
    // A multi-host URL (a cluster) connects each new client to the primary of the moment (ADR 0025).
    ...connectionOptions(url),
    max,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    ...settings,
  });
  // An idle client losing its server must not crash the process; the next query reports the failure.
  pool.on('error', (err) => console.error(`[db] idle ${label} error:`, err.message));
  releaseWhenLost(pool);
  return pool;
}

/**
 * The one database handle. `DATABASE_URL` always names the server: the launcher (`scripts/serve.ts`)
 * starts the embedded PostgreSQL and sets it when the developer did not.
 */
export function getDb(): Database {
  const { DATABASE_URL: url, DATABASE_POOL_MAX } = env();
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set: start the app with `npm run dev` / `npm start`, which provide it.',
    );
  }
  if (cache.__omsDb?.url === url) return cache.__omsDb.db;
  const pool = newPool(url, DATABASE_POOL_MAX, { application_name: 'oms-register' }, 'client');
  const db: Database = drizzle({ client: pool, schema, casing: 'snake_case' });
  cache.__omsDb = { url, pool, db };
  return db;
}

const readCache = globalThis as unknown as { __omsLoggedReads?: { url: string; pool: pg.Pool } };

/**
 * A pool for reads whose only write is their access-log row (the clinic lookup): its commits do not wait
 * for the WAL flush (`synchronous_commit = off`, ADR 0009). A database crash can lose at most the last
 * fraction of a second of such log rows, never corrupt anything; register changes never use this pool.
 */
export function getLoggedReadPool(): pg.Pool {
  const { DATABASE_URL: url, DATABASE_POOL_MAX } = env();
  if (!url) throw new Error('DATABASE_URL is not set.');
  if (readCache.__omsLoggedReads?.url === url) return readCache.__omsLoggedReads.pool;
  const pool = newPool(
    url,
    DATABASE_POOL_MAX,
    { application_name: 'oms-register-lookup', options: '-c synchronous_commit=off' },
    'lookup client',
  );
  readCache.__omsLoggedReads = { url, pool };
  return pool;
}

/** This process's open pools by name, for the metrics of pool usage (lib/ops/metrics.ts). */
export function databasePools(): { name: string; pool: pg.Pool }[] {
  return [
    ...(cache.__omsDb ? [{ name: 'primary', pool: cache.__omsDb.pool }] : []),
    ...(readCache.__omsLoggedReads ? [{ name: 'lookup', pool: readCache.__omsLoggedReads.pool }] : []),
  ];
}

const closers = globalThis as unknown as { __omsDbClosers?: Set<() => Promise<void>> };

/** Other connections of this process (a LISTEN client) to close together with the pools. */
export function closeWithDb(close: () => Promise<void>): void {
  (closers.__omsDbClosers ??= new Set()).add(close);
}

export async function closeDb(): Promise<void> {
  const cached = cache.__omsDb;
  const reads = readCache.__omsLoggedReads;
  const others = [...(closers.__omsDbClosers ?? [])];
  delete cache.__omsDb;
  delete readCache.__omsLoggedReads;
  closers.__omsDbClosers?.clear();
  await Promise.all([cached?.pool.end(), reads?.pool.end(), ...others.map((close) => close())]);
}
