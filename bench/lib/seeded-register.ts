import pg from 'pg';
import { databaseUrl } from '../../db/embedded';
import { migrateDatabase } from '../../db/migrate';
import { seedRegister, type SeedSummary } from '../../db/seed/seed-register';
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
    /** Told the seed's figures before the register is analysed and marked (the scale benchmark keeps them). */
    onSeeded?: (summary: SeedSummary) => void | Promise<void>;
  },
): Promise<string> {
  const { persons, seed, marker, log, duplicateShare, onSeeded } = options;
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
    await onSeeded?.(summary);
    await pool.query('vacuum analyze');
    await pool.query(`comment on database "${name}" is '${marker}'`);
  } finally {
    await pool.end();
  }
  return url;
}

/**
 * When the database `name` on `serverUrl` is marked with `marker`, brings it to the latest migration and
 * returns its URL: a register seeded by an earlier version of the code would otherwise be measured without
 * the indexes and tables added since (the person card once was, without migration 0014's index). Otherwise
 * drops it when it exists (unless `keep`: another benchmark's register) and returns undefined (the caller
 * creates and fills it).
 */
export async function reusedRegister(
  admin: pg.Client,
  serverUrl: string,
  name: string,
  marker: string,
  log: (line: string) => void,
  options: { keep?: boolean } = {},
): Promise<string | undefined> {
  const comment = await databaseComment(admin, name);
  if (comment === marker) {
    const url = databaseUrl(serverUrl, name);
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const started = performance.now();
      await migrateDatabase(pool);
      log(
        `reusing the register in ${name} (${marker}); migrations checked in ${fixed((performance.now() - started) / 1000, 1)} s`,
      );
    } finally {
      await pool.end();
    }
    return url;
  }
  if (comment !== undefined && !options.keep) {
    log(`the register in ${name} is not "${marker}": re-creating it`);
    await admin.query(`drop database "${name}" with (force)`);
  }
  return undefined;
}

/**
 * The benchmark's register: the database `name` when its comment says it holds what `marker` describes
 * (migrated to the latest schema), else (re-)created, seeded by `seedBenchRegister`, given the benchmark's
 * own rows by `fill` (applications, access-log rows…) and only then marked. Returns its URL.
 */
export async function reusedOrSeededRegister(
  serverUrl: string,
  name: string,
  options: Parameters<typeof seedBenchRegister>[2] & { fill?: (client: pg.Client) => Promise<void> },
): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const reused = await reusedRegister(admin, serverUrl, name, options.marker, options.log);
    if (reused) return reused;
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const { fill, ...seedOptions } = options;
  if (!fill) return seedBenchRegister(serverUrl, name, seedOptions);
  // Seeded without the marker first: the benchmark's own rows are added before the database is marked.
  const url = await seedBenchRegister(serverUrl, name, { ...seedOptions, marker: 'seeding' });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fill(client);
    await client.query('vacuum analyze');
    await client.query(`comment on database "${name}" is '${options.marker}'`);
  } finally {
    await client.end();
  }
  return url;
}
