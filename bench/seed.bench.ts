/**
 * Seeder benchmark: `npm run bench:seed [-- --persons N] [--seed S]` (default 1,000,000 persons).
 *
 * On a fresh database it seeds the register (all keys, indexes, exclusion constraints and foreign keys
 * present at the end), then, as the baseline measured in the same run, COPYs exactly the same rows (same
 * generator, same seed) into bare copies of the tables (`LIKE`, no indexes, constraints or triggers).
 * Prints persons/s for both, their ratio, and the bytes each person takes (tables + indexes + TOAST).
 */
import pg from 'pg';
import { loadSeedDirectory } from '../db/seed/directory';
import {
  defaultAsOf,
  FREEZABLE,
  REGISTER_TABLES,
  seedRegister,
  streamRegisterRows,
  type RegisterTable,
} from '../db/seed/seed-register';
import { freshDatabase } from './lib/fresh-database';
import { fixed, int, mib, table } from './lib/format';
import { sizes, type Sizes } from './lib/register-size';

const GOAL_RATIO = 1 / 3;
const GOAL_BYTES = 1500;

function parse(argv: readonly string[]): { persons: number; seed: number } {
  let persons = 1_000_000;
  let seed = 1;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--persons' || flag === '--seed') && value !== undefined && /^\d+$/.test(value)) {
      if (flag === '--persons') persons = Number(value);
      else seed = Number(value);
      i++;
    } else {
      console.error('usage: npm run bench:seed -- [--persons N] [--seed S]');
      process.exit(2);
    }
  }
  return { persons, seed };
}

async function checkpoint(client: pg.ClientBase): Promise<void> {
  // Start both runs from the same state; needs a superuser, so a shared server may refuse (fine).
  await client.query('checkpoint').catch(() => undefined);
}

function progress(label: string): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = performance.now();
    if (now - last > 5000 || done === total) {
      last = now;
      console.log(`  ${label}: ${int(done)} / ${int(total)} persons`);
    }
  };
}

async function main(): Promise<void> {
  const { persons, seed } = parse(process.argv.slice(2));
  const asOf = defaultAsOf();
  console.log(`Seeder benchmark: ${int(persons)} persons, seed ${seed}, as of ${asOf}`);
  const db = await freshDatabase();
  console.log(`Fresh database: ${db.where}`);
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  try {
    const admin = await pool.connect();
    let perTable: [RegisterTable, Sizes][];
    let bare: [RegisterTable, Sizes][];
    let seededRate: number;
    let bareRate: number;
    let seededSeconds: number;
    let bareSeconds: number;
    let loadSeconds: number;
    let indexSeconds: number;
    let loaded: number;
    let rowCounts: Record<RegisterTable, number>;
    try {
      // 1. The register, with every key, index and constraint in place at the end.
      await checkpoint(admin);
      const seedProgress = progress('seed');
      const summary = await seedRegister(pool, {
        persons,
        seed,
        asOf,
        onProgress: (p) => {
          if (p.phase === 'load') seedProgress(p.persons, p.total);
          else if (p.phase === 'indexes' && p.detail === undefined)
            console.log('  seed: building keys, indexes and constraints');
        },
      });
      loaded = summary.persons;
      rowCounts = {
        persons: summary.persons,
        identity_documents: summary.documents,
        representations: summary.representations,
        coverages: summary.coverages,
        attachments: summary.attachments,
        register_events: summary.events,
      };
      seededSeconds = summary.seconds;
      loadSeconds = summary.loadSeconds;
      indexSeconds = summary.indexSeconds;
      seededRate = summary.persons / summary.seconds;
      perTable = [];
      for (const t of REGISTER_TABLES) perTable.push([t, await sizes(admin, t)]);

      // 2. Baseline: the same rows into bare copies (no indexes, constraints, triggers), one transaction too.
      await checkpoint(admin);
      const bareProgress = progress('bare');
      const started = performance.now();
      await admin.query('begin');
      for (const t of REGISTER_TABLES) await admin.query(`create table ${t}_bare (like ${t})`);
      const directory = await loadSeedDirectory(admin, asOf);
      const tables = Object.fromEntries(REGISTER_TABLES.map((t) => [t, `${t}_bare`])) as Record<
        RegisterTable,
        string
      >;
      // The same COPY statements as the seed, FREEZE included (the bare tables are new in this transaction).
      const counts = await streamRegisterRows(admin, {
        persons,
        seed,
        asOf,
        directory,
        tables,
        freeze: FREEZABLE,
        onBatch: bareProgress,
      });
      await admin.query('commit');
      bareSeconds = (performance.now() - started) / 1000;
      bareRate = counts.persons / bareSeconds;
      if (counts.persons !== loaded)
        throw new Error(`Baseline loaded ${counts.persons} persons, the seed ${loaded}`);
      bare = [];
      for (const t of REGISTER_TABLES) bare.push([t, await sizes(admin, `${t}_bare`)]);
    } finally {
      admin.release();
    }

    const total = perTable.reduce((s, [, z]) => s + z.total, 0);
    const bytesPerPerson = total / loaded;
    const ratio = seededRate / bareRate;
    console.log('');
    console.log('Storage per table (seeded register; bytes per person = total / persons)');
    console.log(
      table([
        ['table', 'rows/person', 'heap+toast', 'indexes', 'total', 'B/person', 'bare total'],
        ...perTable.map(([t, z], i) => {
          const b = bare[i]![1];
          const n = rowCounts[t];
          return [
            t,
            fixed(n / loaded, 3),
            mib(z.table),
            mib(z.indexes),
            mib(z.total),
            fixed(z.total / loaded, 0),
            mib(b.total),
          ];
        }),
        [
          'all',
          '',
          '',
          '',
          mib(total),
          fixed(bytesPerPerson, 0),
          mib(bare.reduce((s, [, z]) => s + z.total, 0)),
        ],
      ]),
    );
    console.log('');
    console.log(
      `Seeded: load ${fixed(loadSeconds, 1)} s + keys/indexes/constraints ${fixed(indexSeconds, 1)} s`,
    );
    console.log('');
    console.log(
      table([
        ['figure', 'measured', 'goal', ''],
        ['persons', int(loaded), '', ''],
        ['seeded time, s', fixed(seededSeconds, 1), '', ''],
        ['seeded persons/s', int(seededRate), '', ''],
        ['bare COPY time, s', fixed(bareSeconds, 1), '', ''],
        ['bare COPY persons/s', int(bareRate), '', ''],
        [
          'ratio seeded/bare',
          fixed(ratio, 2),
          `≥ ${fixed(GOAL_RATIO, 2)}`,
          ratio >= GOAL_RATIO ? 'ok' : 'MISSED',
        ],
        [
          'bytes/person',
          int(bytesPerPerson),
          `< ${int(GOAL_BYTES)}`,
          bytesPerPerson < GOAL_BYTES ? 'ok' : 'MISSED',
        ],
      ]),
    );
  } finally {
    await pool.end();
    await db.dispose();
  }
}

await main();
