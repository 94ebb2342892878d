/**
 * Dashboard benchmark: `npm run bench:dashboard [-- --persons N] [--applications N] [--lookups N] [--runs N]`.
 *
 * On a register of N generated persons (default 1,000,000) in an embedded PostgreSQL under
 * .data/bench-dashboard — kept between runs and re-seeded only when the sizes change — with A applications
 * over the last 120 days (default 300,000; submitted, decided in time or late, refused, waiting) and L
 * clinic lookups in the access log over the last 60 days (default 2,000,000; workspace, REST, FHIR), it
 * times the `dashboard.refresh` job (the first, full run and a later, windowed one) and then every query
 * the dashboard page runs (lib/dashboard/dashboard-queries.ts, the duplicates figure and the whole use
 * case), for the country and for Moscow: median and worst of R runs (default 20) each, against the goal of
 * 300 ms per query. For scale, the insured-by-region count straight from the coverage table is timed too:
 * what each page view would cost without the aggregate tables.
 */
import { sql } from 'drizzle-orm';
import { closeDb, getDb } from '../db/client';
import { startEmbeddedPostgres } from '../db/embedded';
import { dashboardQueries } from '../lib/dashboard/dashboard-queries';
import { duplicateFigures } from '../lib/dashboard/duplicate-figures';
import { readDashboard } from '../lib/dashboard/read-dashboard';
import { refreshDashboard } from '../lib/dashboard/refresh-dashboard';
import { moscowDate } from '../lib/domain/dates';
import { optionsOrExit, parseBenchFlags } from './lib/args';
import { fixed, int, table } from './lib/format';
import { reusedOrSeededRegister } from './lib/seeded-register';

const DATA_DIR = '.data/bench-dashboard';
const DATABASE = 'oms_bench_dashboard';
const SEED = 1;
const GOAL_MS = 300;

const USAGE = `usage: npm run bench:dashboard -- [--persons N] [--applications N] [--lookups N] [--runs N]
  --persons N        register size (default 1000000)
  --applications N   applications over the last 120 days (default 300000)
  --lookups N        clinic lookups in the access log over the last 60 days (default 2000000)
  --runs N           timed runs of each query (default 20; two more warm up first)
The database in ${DATA_DIR} is re-seeded when a size changes.`;

interface Options {
  persons: number;
  applications: number;
  lookups: number;
  runs: number;
}

function parseOptions(argv: readonly string[]): Options | string {
  const given = parseBenchFlags(argv, {
    persons: { kind: 'whole', min: 1, max: 200_000_000 },
    applications: { kind: 'whole', min: 0, max: 100_000_000 },
    lookups: { kind: 'whole', min: 0, max: 1_000_000_000 },
    runs: { kind: 'whole', min: 1, max: 10_000 },
  });
  if (typeof given === 'string') return given;
  return { persons: 1_000_000, applications: 300_000, lookups: 2_000_000, runs: 20, ...given };
}

const log = (line: string) => console.log(`[bench:dashboard] ${line}`);

async function prepareRegister(serverUrl: string, o: Options): Promise<string> {
  const marker = `bench-dashboard persons=${o.persons} applications=${o.applications} lookups=${o.lookups} seed=${SEED}`;
  return reusedOrSeededRegister(serverUrl, DATABASE, {
    persons: o.persons,
    seed: SEED,
    marker,
    log,
    fill: async (client) => {
      await client.query('select setseed(0.5)');
      log(`adding ${int(o.applications)} applications…`);
      await client.query(APPLICATIONS_SQL, [o.applications]);
      log(`adding ${int(o.lookups)} clinic lookups to the access log…`);
      await client.query(LOOKUPS_SQL, [o.lookups]);
    },
  });
}

/**
 * Applications of the last 120 days in the shape the queue writes them: region and insurer of a served
 * pair, due 1.5 days after submission; 80% issued and 10% refused — decided within 0–2.5 days, so about
 * two in five late — and 10% still waiting.
 */
const APPLICATIONS_SQL = `
with pairs as (select row_number() over (order by insurer_code, subject_code) - 1 as k, insurer_code, subject_code
                 from insurer_regions),
     n as (select count(*) as c from pairs),
     a as (select g, now() - random() * interval '120 days' as submitted_at, random() as r
             from generate_series(1, $1::int) g)
insert into applications (number, kind, applicant_sub, payload, status, subject_code, insurer_code,
                          submitted_at, due_at, decided_at, decided_by)
select 'B-' || lpad(a.g::text, 12, '0'), 'electronic_policy', 'bench-' || a.g, '{}'::jsonb,
       (case when a.g % 10 = 0 then 'submitted' when a.g % 10 = 1 then 'refused' else 'done' end)::application_status,
       p.subject_code, p.insurer_code, a.submitted_at, a.submitted_at + interval '36 hours',
       case when a.g % 10 = 0 then null else a.submitted_at + a.r * interval '60 hours' end,
       case when a.g % 10 = 0 then null else 'bench' end
  from a cross join n join pairs p on p.k = a.g % n.c`;

