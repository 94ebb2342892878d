import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import * as schema from './schema';
import { loadReferenceData } from './reference/load';

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Serialises concurrent starts (two app processes, parallel test workers) on one database. */
const MIGRATION_LOCK = 7_705_001;

/** Applies the committed SQL migrations, then the reference directories; safe to run on every start. */
export async function migrateDatabase(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const db = drizzle(client, { schema, casing: 'snake_case' });
    await migrate(db, { migrationsFolder });
    await db.transaction((tx) => loadReferenceData(tx));
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** The newest committed migration's timestamp (its journal `when`, which drizzle records when applied). */
function latestCommittedMigration(): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return Math.max(...journal.entries.map((e) => e.when));
}

/** Whether the database has every committed migration (readiness, ADR 0028); false when none ran. */
export async function migrationsCurrent(db: Pick<pg.Pool, 'query'>): Promise<boolean> {
  const { rows: present } = await db.query<{ ok: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
  );
  if (!present[0]?.ok) return false;
  const { rows } = await db.query<{ latest: string | null }>(
    'select max(created_at)::text as latest from drizzle.__drizzle_migrations',
  );
  const latest = rows[0]?.latest;
  return latest != null && Number(latest) >= latestCommittedMigration();
}
