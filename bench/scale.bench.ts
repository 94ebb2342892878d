/**
 * Scale benchmark (issue 15): `npm run bench:scale -- --persons 10000000 [--duration S] [--connections C]
 * [--queries N] [--measure 0|1] [--slot 1]`. Not part of CI: a 10-million-person register takes about half
 * an hour to seed on 2 cores (1,608 s on 2026-12-05) and 28 GB of disk (both nodes).
 *
 * The register lives on its own local pg_auto_failover cluster (.data/cluster-scale, ports from
 * CLUSTER_PORT_BASE + 1000), kept between runs. The first run makes it (bench/scale/seeded-cluster.ts):
 * the monitor and ONE data node; the register seeded on it alone (the seeder's COPY, then keys and
 * indexes) with the WAL archive switched off (`archive_command = '/bin/true'`) and checkpoints spread for
 * the load only — no replica streams the load and no archive fills the disk; then the replica is cloned
 * from it by pg_autoctl (a pg_basebackup throttled to pg_autoctl's default 100 MB/s), which times a copy of
 * the big register. The seed's figures are kept in the cluster's seed-figures.json, so a later run that
 * reuses the register prints them too.
 *
 * Then, unless `--measure 0`, on that register (the same functions as the smaller benches, bench/lib):
 * 1. the clinic lookup doors (REST by passport and by ЕНП, FHIR Coverage) under autocannon against the
 *    same-statement baseline and the read-only limit (bench:lookup's measureLookupDoors), reads from the
 *    primary; then the indexes' sizes and the access log's bytes per row (bench/scale/storage.ts);
 * 2. console search p99 (bench:console's timeSearches);
 * 3. the lookup use case with reads from the primary only vs from the replica (bench:replica-reads'
 *    comparePrimaryAndReplica) — on one 2-core machine this shows the mechanism, not the capacity;
 * 4. a base backup and a point-in-time restore of it, or a streamed base backup when the disk has no room;
 * 5. the failover: the primary SIGKILLed under access-log writes, the time to the first successful write
 *    through the app's multi-host pool, and the acknowledged rows lost (bench/lib/failover.ts); the killed
 *    node then rejoins as the replica.
 * docs/capacity.md scales these figures to 146 million persons.
 */
import { rmSync, statfsSync } from 'node:fs';
import { env } from '../config/env';
import { closeDb } from '../db/client';
import { archiveCurrentWal, baseBackup, restoreToTime } from '../db/cluster/backup';
import { clusterLayout, multiHostUrl } from '../db/cluster/layout';
import { currentPrimary, startCluster, stopCluster } from '../db/cluster/local-cluster';
import { queryNode } from '../db/cluster/monitor';
import { closeReadPools } from '../db/read-pools';
import { optionsOrExit, parseBenchFlags } from './lib/args';
import { pickConsoleSamples, timeSearches } from './lib/console-searches';
import { crashThePrimary } from './lib/failover';
import { fixed, int, table } from './lib/format';
import { measureLookupDoors, printLookupReport, requireProductionBuild } from './lib/lookup-doors';
import { registerBytesPerPerson } from './lib/register-size';
import { comparePrimaryAndReplica } from './lib/replica-lookups';
import { printStorage } from './scale/storage';
import { streamedBaseBackup } from './scale/streamed-backup';
import { seededCluster, type SeededCluster, type SeedFigures } from './scale/seeded-cluster';

const DATABASE = 'oms_bench_scale';
const APP_DATA_DIR = '.data/bench-scale-app';
const SEARCH_GOAL_P99 = 50;
const SEED = 1;

const USAGE = `usage: npm run bench:scale -- [--persons N] [--duration S] [--connections C] [--queries N] [--measure 0|1]
  --persons N      register size (default 10000000), kept in .data/cluster-scale between runs
  --duration S     seconds of load per lookup measurement (default 15)
  --connections C  requests in flight at once (default 16)
  --queries N      console searches per kind (default 500)
  --measure 0      seed (or reuse) the register and stop: no measurement
  --slot 1         a second cluster (.data/cluster-scale-1, ports +10), e.g. a small register tried
                   while the big one seeds`;

