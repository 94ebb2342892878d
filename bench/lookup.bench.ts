/**
 * Lookup benchmark: `npm run bench:lookup [-- --persons N] [--duration S] [--connections 16,64]`.
 *
 * On a register of N generated persons (default 1,000,000) in an embedded PostgreSQL under
 * .data/bench-lookup — kept between runs and re-seeded only when N changes — it starts the production
 * server (`scripts/serve.ts --prod`; needs `npm run build`) and, as the baselines measured in the same run,
 * a minimal node:http + pg server (bench/baseline/lookup-server.ts) answering the same lookup two ways:
 * with the same prepared statement on a pool with the product's commit settings (the like-for-like
 * baseline, access-log row included), and the same answer without the log row (the read-only baseline:
 * the physical limit of a lookup). All are driven by autocannon with random existing persons — by
 * passport + birth date (the goal's query) and by ЕНП — at each connection count, and FHIR
 * `Coverage?beneficiary.identifier=…` (ЕНП) too when the server answers it. Prints requests/s, p50/p99
 * latency and non-2xx answers, each target's ratio to both baselines answering the same query, and the
 * goals (judged against the like-for-like baseline).
 */
import { closeDb } from '../db/client';
import { startEmbeddedPostgres } from '../db/embedded';
import { measureLookupDoors, printLookupReport, requireProductionBuild } from './lib/lookup-doors';
import { reusedOrSeededRegister } from './lib/seeded-register';
import { LOAD_DEFAULTS, LOAD_FLAGS, optionsOrExit, parseBenchFlags } from './lib/args';

const DATA_DIR = '.data/bench-lookup';
const APP_DATA_DIR = '.data/bench-lookup-app';
const DATABASE = 'oms_bench_lookup';
const SEED = 1;

const USAGE = `usage: npm run bench:lookup -- [--persons N] [--duration S] [--warmup S] [--connections 16,64] [--samples N]
  --persons N        register size (default 1000000); the database in ${DATA_DIR} is re-seeded when it changes
  --duration S       seconds of load per target and connection count (default 15)
  --warmup S         seconds of load before each measurement, not counted (default 3)
  --connections L    comma-separated connection counts (default 16,64)
  --samples N        random documents to cycle through (default 10000)
Needs the production build: run \`npm run build\` first.`;

interface Options {
  persons: number;
  duration: number;
  warmup: number;
  connections: number[];
  samples: number;
}

function parseOptions(argv: readonly string[]): Options | string {
  const given = parseBenchFlags(argv, {
    persons: { kind: 'whole', min: 1, max: 200_000_000 },
    ...LOAD_FLAGS,
  });
  if (typeof given === 'string') return given;
  return { persons: 1_000_000, ...LOAD_DEFAULTS, ...given };
}

const log = (line: string) => console.log(`[bench:lookup] ${line}`);

/** The bench database: migrated, and seeded with exactly N persons (the database's comment records it). */
async function prepareRegister(serverUrl: string, persons: number): Promise<string> {
  const marker = `bench-lookup persons=${persons} seed=${SEED}`;
  return reusedOrSeededRegister(serverUrl, DATABASE, { persons, seed: SEED, marker, log });
}

async function main(): Promise<void> {
  const options = optionsOrExit(parseOptions(process.argv.slice(2)), USAGE);
  requireProductionBuild();

  const started = performance.now();
  const database = await startEmbeddedPostgres({ dataDir: DATA_DIR });
  const loadOptions = { ...options, appDataDir: APP_DATA_DIR };
  try {
    const url = await prepareRegister(database.url, options.persons);
    const load = await measureLookupDoors(url, loadOptions, log);
    printLookupReport(load, loadOptions, performance.now() - started);
  } finally {
    await closeDb().catch(() => undefined);
    await database.stop();
  }
}

await main();
