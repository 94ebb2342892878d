/**
 * ОСМС status-check benchmark (issue 14): `npm run bench:kz-status [-- --persons N] [--duration S]
 * [--warmup S] [--connections 16,64] [--samples N]`.
 *
 * On a Kazakh register of N synthetic persons (default 1,000,000; db/seed/kz/bulk-load.ts: 12+ months of
 * contributions each, with the shares of employees, state-paid category members, local bodies' unemployed,
 * self-payers with gaps, advance payers, persons in a grace period, lump-sum payers, foreigners with permits
 * and temporary statuses) in an embedded PostgreSQL under .data/bench-kz-status — kept between runs and
 * re-seeded only when N or the generator changes — it starts the production server in the `kz` jurisdiction
 * (`scripts/serve.ts --prod`; needs `npm run build`) and, as the baselines measured in the same run, a bare
 * node:http + pg server running the same statements (bench/baseline/kz-status-server.ts): the facts of one
 * person by ИИН plus the access-log row (like-for-like), and the facts alone (the read-only limit). All are
 * driven by autocannon with random existing ИИН at each connection count, with the same pool size
 * (DATABASE_POOL_MAX). Prints the answers' mix, requests/s, p50/p99 latency, non-2xx answers and errors,
 * the door's ratio to both baselines, and the register's bytes per person (tables + indexes).
 *
 * The public check is rate-limited per client address (the `user` limits, USER_RATE_LIMIT_PER_SECOND and
 * USER_RATE_LIMIT_BURST in config/env.ts); the load comes from one address, so the benchmark raises those
 * limits for its server through the configuration: the limiter stays in the path, its cost measured.
 *
 * Remove the register afterwards to free the disk: `rm -rf .data/bench-kz-status` (1 M persons ≈ 7 GB).
 */
import { closeDb } from '../db/client';
import type { KzPopulationSummary } from '../db/seed/kz/bulk-load';
import { startEmbeddedPostgres } from '../db/embedded';
import { kzToday } from '../lib/kz/today';
import { LOAD_DEFAULTS, LOAD_FLAGS, optionsOrExit, parseBenchFlags } from './lib/args';
import { startDoorServers } from './lib/child-process';
import { fixed, int } from './lib/format';
import { kzStorage, reusedOrSeededKzRegister } from './lib/kz-register';
import {
  answerMix,
  measureStatusDoors,
  pickIins,
  printStatusReport,
  printStorage,
} from './lib/kz-status-doors';
import { requireProductionBuild } from './lib/lookup-doors';

const DATA_DIR = '.data/bench-kz-status';
const APP_DATA_DIR = '.data/bench-kz-status-app';
const DATABASE = 'oms_bench_kz_status';
const SEED = 1;
/** Bump when the generated population changes, so a kept register is re-seeded (2: person.loaded events). */
const GENERATOR = 2;
const MIX_SAMPLES = 1000;

const USAGE = `usage: npm run bench:kz-status -- [--persons N] [--duration S] [--warmup S] [--connections 16,64] [--samples N]
  --persons N        register size (default 1000000); the database in ${DATA_DIR} is re-seeded when it changes
  --duration S       seconds of load per target and connection count (default 15)
  --warmup S         seconds of load before each measurement, not counted (default 3)
  --connections L    comma-separated connection counts (default 16,64)
  --samples N        random ИИН to cycle through (default 10000)
  --measure 0        seed (or reuse) the register, print its storage and stop: no server, no load
Needs the production build: run \`npm run build\` first.`;

function parseOptions(argv: readonly string[]) {
  const given = parseBenchFlags(argv, {
    persons: { kind: 'whole', min: 10, max: 50_000_000 },
    ...LOAD_FLAGS,
    measure: { kind: 'whole', min: 0, max: 1 },
  });
  if (typeof given === 'string') return given;
  return { persons: 1_000_000, ...LOAD_DEFAULTS, measure: 1, ...given };
}

const log = (line: string) =>
  console.log(`[bench:kz-status ${new Date().toISOString().slice(11, 19)}] ${line}`);

function printSeed(seeded: KzPopulationSummary): void {
  console.log(
    `\nSeeded ${int(seeded.persons)} persons and ${int(seeded.contributions)} contributions in ` +
      `${fixed(seeded.seconds, 1)} s (COPY ${fixed(seeded.loadSeconds, 1)} s + keys and indexes ` +
      `${fixed(seeded.indexSeconds, 1)} s)`,
  );
}

async function main(): Promise<void> {
  const options = optionsOrExit(parseOptions(process.argv.slice(2)), USAGE);
  if (options.measure) requireProductionBuild();
  // This process migrates and binds the register as the server will: a Kazakh one.
  process.env.REGISTER_JURISDICTION = 'kz';

  const started = performance.now();
  const database = await startEmbeddedPostgres({ dataDir: DATA_DIR });
  try {
    const asOf = kzToday();
    const { url, seeded } = await reusedOrSeededKzRegister(database.url, DATABASE, {
      persons: options.persons,
      seed: SEED,
      asOf,
      marker: `bench-kz-status persons=${options.persons} seed=${SEED} generator=${GENERATOR}`,
      log,
    });
    const storage = await kzStorage(url);
    if (seeded) printSeed(seeded);
    printStorage(storage);
    if (!options.measure) return;
    const iins = await pickIins(url, options.samples);
    log(`${int(iins.length)} random ИИН to check`);

    const servers = await startDoorServers(
      url,
      {
        appDataDir: APP_DATA_DIR,
        baselineScript: 'bench/baseline/kz-status-server.ts',
        env: {
          REGISTER_JURISDICTION: 'kz',
          // The limiter stays in the path (its cost is measured), but must not refuse the load.
          USER_RATE_LIMIT_PER_SECOND: '1000000',
          USER_RATE_LIMIT_BURST: '1000000',
        },
      },
      log,
    );
    try {
      const mix = await answerMix(servers.oursUrl, iins.slice(0, MIX_SAMPLES));
      const load = await measureStatusDoors(servers, iins, options, log);
      printStatusReport(load, options, mix);
      console.log(`\n${int((performance.now() - started) / 1000)} s in all`);
    } finally {
      await servers.stop();
    }
  } finally {
    await closeDb().catch(() => undefined);
    await database.stop();
  }
}

await main();