const opts = (() => {
  const given = optionsOrExit(
    parseBenchFlags(process.argv.slice(2), {
      persons: { kind: 'whole', min: 1000, max: 200_000_000 },
      duration: { kind: 'whole', min: 1, max: 600 },
      connections: { kind: 'whole', min: 1, max: 256 },
      queries: { kind: 'whole', min: 10, max: 100_000 },
      measure: { kind: 'whole', min: 0, max: 1 },
      slot: { kind: 'whole', min: 0, max: 1 },
    }),
    USAGE,
  );
  return {
    persons: given.persons ?? 10_000_000,
    duration: given.duration ?? 15,
    connections: given.connections ?? 16,
    queries: given.queries ?? 500,
    measure: given.measure !== 0,
    slot: given.slot ?? 0,
  };
})();

/** Slot 1 is a second cluster, to try the benchmark on a small register while the big one seeds. */
const CLUSTER = {
  dir: opts.slot === 0 ? '.data/cluster-scale' : `.data/cluster-scale-${opts.slot}`,
  portBase: env().CLUSTER_PORT_BASE + 1000 + 10 * opts.slot,
};

const log = (line: string) => console.log(`[bench:scale ${new Date().toISOString().slice(11, 19)}] ${line}`);

function printSeedFigures(f: SeedFigures, registerBytesPerPerson: number): void {
  console.log(`\nRegister of ${int(f.persons)} persons (seeded ${f.seededAt})`);
  console.log(
    table([
      ['figure', 'value'],
      [
        'seed time, s (load + keys/indexes)',
        `${fixed(f.seconds, 1)} (${fixed(f.loadSeconds, 1)} + ${fixed(f.indexSeconds, 1)})`,
      ],
      ['seeding rate, persons/s', int(f.persons / f.seconds)],
      ['register bytes per person (tables + indexes)', int(registerBytesPerPerson)],
      ['database bytes per person', int(f.databaseBytes / f.persons)],
      ['database size, GB', fixed(f.databaseBytes / 1e9, 2)],
      ['replica clone (pg_autoctl base backup), s', fixed(f.cloneSeconds, 1)],
      ['replica clone rate, MB/s (throttled at 100)', fixed(f.cloneBytes / 1e6 / f.cloneSeconds, 1)],
    ]),
  );
}

/** Console searches on the primary, as the server runs them. */
async function consoleSearches(url: string): Promise<void> {
  process.env.DATABASE_URL = url;
  const samples = await pickConsoleSamples(url, Math.min(opts.queries, 5000));
  const timings = await timeSearches(samples, opts.queries, SEARCH_GOAL_P99, log);
  await closeDb();
  console.log(`\nConsole search (use case searchRegister, server time), ${int(opts.queries)} calls each`);
  console.log(
    table([
      ['search', 'median ms', 'p99 ms', 'goal p99', 'outcomes'],
      ...timings.map((t) => [t.name, fixed(t.median, 1), fixed(t.p99, 1), `≤ ${SEARCH_GOAL_P99}`, t.note]),
    ]),
  );
}

/**
 * A base backup of the primary as an operator takes it (pg_basebackup, unthrottled, WAL streamed), then a
 * point-in-time restore of it to a moment after it (copy + replay of the archive) — both removed
 * afterwards — when the disk holds two copies of the database with 15 GB to spare. Otherwise (a big
 * register on this machine's one disk) the base backup is streamed and counted, stored nowhere, and the
 * restore is not measured.
 */
