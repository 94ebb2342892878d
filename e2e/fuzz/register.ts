import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { databaseUrl } from '../../db/embedded';
import { EMBEDDED_DATABASE } from '../../db/runtime';
import { REGISTER_TABLES } from '../../db/seed/records';
import { e2eDataDir } from '../support/data-dir';

/**
 * The register's tables (the seeder's, and what the citizens' applications add): a fuzz case must leave
 * every one of them as it was. The access log and API keys change by design (every lookup is logged; the
 * suite issues its own keys), so they are not here.
 */
export const CHECKED_TABLES = [
  ...REGISTER_TABLES,
  'applications',
  'application_status_history',
  'notifications',
  'extracts',
  'person_names',
] as const;

/**
 * The database behind the browser tests' server: E2E_DATABASE_URL, or the embedded server Playwright's
 * webServer started under the pass's data directory (e2e/support/data-dir.ts; its port is in postmaster.pid; credentials as in db/embedded.ts).
 */
export function e2eDatabaseUrl(dataDir = e2eDataDir()): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) throw new Error(`No database under ${dataDir}: is the e2e server running?`);
  const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
  return databaseUrl(`postgres://postgres:oms-local@127.0.0.1:${port}/postgres`, EMBEDDED_DATABASE);
}

export type RegisterState = Record<(typeof CHECKED_TABLES)[number], { rows: number; md5: string }>;

/** Row count and an order-independent checksum of every register table. */
export async function registerState(url: string): Promise<RegisterState> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const state = {} as RegisterState;
    for (const table of CHECKED_TABLES) {
      const { rows } = await client.query<{ rows: string; md5: string | null }>(
        `select count(*) as rows, md5(string_agg(h, '' order by h)) as md5
           from (select md5(t::text) as h from ${pg.escapeIdentifier(table)} t) x`,
      );
      state[table] = { rows: Number(rows[0]!.rows), md5: rows[0]!.md5 ?? '' };
    }
    return state;
  } finally {
    await client.end();
  }
}
