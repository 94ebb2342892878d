import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';

/**
 * The committed migrations applied one by one, as files, for tests of a migration on a register that
 * already holds data: migrate to just before it, add rows, then apply it.
 */
const folder = path.join(process.cwd(), 'db', 'migrations');

/** The migration files, in order (`0000_init.sql`, …). */
export function migrationFiles(): string[] {
  return readdirSync(folder)
    .filter((f) => /^\d{4}_.*\.sql$/.test(f))
    .sort();
}

/** Applies one migration file in a transaction, statement by statement as drizzle's migrator does. */
export async function applyMigrationFile(client: pg.ClientBase, file: string): Promise<void> {
  const text = readFileSync(path.join(folder, file), 'utf8');
  await client.query('begin');
  for (const statement of text.split('--> statement-breakpoint')) await client.query(statement);
  await client.query('commit');
}

/** Applies every migration whose file name sorts before `number` (e.g. `'0019'`). */
export async function applyMigrationsBefore(client: pg.ClientBase, number: string): Promise<void> {
  for (const file of migrationFiles().filter((f) => f < number)) await applyMigrationFile(client, file);
}
