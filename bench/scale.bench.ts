/**
 * Scale benchmark (issue 15): `npm run bench:scale -- --persons 10000000 [--duration S] [--connections C]
 * [--queries N] [--measure 0|1]`. Not part of CI: a 10-million-person register takes about an hour to seed.
 *
 * The register lives on its own local pg_auto_failover cluster (.data/cluster-scale, ports from
 * CLUSTER_PORT_BASE + 1000), kept between runs. The first run makes it like this (bench/scale/seeded-cluster.ts):
 * the monitor and ONE data node; the register seeded on it alone (the seeder's COPY, then keys and indexes)
 * with the WAL archive switched off (`archive_command = '/bin/true'`) and checkpoints spread for the load
 * only — no replica streams the load and no archive fills the disk; then the replica is cloned from it by
 * pg_autoctl (a pg_basebackup throttled to pg_autoctl's default 100 MB/s), which measures a base backup of
 * the big register. Seeding figures (persons/s, bytes per person, clone time) are kept in the cluster's
 * seed-figures.json so a later run that reuses the register prints them too.
 *
 * With `--measure 1` (default) it then measures on that register: … (see the phases below).
 */
import { env } from '../config/env';
import { stopCluster } from '../db/cluster/local-cluster';
import { optionsOrExit, parseBenchFlags } from './lib/args';
import { fixed, int, table } from './lib/format';
import { seededCluster, type SeedFigures } from './scale/seeded-cluster';

const CLUSTER = { dir: '.data/cluster-scale', portBase: env().CLUSTER_PORT_BASE + 1000 };
const DATABASE = 'oms_bench_scale';
const SEED = 1;

const USAGE = `usage: npm run bench:scale -- [--persons N] [--duration S] [--connections C] [--queries N] [--measure 0|1]
  --persons N      register size (default 10000000), kept in ${CLUSTER.dir} between runs
  --duration S     seconds of load per lookup measurement (default 15)
  --connections C  requests in flight at once (default 16)
  --queries N      console searches per kind (default 500)
  --measure 0      seed (or reuse) the register and stop: no measurement`;

const opts = (() => {
  const given = optionsOrExit(
    parseBenchFlags(process.argv.slice(2), {
      persons: { kind: 'whole', min: 1000, max: 200_000_000 },
      duration: { kind: 'whole', min: 1, max: 600 },
      connections: { kind: 'whole', min: 1, max: 256 },
      queries: { kind: 'whole', min: 10, max: 100_000 },
      measure: { kind: 'whole', min: 0, max: 1 },
    }),
    USAGE,
  );
  return {
    persons: given.persons ?? 10_000_000,
    duration: given.duration ?? 15,
    connections: given.connections ?? 16,
    queries: given.queries ?? 500,
    measure: given.measure !== 0,
  };
})();

const log = (line: string) => console.log(`[bench:scale ${new Date().toISOString().slice(11, 19)}] ${line}`);

function printSeedFigures(f: SeedFigures): void {
  console.log(`\nRegister of ${int(f.persons)} persons (seeded ${f.seededAt})`);
  console.log(
    table([
      ['figure', 'value'],
      [
        'seed time, s (load + keys/indexes)',
        `${fixed(f.seconds, 1)} (${fixed(f.loadSeconds, 1)} + ${fixed(f.indexSeconds, 1)})`,
      ],
      ['seeding rate, persons/s', int(f.persons / f.seconds)],
      ['register bytes per person (tables + indexes)', int(f.registerBytes / f.persons)],
      ['database bytes per person', int(f.databaseBytes / f.persons)],
      ['database size, GB', fixed(f.databaseBytes / 1e9, 2)],
      ['replica clone (pg_autoctl base backup), s', fixed(f.cloneSeconds, 1)],
      ['replica clone rate, MB/s (throttled at 100)', fixed(f.cloneBytes / 1e6 / f.cloneSeconds, 1)],
    ]),
  );
}

const cluster = await seededCluster({
  ...CLUSTER,
  persons: opts.persons,
  seed: SEED,
  database: DATABASE,
  log,
});
try {
  printSeedFigures(cluster.figures);
} finally {
  await stopCluster({ ...CLUSTER, log });
}
