import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import pg from 'pg';
import { databaseUrl, startEmbeddedPostgres } from '../../db/embedded';
import { migrateDatabase } from '../../db/migrate';

export interface FreshDatabase {
  url: string;
  /** Where it runs, for the report. */
  where: string;
  /** Drops the database (or stops and deletes the throw-away server). */
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database for one benchmark run: a new database on DATABASE_URL's server when set,
 * otherwise a throw-away embedded server under .data/bench-*. Either way it is removed by `dispose`.
 */
export async function freshDatabase(): Promise<FreshDatabase> {
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const name = `oms_bench_${id}`;
  const serverUrl = process.env.DATABASE_URL;
  let url: string;
  let where: string;
  let dispose: () => Promise<void>;

  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    url = databaseUrl(serverUrl, name);
    where = `database ${name} on DATABASE_URL's server`;
    dispose = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    };
  } else {
    const dataDir = `.data/bench-${id}`;
    const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    url = databaseUrl(server.url, name);
    where = `throw-away embedded PostgreSQL in ${dataDir}`;
    dispose = async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }

  try {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await migrateDatabase(pool);
    } finally {
      await pool.end();
    }
  } catch (err) {
    await dispose();
    throw err;
  }
  return { url, where, dispose };
}