/** Lookups of the last 60 days by МО of the directory: half workspace, 30% REST, 20% FHIR; 5% not found. */
const LOOKUPS_SQL = `
with mos as (select row_number() over (order by code) - 1 as k, code from medical_organisations),
     n as (select count(*) as c from mos)
insert into access_log (at, actor_kind, actor_id, organisation_code, channel, purpose, result, details)
select now() - random() * interval '60 days',
       (case when g % 10 < 5 then 'clinic' else 'api_key' end)::actor_kind, 'bench', m.code,
       (case when g % 10 < 5 then 'clinic_ui' when g % 10 < 8 then 'rest' else 'fhir' end)::access_channel,
       'policy_lookup', case when g % 20 = 0 then 'not_found' else 'found' end, 'enp'
  from generate_series(1, $1::int) g cross join n join mos m on m.k = g % n.c`;

interface Timing {
  scope: string;
  query: string;
  median: number;
  worst: number;
  rows: number;
}

async function time(scope: string, query: string, runs: number, run: () => Promise<number>): Promise<Timing> {
  await run();
  await run();
  const ms: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    rows = await run();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const t: Timing = { scope, query, median: ms[Math.floor(ms.length / 2)]!, worst: ms.at(-1)!, rows };
  log(`${scope} / ${query}: median ${fixed(t.median)} ms, worst ${fixed(t.worst)} ms (${rows} rows)`);
  return t;
}

async function main(): Promise<void> {
  const o = optionsOrExit(parseOptions(process.argv.slice(2)), USAGE);
  const started = performance.now();
  const database = await startEmbeddedPostgres({ dataDir: DATA_DIR });
  try {
    const url = await prepareRegister(database.url, o);
    process.env.DATABASE_URL = url;
    const db = getDb();
    const counts = await db.execute<{ persons: number; applications: number; lookups: number }>(sql`
      select (select count(*)::int from persons) as persons, (select count(*)::int from applications) as applications,
             (select count(*)::int from access_log where purpose = 'policy_lookup') as lookups`);
    const c = counts.rows[0]!;
    log(
      `register: ${int(c.persons)} persons, ${int(c.applications)} applications, ${int(c.lookups)} lookups`,
    );

    await db.execute(sql`delete from dashboard_refreshes`);
    const full = await refreshDashboard();
    log(`refresh job, first (full) run: ${int(full.tookMs)} ms`);
    const windowed = await refreshDashboard();
    log(`refresh job, later (windowed from ${windowed.fromDay}) run: ${int(windowed.tookMs)} ms`);

    const today = moscowDate(new Date());
    const admin = { kind: 'staff', id: 'bench', role: 'ffoms_admin' } as const;
    const timings: Timing[] = [];
    for (const [scope, subjectCode] of [
      ['country', null],
      ['region 77', '77'],
    ] as const) {
      const queries = dashboardQueries({ subjectCode, today });
      for (const [name, query] of Object.entries(queries)) {
        timings.push(await time(scope, name, o.runs, async () => (await db.execute(query)).rows.length));
      }
      timings.push(
        await time(
          scope,
          'duplicates',
          o.runs,
          async () => (await duplicateFigures(db, subjectCode)).mergedPersons,
        ),
      );
      timings.push(
        await time(
          scope,
          'whole page use case',
          o.runs,
          async () => (await readDashboard(admin, { subjectCode })).byRegion.length,
        ),
      );
    }
    const direct = await time(
      'country',
      'WITHOUT aggregates: insured by region from coverages',
      3,
      async () => {
        const r = await db.execute(sql`
        select subject_code, count(*) from coverages
         where recorded_to is null and valid_from <= ${today}::date and (valid_to is null or valid_to > ${today}::date)
           and status <> 'terminated' group by 1`);
        return r.rows.length;
      },
    );

    const worstQuery = Math.max(
      ...timings.filter((t) => t.query !== 'whole page use case').map((t) => t.worst),
    );
    console.log(
      `\nDashboard benchmark: ${int(c.persons)} persons, ${int(c.applications)} applications, ${int(c.lookups)} lookups; ${o.runs} runs each\n`,
    );
    console.log(
      table([
        ['scope', 'query', 'median ms', 'worst ms', 'rows'],
        ...[...timings, direct].map((t) => [
          t.scope,
          t.query,
          fixed(t.median),
          fixed(t.worst),
          String(t.rows),
        ]),
      ]),
    );
    console.log(`\nrefresh job: first run ${int(full.tookMs)} ms, windowed run ${int(windowed.tookMs)} ms`);
    console.log(
      `goal: each dashboard query ≤ ${GOAL_MS} ms — worst ${fixed(worstQuery)} ms: ${worstQuery <= GOAL_MS ? 'MET' : 'NOT MET'}`,
    );
    log(`done in ${fixed((performance.now() - started) / 1000, 1)} s`);
  } finally {
    await closeDb().catch(() => undefined);
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
