/**
 * Duplicate-scan benchmark: `npm run bench:duplicates [-- --persons N] [--share-permille P]`.
 *
 * On a register of N generated persons (default 1,000,000) seeded with planted duplicates (default 5‰ =
 * 0.5 %, the kinds of db/seed/planted-duplicates.ts) in an embedded PostgreSQL under .data/bench-duplicates
 * — kept between runs, re-seeded when N or the share changes — it runs the whole-register scan from
 * scratch (lib/duplicates/scan-duplicates.ts, as the nightly job does) and reports its time, the recall
 * against the planted pairs (overall and per kind) and the precision (the share of candidates that are
 * planted pairs: a lower bound, since synthetic people may genuinely look alike). Goals: under 2 minutes
 * for the million, recall ≥ 0.95.
 */
import pg from 'pg';
import { closeDb } from '../db/client';
import { startEmbeddedPostgres } from '../db/embedded';
import { migrateDatabase } from '../db/migrate';
import { scanDuplicates } from '../lib/duplicates/scan-duplicates';
import { optionsOrExit, parseBenchFlags } from './lib/args';
import { fixed, int, table } from './lib/format';
import { reusedOrSeededRegister } from './lib/seeded-register';

const DATA_DIR = '.data/bench-duplicates';
const DATABASE = 'oms_bench_duplicates';
const SEED = 1;
const GOAL_SECONDS = 120;
const GOAL_RECALL = 0.95;

const USAGE = `usage: npm run bench:duplicates -- [--persons N] [--share-permille P]
  --persons N          register size (default 1000000); re-seeded in ${DATA_DIR} when it changes
  --share-permille P   planted duplicates per thousand persons (default 5, i.e. 0.5 %)`;

const log = (line: string) => console.log(`[bench:duplicates] ${line}`);

async function main(): Promise<void> {
  const given = optionsOrExit(
    parseBenchFlags(process.argv.slice(2), {
      persons: { kind: 'whole', min: 1, max: 200_000_000 },
      'share-permille': { kind: 'whole', min: 1, max: 200 },
    }),
    USAGE,
  );
  const persons = given.persons ?? 1_000_000;
  const permille = given['share-permille'] ?? 5;
  const database = await startEmbeddedPostgres({ dataDir: DATA_DIR });
  try {
    const url = await reusedOrSeededRegister(database.url, DATABASE, {
      persons,
      seed: SEED,
      marker: `bench-duplicates persons=${persons} seed=${SEED} permille=${permille}`,
      log,
      duplicateShare: permille / 1000,
    });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // A reused register gets the migrations added since it was seeded.
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      await migrateDatabase(pool).finally(() => pool.end());
      // From scratch, as the first nightly run: no candidates, no scan in progress.
      await client.query('delete from duplicate_candidates');
      await client.query('delete from duplicate_scans');
      process.env.DATABASE_URL = url;
      const started = performance.now();
      const outcome = await scanDuplicates();
      const seconds = (performance.now() - started) / 1000;
      await closeDb();

      const { rows: byKind } = await client.query<{ kind: string; planted: string; found: string }>(`
        select s.kind, count(*) as planted, count(c.id) as found
          from seed_planted_duplicates s
          left join duplicate_candidates c
            on c.person_a_id = least(s.original_id, s.duplicate_id) and c.person_b_id = greatest(s.original_id, s.duplicate_id)
         group by s.kind order by s.kind`);
      const planted = byKind.reduce((n, r) => n + Number(r.planted), 0);
      const found = byKind.reduce((n, r) => n + Number(r.found), 0);
      const { rows: totals } = await client.query<{ n: string; persons: string; names: string }>(
        `select (select count(*) from duplicate_candidates) as n, (select count(*) from persons) as persons,
                (select count(*) from person_names) as names`,
      );
      const candidates = Number(totals[0]!.n);
      const recall = planted ? found / planted : 0;
      const precision = candidates ? found / candidates : 0;
      console.log(
        table([
          ['kind', 'planted', 'found', 'recall'],
          ...byKind.map((r) => [
            r.kind,
            int(Number(r.planted)),
            int(Number(r.found)),
            fixed(Number(r.found) / Number(r.planted), 3),
          ]),
        ]),
      );
      log(`register: ${int(Number(totals[0]!.persons))} persons, ${int(Number(totals[0]!.names))} names`);
      log(
        `scan: ${fixed(seconds, 1)} s, ${int(outcome.slices)} birth-date slices, ${int(outcome.pairsExamined)} pairs scored, ${int(candidates)} candidates`,
      );
      log(
        `recall ${fixed(recall, 3)} (${int(found)} of ${int(planted)} planted), precision ${fixed(precision, 3)}`,
      );
      log(
        `goals: time < ${GOAL_SECONDS} s ${seconds < GOAL_SECONDS ? 'MET' : 'MISSED'}; recall ≥ ${GOAL_RECALL} ${recall >= GOAL_RECALL ? 'MET' : 'MISSED'}`,
      );
    } finally {
      await client.end();
    }
  } finally {
    await database.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
