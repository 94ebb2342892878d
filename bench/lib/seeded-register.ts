import pg from 'pg';
import { databaseUrl } from '../../db/embedded';
import { migrateDatabase } from '../../db/migrate';
import { seedRegister } from '../../db/seed/seed-register';
import { fixed, int } from './format';

/** The comment a benchmark leaves on its database (what it holds), or undefined when there is none. */
export async function databaseComment(admin: pg.Client, name: string): Promise<string | null | undefined> {
  const { rows } = await admin.query<{ comment: string | null }>(
    `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
    [name],
  );
  return rows[0] ? rows[0].comment : undefined;
}

/**
 * Migrates the (new, empty) database `name` on `serverUrl`, seeds it with `persons` generated persons from
 * `seed`, analyses it and marks it with `marker`, so a later run can reuse it. Returns its URL.
 */
export async function seedBenchRegister(
  serverUrl: string,
  name: string,
  options: {
    persons: number;
    seed: number;
    marker: string;
    log: (line: string) => void;
    /** Planted duplicates (the duplicate-scan benchmark), as a share of persons. */
    duplicateShare?: number;
  },
): Promise<string> {
  const { persons, seed, marker, log, duplicateShare } = options;
  const url = databaseUrl(serverUrl, name);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  try {
    await migrateDatabase(pool);
    log(`seeding ${int(persons)} persons into ${name}…`);
    let lastReport = 0;
    const summary = await seedRegister(pool, {
      persons,
      seed,
      duplicateShare,
      onProgress: (p) => {
        const now = performance.now();
        if (now - lastReport < 5000 && p.phase !== 'done') return;
        lastReport = now;
        log(`  ${p.phase}: ${int(p.persons)} / ${int(p.total)}${p.detail ? ` (${p.detail})` : ''}`);
      },
    });
    log(`seeded in ${fixed(summary.seconds, 1)} s`);
    await pool.query('vacuum analyze');
    await pool.query(`comment on database "${name}" is '${marker}'`);
  } finally {
    await pool.end();
  }
  return url;
}

/**
 * The benchmark's register: the database `name` when its comment says it holds what `marker` describes,
 * else (re-)created and seeded by `seedBenchRegister`. Returns its URL.
 */
export async function reusedOrSeededRegister(
  serverUrl: string,
  name: string,
  options: Parameters<typeof seedBenchRegister>[2],
): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const comment = await databaseComment(admin, name);
    if (comment === options.marker) {
      options.log(`reusing the register of ${int(options.persons)} persons in ${name}`);
      return databaseUrl(serverUrl, name);
    }
    if (comment !== undefined) {
      options.log(`the register in ${name} is not "${options.marker}": re-creating it`);
      await admin.query(`drop database "${name}" with (force)`);
    }
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return seedBenchRegister(serverUrl, name, options);
}
