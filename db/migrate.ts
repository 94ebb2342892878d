import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { PgTable } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { env, type Jurisdiction } from '@/config/env';
import type { Executor } from './client';
import * as schema from './schema';
import { loadKzReferenceData } from './reference/kz/regions-and-clinics';
import { loadReferenceData } from './reference/load';
import { settleJurisdiction } from './register-settings';

/** Empties the directories a loader fills, children first. */
const clearing =
  (...tables: PgTable[]) =>
  async (db: Executor): Promise<void> => {
    for (const table of tables) await db.execute(sql`delete from ${table}`);
  };

/**
 * The reference directories each country's register keeps (its regions and clinics, ADR 0030): how its
 * first start loads them, and how they are cleared from a register that must hold another country's (a
 * clone of the unbound test template, which holds TEMPLATE_REFERENCE's).
 */
export const REFERENCE_LOADERS: Record<
  Jurisdiction,
  { load: (db: Executor) => Promise<void>; clear: (db: Executor) => Promise<void> }
> = {
  ru: {
    load: loadReferenceData,
    // The production calendar stays: it is a table of days, read by no Kazakh rule.
    clear: clearing(schema.insurerRegions, schema.insurers, schema.medicalOrganisations, schema.subjects),
  },
  kz: { load: loadKzReferenceData, clear: clearing(schema.medicalOrganisations, schema.subjects) },
};

/** Whose directories the unbound test template holds. */
export const TEMPLATE_REFERENCE: Jurisdiction = 'ru';

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Serialises concurrent starts (two app processes, parallel test workers) on one database. */
const MIGRATION_LOCK = 7_705_001;

/**
 * Applies the committed SQL migrations (one chain for every jurisdiction), binds the register to its
 * jurisdiction (db/register-settings.ts: recorded at the first start, refused with a `ConfigError` when the
 * configured one differs), then loads the reference directories; safe to run on every start. `jurisdiction: null` leaves an empty register
 * unbound — only for the test template, whose clones are each bound at their own first start.
 */
export async function migrateDatabase(
  pool: pg.Pool,
  { jurisdiction = env().REGISTER_JURISDICTION }: { jurisdiction?: Jurisdiction | null } = {},
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const db = drizzle(client, { schema, casing: 'snake_case' });
    await migrate(db, { migrationsFolder });
    // Before the reference data: a process of the other country loads nothing into this register.
    if (jurisdiction) await settleJurisdiction(client, jurisdiction);
    // Each country's directories (ADR 0030); the unbound test template gets TEMPLATE_REFERENCE's.
    await db.transaction((tx) => REFERENCE_LOADERS[jurisdiction ?? TEMPLATE_REFERENCE].load(tx));
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
