/**
 * Replica reads benchmark (ADR 0026): `npm run bench:replica-reads [-- --persons N] [--duration S]
 * [--connections C] [--crash 0|1]`.
 *
 * On the local pg_auto_failover cluster (ADR 0025; started here, stopped at the end) a register of N
 * generated persons (default 100,000) is seeded on the primary and streamed to the replica. The clinic
 * lookup use case (lookupPolicy, ЕНП + birth date, random existing persons) then runs C at a time for S
 * seconds twice, with the same settings: reads from the primary only (no DATABASE_REPLICA_URLS: one
 * statement reads and logs, ADR 0009), then reads from the replica (the access-log rows group-inserted on
 * the primary). It prints lookups/s, p50/p99, and what the primary did per lookup (transactions).
 *
 * `--crash 1` then measures what a crash of the primary loses of acknowledged access-log rows: rows are
 * inserted as the lookup logs them (the lookup pool, synchronous_commit off) as fast as C writers can;
 * the primary is killed (SIGKILL of the node) and, after the replica's promotion, the acknowledged rows
 * missing on the new primary are counted — in rows and in seconds of that rate.
 */
import { env } from '../config/env';
import { closeDb } from '../db/client';
import { clusterLayout, multiHostUrl } from '../db/cluster/layout';
import { startCluster, stopCluster } from '../db/cluster/local-cluster';
import { databaseUrl } from '../db/embedded';
import { closeReadPools } from '../db/read-pools';
import { crashThePrimary } from './lib/failover';
import { comparePrimaryAndReplica } from './lib/replica-lookups';
import { parseBenchFlags } from './lib/args';
import { fixed, int, table } from './lib/format';
import { reusedOrSeededRegister } from './lib/seeded-register';

const CLUSTER = { dir: '.data/cluster-replica-bench', portBase: env().CLUSTER_PORT_BASE + 90 };
const DATABASE = 'oms_bench_replica';
const SEED = 1;

const USAGE = `usage: npm run bench:replica-reads -- [--persons N] [--duration S] [--connections C] [--crash 0|1]
  --persons N      register size (default 100000), seeded on the cluster's primary (kept between runs)
  --duration S     seconds of lookups per mode (default 15)
  --connections C  lookups in flight at once (default 16)
  --crash 1        then kill the primary under access-log writes and count the acknowledged rows lost`;

const given = parseBenchFlags(process.argv.slice(2), {
  persons: { kind: 'whole', min: 1000, max: 10_000_000 },
  duration: { kind: 'whole', min: 1, max: 600 },
  connections: { kind: 'whole', min: 1, max: 256 },
  crash: { kind: 'whole', min: 0, max: 1 },
});
if (typeof given === 'string') {
  console.error(`${given}\n${USAGE}`);
  process.exit(2);
}
const opts = {
  persons: given.persons ?? 100_000,
  duration: given.duration ?? 15,
  connections: given.connections ?? 16,
  crash: given.crash === 1,
};
const log = (line: string) => console.log(line);
/** Acknowledged access-log rows lost when the primary dies (the lookup pool's asynchronous commit). */
async function crashLoss(primaryUrl: string, clusterUrl: string): Promise<void> {
  log('\nCrash: access-log rows written as the lookup writes them, then the primary killed…');
  const f = await crashThePrimary({
    cluster: CLUSTER,
    database: DATABASE,
    primaryUrl,
    multiHostUrl: clusterUrl,
    connections: opts.connections,
  });
  log(
    `  ${f.promoted} promoted after ${fixed(f.promotedAfter, 1)} s; first write after ${fixed(f.firstWriteAfter, 1)} s`,
  );
  console.log(
    table([
      [
        'acknowledged rows',
        'on the promoted replica',
        'lost',
        'write rate (rows/s)',
        'lost, in seconds of writes',
      ],
      [int(f.acknowledged), int(f.kept), int(f.lost), int(f.rate), fixed(f.lostSeconds, 3)],
    ]),
  );
}

const t0 = Date.now();
const info = await startCluster({ ...CLUSTER, log });
log(`cluster up in ${fixed((Date.now() - t0) / 1000, 1)} s: primary ${info.currentPrimaryUrl}`);
const serverUrl = info.currentPrimaryUrl.replace(/\/[^/]*$/, '/postgres');
const url = await reusedOrSeededRegister(serverUrl, DATABASE, {
  persons: opts.persons,
  seed: SEED,
  marker: `replica-reads persons=${opts.persons} seed=${SEED}`,
  log,
});
const replicaUrl = databaseUrl(info.replicaUrls[0]!.replace(/\/[^/]*$/, '/postgres'), DATABASE);
process.env.DATABASE_URL = url;

try {
  await comparePrimaryAndReplica(replicaUrl, opts, `${int(opts.persons)} persons`);
  if (opts.crash) {
    await crashLoss(url, multiHostUrl(clusterLayout(CLUSTER), DATABASE));
    await startCluster({ ...CLUSTER, log }); // the killed node rejoins as a replica
  }
} finally {
  await closeReadPools();
  await closeDb();
  await stopCluster({ ...CLUSTER, log });
}
