import type pg from 'pg';
import { migrateDatabase } from '../migrate';
import { inTransaction } from './transaction';

/**
 * Wipes the register: drops the application's schemas and migrates again (which reloads the reference
 * directories). The append-only triggers refuse TRUNCATE and DELETE on register_events and access_log
 * by design, so the only clean way to empty them is to drop the schema they live in.
 */
export async function resetRegister(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('drop schema public cascade');
    await client.query('drop schema if exists drizzle cascade');
    await client.query('create schema public');
    // As a new database has it: everyone may use the schema's objects (privileges still decide the rest).
    await client.query('grant usage on schema public to public');
  });
  await migrateDatabase(pool);
}