async function backupAndRestore(cluster: SeededCluster): Promise<void> {
  const layout = clusterLayout(CLUSTER);
  const primary = await currentPrimary(CLUSTER);
  const rows: string[][] = [['step', 'GB', 'seconds', 'MB/s']];
  const row = (step: string, m: { bytes: number; seconds: number }) =>
    rows.push([step, fixed(m.bytes / 1e9, 2), fixed(m.seconds, 1), fixed(m.bytes / 1e6 / m.seconds, 1)]);
  const [size] = await queryNode<{ n: string }>(
    primary.port,
    'postgres',
    'select sum(pg_database_size(oid))::text as n from pg_database',
  );
  const free = statfsSync(layout.dir);
  if (free.bavail * free.bsize < 2 * Number(size!.n) + 15e9) {
    log(
      `base backup streamed and counted (${fixed((free.bavail * free.bsize) / 1e9, 1)} GB free: no room for copies)…`,
    );
    row('base backup (pg_basebackup, tar streamed, not stored)', await streamedBaseBackup(primary.port));
    rows.push(['restore to a time', 'not measured: no disk for a copy', '', '']);
  } else {
    log('base backup of the primary…');
    const backup = baseBackup(layout, primary.port, 'scale');
    row('base backup (pg_basebackup, stored)', backup);
    try {
      // The target, then a commit after it (recovery stops at the first commit past the target), archived.
      const [moment] = await queryNode<{ t: string }>(
        primary.port,
        'postgres',
        `select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00' as t`,
      );
      const target = moment!.t;
      await new Promise((r) => setTimeout(r, 1000));
      await queryNode(primary.port, 'postgres', 'select txid_current()');
      await archiveCurrentWal(layout, primary.port);
      log('point-in-time restore of that backup…');
      const restorePort = CLUSTER.portBase + 20;
      const restored = await restoreToTime(layout, backup.dir, target, restorePort);
      try {
        const [count] = await queryNode<{ n: string }>(
          restorePort,
          DATABASE,
          'select count(*)::text as n from persons',
        );
        if (Number(count!.n) < cluster.figures.persons)
          throw new Error(`the restored register has ${count!.n} persons`);
      } finally {
        restored.stop();
        rmSync(restored.dir, { recursive: true, force: true });
      }
      row('restore to a time (copy + replay + promotion)', restored);
    } finally {
      rmSync(backup.dir, { recursive: true, force: true });
    }
  }
  console.log(
    `\nBackup of the register (${int(cluster.figures.persons)} persons), on this machine's one disk:`,
  );
  console.log(table(rows));
}

/** The primary killed under access-log writes: the time to the first write, and what was lost. */
async function failover(cluster: SeededCluster): Promise<void> {
  log('failover: the primary killed under access-log writes…');
  const f = await crashThePrimary({
    cluster: CLUSTER,
    database: DATABASE,
    primaryUrl: cluster.url,
    multiHostUrl: multiHostUrl(clusterLayout(CLUSTER), DATABASE),
    connections: opts.connections,
  });
  console.log(`\nFailover (SIGKILL of the primary's node; pg_auto_failover promotes the replica):`);
  console.log(
    table([
      ['figure', 'value'],
      ['promoted node', f.promoted],
      ['kill → promotion seen by the monitor, s', fixed(f.promotedAfter, 1)],
      ['kill → first successful write (app pool, multi-host URL), s', fixed(f.firstWriteAfter, 1)],
      ['access-log rows/s before the kill (lookup pool, synchronous_commit off)', int(f.rate)],
      ['acknowledged access-log rows / lost', `${int(f.acknowledged)} / ${int(f.lost)}`],
      ['lost, in seconds of writes', fixed(f.lostSeconds, 3)],
    ]),
  );
}

if (opts.measure) requireProductionBuild();
const cluster = await seededCluster({
  ...CLUSTER,
  persons: opts.persons,
  seed: SEED,
  database: DATABASE,
  log,
});
try {
  printSeedFigures(cluster.figures, await registerBytesPerPerson(cluster.url, cluster.figures.persons));
  if (opts.measure) {
    const started = performance.now();
    const loadOptions = {
      persons: cluster.figures.persons,
      duration: opts.duration,
      warmup: 3,
      connections: [opts.connections],
      samples: 10_000,
      appDataDir: APP_DATA_DIR,
    };
    printLookupReport(
      await measureLookupDoors(cluster.url, loadOptions, log),
      loadOptions,
      performance.now() - started,
    );
    await printStorage(cluster.url, cluster.figures.persons);
    await consoleSearches(cluster.url);
    process.env.DATABASE_URL = cluster.url;
    await comparePrimaryAndReplica(cluster.replicaUrl, opts, `${int(cluster.figures.persons)} persons`);
    await backupAndRestore(cluster);
    await failover(cluster);
    // The killed node rejoins as the replica, so the cluster is whole for the next run.
    await startCluster({ ...CLUSTER, log, startTimeoutMs: 3 * 3600_000 });
  }
} finally {
  await closeReadPools();
  await closeDb();
  await stopCluster({ ...CLUSTER, log });
}
