import pg from 'pg';
import { databaseUrl } from '../../db/embedded';
import { migrateDatabase } from '../../db/migrate';
import { KZ_LOADED_TABLES, loadKzPopulation, type KzPopulationSummary } from '../../db/seed/kz/bulk-load';
import type { LocalDate } from '../../lib/domain/dates';
import { fixed, int } from './format';
import { sizes, type Sizes } from './register-size';
import { reusedRegister } from './seeded-register';

/**
 * The ОСМС benchmark's register: a Kazakh register of N synthetic persons (db/seed/kz/bulk-load.ts),
 * reused while its database's comment says it holds them, and its storage per person.
 */

/** Migrates the empty database at `url` as a Kazakh register and loads N persons into it. */
export async function seedKzBenchRegister(
  url: string,
  options: { persons: number; seed: number; asOf: LocalDate; log: (line: string) => void },
): Promise<KzPopulationSummary> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  try {
    await migrateDatabase(pool, { jurisdiction: 'kz' });
    options.log(`seeding ${int(options.persons)} ОСМС persons as of ${options.asOf}…`);
    let last = 0;
    const summary = await loadKzPopulation(pool, {
      ...options,
      onProgress: ({ phase, detail }) => {
        if (performance.now() - last < 10_000) return;
        last = performance.now();
        options.log(`  ${phase}: ${detail}`);
      },
    });
    options.log(
      `seeded ${int(summary.persons)} persons and ${int(summary.contributions)} contributions in ` +
        `${fixed(summary.seconds, 1)} s (load ${fixed(summary.loadSeconds, 1)} + keys ${fixed(summary.indexSeconds, 1)})`,
    );
    // COPY FREEZE left the loaded tables frozen and all-visible: statistics are what they lack. The names
    // index was filled by its trigger, row by row: it gets a vacuum too.
    await pool.query('vacuum analyze person_names');
    await pool.query('analyze');
    return summary;
  } finally {
    await pool.end();
  }
}

/**
 * The database `name` on `serverUrl` when its comment is `marker` (migrated to the latest schema), else
 * (re-)created and seeded, then marked. Returns its URL and the seed's figures when it seeded.
 */
export async function reusedOrSeededKzRegister(
  serverUrl: string,
  name: string,
  options: { persons: number; seed: number; asOf: LocalDate; marker: string; log: (line: string) => void },
): Promise<{ url: string; seeded: KzPopulationSummary | null }> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const reused = await reusedRegister(admin, serverUrl, name, options.marker, options.log);
    if (reused) return { url: reused, seeded: null };
    await admin.query(`create database "${name}"`);
    const url = databaseUrl(serverUrl, name);
    const seeded = await seedKzBenchRegister(url, options);
    await admin.query(`comment on database "${name}" is '${options.marker}'`);
    return { url, seeded };
  } finally {
    await admin.end();
  }
}

/** A table's rows and bytes (`table`: heap + TOAST, `indexes`, `total`). */
export interface TableStorage extends Sizes {
  name: string;
  rows: number;
}

/**
 * Rows and bytes of the Kazakh register's tables (heap + TOAST, indexes) and of the console's name index
 * (`person_names`, filled for every person by a trigger), for the bytes per person.
 */
export async function kzStorage(url: string): Promise<TableStorage[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: TableStorage[] = [];
    for (const table of [...KZ_LOADED_TABLES, 'person_names']) {
      const { rows } = await client.query<{ n: string }>(`select count(*)::text as n from ${table}`);
      out.push({ name: table, rows: Number(rows[0]!.n), ...(await sizes(client, table)) });
    }
    return out;
  } finally {
    await client.end();
  }
}
